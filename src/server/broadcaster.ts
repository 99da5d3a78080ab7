// Fan-out of encoded frames: one uWS topic per wire format, so each frame is written to
// every subscribed socket by uWS itself (one publish, no per-socket JS). Keeps the latest
// FULL frame per format for sockets that arrive between frames.
import type { WebSocket, TemplatedApp } from 'uWebSockets.js';
import type { Metrics } from '../metrics.js';
import type { WireFormat, WorkerToMain } from '../messages.js';

export interface SocketData {
  format: WireFormat;
  ip: string;
}

interface LatestFrame {
  bytes: ArrayBuffer;
  seq: number;
  epoch: string;
  receivedAt: number;
}

export const topicFor = (format: WireFormat) => `frames/${format}`;

export class Broadcaster {
  private readonly latest = new Map<WireFormat, LatestFrame>();
  epoch = '';
  lastSeq = 0;

  constructor(
    private readonly app: TemplatedApp,
    private readonly metrics: Metrics,
    private readonly intervalMs: number,
  ) {}

  /** A new worker epoch: frames of the old one must never reach a new socket. */
  setEpoch(epoch: string): void {
    this.epoch = epoch;
    this.lastSeq = 0;
    this.latest.clear();
  }

  publish(msg: Extract<WorkerToMain, { type: 'frame' }>): void {
    const now = Date.now();
    this.lastSeq = msg.seq;
    for (const f of msg.frames) {
      this.latest.set(f.format, { bytes: f.bytes, seq: msg.seq, epoch: this.epoch, receivedAt: now });
      const t0 = performance.now();
      this.app.publish(topicFor(f.format), f.bytes, f.format === 'proto');
      this.metrics.publishSeconds.observe({ format: f.format }, (performance.now() - t0) / 1000);
      this.metrics.frameBytes.set({ format: f.format }, f.bytes.byteLength);
    }
  }

  /**
   * Sends the latest FULL frame to a socket that just opened, if it is current. A frame
   * older than an interval and a half means the format had no clients (the worker skipped
   * it); the worker builds a fresh one at once when told of the new client, so the socket
   * is served that instead of a stale board.
   */
  sendLatest(ws: WebSocket<SocketData>, format: WireFormat): boolean {
    const f = this.latest.get(format);
    if (!f || f.epoch !== this.epoch || Date.now() - f.receivedAt > this.intervalMs * 1.5) return false;
    ws.send(f.bytes, format === 'proto');
    return true;
  }
}
