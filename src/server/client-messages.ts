// Client → server messages: a protobuf ClientMessage on binary sockets, its JSON mapping
// on text ones. Parsing never throws past this module: a bad message becomes a
// ClientMessageError with a stable code that is sent back to the client.
import { ClientMessageError } from '../errors.js';
import { pb, type ClientMessageProps } from '../wire/proto.js';

export const CLIENT_PROTOCOL_VERSION = 1;

export type ClientRequest =
  | { type: 'ping'; clientTimeUs: number }
  | { type: 'resync' }
  | { type: 'subscribe'; channels: string[]; symbols: string[]; board?: string }
  | { type: 'unsubscribe'; channels: string[]; symbols: string[] };

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeRaw(data: ArrayBuffer, isBinary: boolean): ClientMessageProps {
  if (isBinary) {
    try {
      return pb.ClientMessage.decode(new Uint8Array(data));
    } catch (err) {
      throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', `not a valid protobuf ClientMessage: ${(err as Error).message}`, { cause: err });
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', 'not valid JSON text');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', 'a client message must be a JSON object');
  try {
    return pb.ClientMessage.fromObject(parsed as Record<string, unknown>);
  } catch (err) {
    throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', `not a valid ClientMessage: ${(err as Error).message}`, { cause: err });
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function parseClientMessage(data: ArrayBuffer, isBinary: boolean): ClientRequest {
  const msg = decodeRaw(data, isBinary);
  const version = msg.version ?? 0;
  if (version !== CLIENT_PROTOCOL_VERSION) throw new ClientMessageError('BC_CLIENT_MSG_VERSION', `unsupported protocol version ${version}; this server speaks version ${CLIENT_PROTOCOL_VERSION}`);
  if (msg.ping) {
    const clientTimeUs = Number(msg.ping.clientTimeUs ?? 0);
    if (!Number.isSafeInteger(clientTimeUs)) throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', 'ping.clientTimeUs must be an integer (µs)');
    return { type: 'ping', clientTimeUs };
  }
  if (msg.resync) return { type: 'resync' };
  if (msg.subscribe) {
    const board = typeof msg.subscribe.board === 'string' ? msg.subscribe.board : '';
    const symbols = strings(msg.subscribe.symbols);
    if (board !== '' && symbols.length > 0) throw new ClientMessageError('BC_CLIENT_MSG_MALFORMED', 'subscribe names a board or symbols, not both');
    return { type: 'subscribe', channels: strings(msg.subscribe.channels), symbols, ...(board !== '' ? { board } : {}) };
  }
  if (msg.unsubscribe) return { type: 'unsubscribe', channels: strings(msg.unsubscribe.channels), symbols: strings(msg.unsubscribe.symbols) };
  throw new ClientMessageError('BC_CLIENT_MSG_UNKNOWN', 'message has no known body (expected one of ping, resync, subscribe, unsubscribe)');
}
