// One turn of a reconnect loop: open a socket, wait for its first message (or a refusal),
// terminate it. Shared by the bounded-work test and bench:reconnect (no vitest import).
import WebSocket from 'ws';

/** Resolves true when the socket got a message before it was dropped, false when it was refused or failed. */
export function connectOnce(url: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const done = (got: boolean) => {
      ws.terminate();
      resolve(got);
    };
    ws.once('message', () => done(true));
    ws.once('error', () => done(false));
    ws.once('unexpected-response', () => done(false));
  });
}
