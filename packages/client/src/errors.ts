// Errors the client SDK reports through its `error` event, each with a stable code.
import { BoardcastError } from '../../../src/errors.js';

export type BoardClientErrorCode =
  /** A frame that could not be decoded (it also counts as a gap: a resync follows). */
  | 'BC_CLIENT_FRAME_INVALID'
  /** The WebSocket reported an error (a close and a reconnect follow). */
  | 'BC_CLIENT_SOCKET_ERROR'
  /** The server sent an error control frame; `serverCode` holds its code. */
  | 'BC_CLIENT_SERVER_ERROR';

export class BoardClientError extends BoardcastError {
  declare readonly code: BoardClientErrorCode;
  constructor(code: BoardClientErrorCode, message: string, context: Record<string, unknown> = {}) {
    super(code, message, context);
  }
}

/** An error control frame from the server (e.g. BC_CLIENT_MSG_MALFORMED for a bad client message). */
export class ServerError extends BoardClientError {
  readonly serverCode: string;
  constructor(serverCode: string, message: string) {
    super('BC_CLIENT_SERVER_ERROR', `server error ${serverCode}: ${message}`, { serverCode });
    this.serverCode = serverCode;
  }
}
