// One load-generator client connection, whichever way it receives: through the `ws`
// library (any URL, whole messages: what `--decode full` needs) or through the raw path
// (raw-socket.ts: plain ws://, the first bytes of each message only). The shard counts,
// checks and times messages the same way for both.
import WebSocket from 'ws';
import type { ClientPath } from './options.js';
import { openRawSocket } from './raw-socket.js';
import type { ClientSocket, SocketEvents } from './socket-events.js';

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
