// boardcast client SDK (Node and browsers): a live price board over WebSocket.
export { BoardClient, type BoardClientEvents } from './board-client.js';
export { BoardState, type ApplyResult, type BoardStateCounts } from './board-state.js';
export { BoardClientError, ServerError, type BoardClientErrorCode } from './errors.js';
export { decodeFrame, encodeClientMessage, CLIENT_PROTOCOL_VERSION, type ClientBody, type RawFrameData } from './codec.js';
export { backoffDelay, resolveBackoff, BACKOFF_DEFAULTS } from './backoff.js';
export { TypedEmitter } from './emitter.js';
export { TradeSequencer } from './trade-sequencer.js';
export { applyDelta, applyFrame, diffSnapshots } from '../../../src/wire/delta.js';
export type * from './types.js';
