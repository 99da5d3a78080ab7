// One load-generator client connection, whichever way it receives: through the `ws`
// library (any URL, whole messages: what `--decode full` needs) or through the raw path
// (raw-socket.ts: plain ws://, the first bytes of each message only). The shard counts,
// checks and times messages the same way for both.
import WebSocket from 'ws';
import type { ClientPath } from './options.js';
import { openRawSocket } from './raw-socket.js';

export interface SocketEvents {
  open(): void;
  /**
   * One whole message: `data` is all of it (ws) or at least its first HEAD_BYTES bytes
   * (raw), valid only during the call; `length` is its full payload size.
   */
  message(data: Buffer, isBinary: boolean, length: number): void;
  error(text: string): void;
  /** Always last, once: after an open or a failed connect alike. */
  close(): void;
}

export interface ClientSocket {
  /** The opening handshake has not finished yet. */
  readonly connecting: boolean;
  /** Polite close (1000) when open; abort when still connecting. */
  close(): void;
  /** Drops the TCP connection at once. */
  terminate(): void;
}

const CLOSE_REASON = 'loadgen done';

function openWsSocket(url: string, connectTimeoutMs: number, on: SocketEvents): ClientSocket {
  const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: connectTimeoutMs });
  ws.on('open', () => on.open());
  ws.on('error', (err) => on.error(err.message));
  ws.on('close', () => on.close());
  ws.on('message', (data: Buffer, isBinary: boolean) => on.message(data, isBinary, data.length));
  return {
    get connecting() { return ws.readyState === WebSocket.CONNECTING; },
    close() {
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, CLOSE_REASON);
      else ws.terminate();
    },
    terminate() { ws.terminate(); },
  };
}

export function openClientSocket(path: ClientPath, url: string, connectTimeoutMs: number, on: SocketEvents): ClientSocket {
  return path === 'raw' ? openRawSocket(url, connectTimeoutMs, on, CLOSE_REASON) : openWsSocket(url, connectTimeoutMs, on);
}
