// The relays' upstream: ONE client socket to a boardcast instance whose board frames are
// handed on byte for byte (control frames are dropped), reconnecting if it closes. Shared
// by the `ws` baseline and the trivial uWS relay, so both carry boardcast's exact bytes.
import WebSocket from 'ws';
import { decodeMessage } from '../../src/loadgen/decode.js';

import { nowUsFine as nowUs } from '../../src/util/clock.js';

export function relayFrom(url: string, name: string, onFrame: (data: Buffer, isBinary: boolean, hopUs: number) => void): void {
  const up = new WebSocket(url, { perMessageDeflate: false });
  up.on('message', (data: Buffer, isBinary: boolean) => {
    const receivedUs = nowUs();
    let m;
    try {
      m = decodeMessage(data, isBinary, 'header');
    } catch {
      return;
    }
    if (m.type === 'board') onFrame(data, isBinary, receivedUs - m.producedAtUs);
  });
  up.on('error', (err) => process.stderr.write(`${name}: upstream error: ${err.message}\n`));
  up.on('close', () => setTimeout(() => relayFrom(url, name, onFrame), 200));
}
