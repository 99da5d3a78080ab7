// The WebSocket handshake as RFC 6455 §4.2 asks, checked before any admission work: a
// request to /ws that is not an upgrade gets 426 (with the version we speak), another
// protocol version 426 + `Sec-WebSocket-Version: 13`, a missing or malformed key 400.
// (uWS itself answers 101 to any version and routes a key-less request as plain HTTP.)
import { httpError, type ErrorAnswer } from './http-answer.js';

const UPGRADE_HEADERS = { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13' };

/** A 16-byte nonce in base64: 22 characters and "==". */
const KEY = /^[A-Za-z0-9+/]{21}[AQgw]==$/;

export const UPGRADE_REQUIRED = httpError('BC_UPGRADE_REQUIRED', '/ws is a WebSocket endpoint: send GET with Upgrade: websocket, Sec-WebSocket-Version: 13 and a Sec-WebSocket-Key', { headers: { ...UPGRADE_HEADERS, Connection: 'Upgrade' } });

/** The refusal for a handshake that is not a valid version-13 upgrade, else undefined. `h`: a header by lower-case name, '' when absent. */
export function checkHandshake(method: string, h: (name: string) => string): ErrorAnswer | undefined {
  if (method !== 'GET' || !/(^|,)\s*websocket\s*(,|$)/i.test(h('upgrade'))) return UPGRADE_REQUIRED;
  if (h('sec-websocket-version').trim() !== '13') {
    return httpError('BC_WS_VERSION', `unsupported Sec-WebSocket-Version ${JSON.stringify(h('sec-websocket-version').slice(0, 16))}; this server speaks 13`, { headers: UPGRADE_HEADERS });
  }
  const key = h('sec-websocket-key').trim();
  if (!KEY.test(key)) return httpError('BC_BAD_HANDSHAKE', key ? 'Sec-WebSocket-Key is not a base64 16-byte nonce' : 'missing Sec-WebSocket-Key');
  return undefined;
}
