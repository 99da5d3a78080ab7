// Big frames go out as WebSocket fragments that each fit uWS's cork buffer.
//
// Why: uWS formats a message that does not fit its per-loop cork buffer (16 KiB) into the
// socket's own send-buffer string (AsyncSocket::getSendBuffer) and, once the kernel took
// it, empties that string without ever freeing it. So every socket that was once sent one
// message over 16 KiB — a JSON FULL frame of the VN30 board is ~34 KB — keeps that much
// native memory (or twice, after a second append) for as long as it stays connected,
// whether or not it ever lagged: that was the ~50–60 KiB per JSON connection under load
// (and the same for a trivial uWS relay of the same bytes). A message sent in pieces that
// each fit the cork buffer is written from there and leaves nothing behind; a client sees
// one message (fragmentation is below the message level in RFC 6455). Only a socket whose
// kernel buffer is full still grows its own string — what the backpressure limit and the
// send budget bound.
import type { WebSocket } from 'uWebSockets.js';

/** Largest payload sent in one piece: uWS's cork buffer (16,384 B) less a frame header (≤ 14 B) and margin. */
export const FRAGMENT_BYTES = 16 * 1024 - 256;

/** Whether `bytes` must be fragmented to go through the cork buffer (else one publish / send does). */
export const needsFragments = (bytes: Uint8Array): boolean => bytes.byteLength > FRAGMENT_BYTES;

/** Sends one message, in cork-buffer-sized fragments when it is bigger than one. */
export function sendMessage<T>(ws: WebSocket<T>, bytes: Uint8Array, isBinary: boolean): void {
  const n = bytes.byteLength;
  if (n <= FRAGMENT_BYTES) {
    ws.send(bytes, isBinary);
    return;
  }
  ws.sendFirstFragment(bytes.subarray(0, FRAGMENT_BYTES), isBinary);
  let at = FRAGMENT_BYTES;
  for (; n - at > FRAGMENT_BYTES; at += FRAGMENT_BYTES) ws.sendFragment(bytes.subarray(at, at + FRAGMENT_BYTES));
  ws.sendLastFragment(bytes.subarray(at));
}
