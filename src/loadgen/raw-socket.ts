// The raw receive path: a plain ws:// client on a bare TCP socket that reads every message
// header-only. Node's `onread` hands every read of every socket on this thread the same
// buffer (no allocation, no stream machinery per read); ws-framing.ts's reader keeps the
// first HEAD_BYTES of each message and skips the rest by count.
import { connect, type Socket } from 'node:net';
import type { ClientSocket, SocketEvents } from './socket-events.js';
import {
  closePayload, FrameReader, handshakeRequest, maskedFrame, newHandshakeKey, OP_CLOSE, OP_PONG, readHandshakeResponse, WsProtocolError,
} from './ws-framing.js';

/** One read buffer per thread: a read is parsed before the next one can land in it. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

class RawSocket implements ClientSocket {
  private readonly sock: Socket;
  private readonly key = newHandshakeKey();
  private state: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting';
  /** The handshake response so far (once per connection; null after it). */
  private response: Buffer | null = Buffer.alloc(0);
  private reader: FrameReader | null = null;
  private closeSent = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(url: URL, connectTimeoutMs: number, private readonly on: SocketEvents, private readonly closeReason: string) {
    this.sock = connect({
      // URL keeps an IPv6 literal's brackets; net wants the bare address.
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(url.port || 80),
      onread: { buffer: READ_BUFFER, callback: (n, buf) => { this.onRead(buf, n); return true; } },
    });
    this.sock.setNoDelay(true);
    this.sock.on('connect', () => this.sock.write(handshakeRequest(url, this.key)));
    this.sock.on('error', (err) => this.on.error(err.message));
    this.sock.on('end', () => { if (this.state === 'connecting') this.on.error('socket hang up'); });
    this.sock.on('close', () => {
      clearTimeout(this.timer);
      this.state = 'closed';
      this.on.close();
    });
    this.timer = setTimeout(() => this.fail('Opening handshake has timed out'), connectTimeoutMs);
  }

  get connecting(): boolean { return this.state === 'connecting'; }

  close(): void {
    if (this.state !== 'open') { this.terminate(); return; }
    this.state = 'closing';
    this.sendClose(1000, this.closeReason);
  }

  terminate(): void {
    clearTimeout(this.timer);
    this.sock.destroy();
  }

  private fail(text: string): void {
    this.on.error(text);
    this.terminate();
  }

  private onRead(buf: Uint8Array, n: number): void {
    if (this.state === 'closed') return;
    try {
      if (this.reader) { this.reader.push(buf, 0, n); return; }
      const response = Buffer.concat([this.response!, buf.subarray(0, n)]);
      const bodyAt = readHandshakeResponse(response, this.key);
      if (bodyAt < 0) { this.response = response; return; }
      clearTimeout(this.timer);
      this.response = null;
      this.state = 'open';
      this.reader = new FrameReader({
        message: (head, isBinary, length) => this.on.message(head, isBinary, length),
        ping: (payload) => this.sock.write(maskedFrame(OP_PONG, payload)),
        close: (code) => this.onServerClose(code),
      });
      this.on.open();
      // The server may send its first frame in the same segment as the 101.
      if (bodyAt < response.length) this.reader.push(response, bodyAt);
    } catch (err) {
      if (!(err instanceof WsProtocolError)) throw err;
      this.fail(err.message);
    }
  }

  /** Echo the server's code (RFC 6455 §5.5.1), then end our side; its FIN completes the close. */
  private onServerClose(code: number | null): void {
    if (this.state === 'open') this.state = 'closing';
    this.sendClose(code ?? 1000, '');
    this.sock.end();
  }

  private sendClose(code: number, reason: string): void {
    if (this.closeSent) return;
    this.closeSent = true;
    this.sock.write(maskedFrame(OP_CLOSE, closePayload(code, reason)));
  }
}

/** Opens a raw client on a ws:// URL (wss:// needs TLS: the ws path). */
export function openRawSocket(url: string, connectTimeoutMs: number, on: SocketEvents, closeReason: string): ClientSocket {
  const u = new URL(url);
  if (u.protocol !== 'ws:') throw new Error(`the raw client path speaks plain ws:// only, got ${u.protocol}//`);
  return new RawSocket(u, connectTimeoutMs, on, closeReason);
}
