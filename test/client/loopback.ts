// A loopback boardcast stand-in for the SDK tests: a `ws` server on 127.0.0.1:0 that
// records connections and the client messages it receives, and sends frames the test
// builds. Tests wait for what they need (with timeouts), never sleep and hope.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { parseClientMessage, type ClientRequest } from '../../src/server/client-messages.js';
import { encodeControl } from '../../src/wire/codec.js';
import { encodeJsonText, encodeProto, type FrameInput } from '../../src/wire/reference-codec.js';
import type { SnapshotProps } from '../../src/wire/proto.js';

export interface Conn {
  ws: WebSocket;
  url: URL;
  received: ClientRequest[];
  /** Raw client messages: text for JSON sockets, bytes for binary ones. */
  raw: Array<string | Buffer>;
}

export class LoopbackServer {
  readonly conns: Conn[] = [];
  private constructor(
    readonly wss: WebSocketServer,
    readonly url: string,
    /** Called for every new connection (e.g. to send the first FULL). */
    public onConnection: (c: Conn) => void = () => {},
  ) {}

  static async start(onConnection?: (c: Conn) => void): Promise<LoopbackServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    const port = (wss.address() as AddressInfo).port;
    const srv = new LoopbackServer(wss, `ws://127.0.0.1:${port}/ws`, onConnection);
    wss.on('connection', (ws, req) => {
      const c: Conn = { ws, url: new URL(req.url ?? '/', `http://127.0.0.1:${port}`), received: [], raw: [] };
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        c.raw.push(isBinary ? data : data.toString('utf8'));
        const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
        c.received.push(parseClientMessage(ab, isBinary));
      });
      srv.conns.push(c);
      srv.onConnection(c);
    });
    return srv;
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

let producedAt = 1_700_000_000_000_000;

export function frameInput(seq: number, kind: 'FULL' | 'DELTA', snapshot: SnapshotProps, epoch = 'e1', baseSeq = kind === 'DELTA' ? seq - 1 : 0): FrameInput {
  return { seq, epoch, producedAtUs: ++producedAt, kind, baseSeq, snapshot };
}

/** Sends one frame in the connection's format (the `format` query parameter). */
export function sendFrame(c: Conn, f: FrameInput): void {
  if (c.url.searchParams.get('format') === 'json') c.ws.send(encodeJsonText(f));
  else c.ws.send(new Uint8Array(encodeProto(f)));
}

export function sendControl(c: Conn, seq: number, epoch: string, body: Parameters<typeof encodeControl>[3]): void {
  const format = c.url.searchParams.get('format') === 'json' ? 'json' : 'proto';
  const out = encodeControl(format, seq, epoch, body);
  c.ws.send(typeof out === 'string' ? out : new Uint8Array(out));
}
