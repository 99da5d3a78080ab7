// Every `BC_*` code boardcast (and its client SDK) can answer, log or emit, declared once:
// its HTTP status where it reaches an HTTP client, and what it means. Code literals elsewhere
// are typed `ErrorCode`, so a typo fails the build; the README's "Error codes" table is
// checked against this list by test/errors.test.ts.

export interface ErrorCodeInfo {
  /** The HTTP status of an answer carrying this code; absent where the code never reaches HTTP. */
  readonly status?: number;
  /** Where the code is seen: an HTTP answer, a WebSocket `error` control frame or close reason, a log line at start, a CLI, the client SDK. */
  readonly seen: 'http' | 'ws' | 'log' | 'cli' | 'sdk';
  readonly meaning: string;
}

export const ERROR_CODES = {
  // HTTP answers (the WebSocket upgrade included)
  BC_NOT_FOUND: { status: 404, seen: 'http', meaning: 'no route for this path' },
  BC_METHOD_NOT_ALLOWED: { status: 405, seen: 'http', meaning: 'the path exists but not for this method; `Allow` names the ones it takes' },
  BC_BAD_PARAM: { status: 400, seen: 'http', meaning: 'a query parameter (or the path) is malformed or out of range; `param` names it' },
  BC_HEADERS_TOO_LARGE: { status: 431, seen: 'http', meaning: 'request line and headers over `HTTP_MAX_HEADER_BYTES`; the connection is closed' },
  BC_INTERNAL: { status: 500, seen: 'http', meaning: 'a handler threw (a bug, logged with its stack); on a socket an `error` control frame and the socket stays open' },
  BC_AUTH_MISSING: { status: 401, seen: 'http', meaning: 'the route or `/ws` needs a token and none was sent' },
  BC_AUTH_INVALID: { status: 401, seen: 'http', meaning: 'the token is wrong, not yet valid, or its `channels` claim is malformed' },
  BC_AUTH_EXPIRED: { status: 401, seen: 'http', meaning: 'the JWT is past its `exp`' },
  BC_TOO_MANY_FOR_IP: { status: 429, seen: 'http', meaning: '`WS_MAX_CONNECTIONS_PER_IP` sockets are already open from this address' },
  BC_SERVER_FULL: { status: 503, seen: 'http', meaning: '`WS_MAX_CONNECTIONS` sockets are already open' },
  BC_SHUTTING_DOWN: { status: 503, seen: 'http', meaning: 'the server is draining; no new socket' },
  BC_BAD_FORMAT: { status: 400, seen: 'http', meaning: '`format` on `/ws` is not `proto` or `json`' },
  BC_BAD_DELTA: { status: 400, seen: 'http', meaning: '`delta` on `/ws` is not 0 or 1' },
  BC_UNKNOWN_CHANNEL: { status: 400, seen: 'http', meaning: 'a channel that does not exist (on `/ws` at the upgrade, or in a subscribe message)' },
  BC_CHANNEL_FORBIDDEN: { status: 403, seen: 'http', meaning: 'a channel the token does not allow (at the upgrade, or in a subscribe message)' },
  BC_UNKNOWN_SYMBOL: { status: 400, seen: 'http', meaning: 'a symbol not on the board (at the upgrade, or in a subscribe message)' },
  BC_UNKNOWN_BOARD: { status: 400, seen: 'http', meaning: 'a `board` that is not one of this universe\'s named boards (at the upgrade, `/api/snapshot`, or in a subscribe message)' },
  BC_TOO_MANY_SYMBOLS: { status: 400, seen: 'http', meaning: 'a watchlist over `WS_MAX_SYMBOLS` symbols (at the upgrade, or in a subscribe message; the socket keeps its watchlist)' },
  BC_TOO_MANY_VIEWS: { status: 503, seen: 'http', meaning: 'the server holds `WS_MAX_VIEWS` distinct views (at the upgrade; a subscribe gets an error frame and keeps its view)' },
  BC_CONNECT_RATE: { status: 429, seen: 'http', meaning: 'more than `WS_MAX_CONNECT_RATE_PER_IP` upgrades a second from this address; `Retry-After: 1`' },
  BC_BAD_HANDSHAKE: { status: 400, seen: 'http', meaning: '`Sec-WebSocket-Key` missing or not a base64 16-byte nonce' },
  BC_WS_VERSION: { status: 426, seen: 'http', meaning: 'a `Sec-WebSocket-Version` other than 13 (or none)' },
  BC_UPGRADE_REQUIRED: { status: 426, seen: 'http', meaning: 'a plain GET on `/ws`, which only speaks WebSocket' },
  BC_NO_SNAPSHOT: { status: 503, seen: 'http', meaning: '`/api/snapshot` before the first frame' },
  BC_WEB_NOT_BUILT: { status: 503, seen: 'http', meaning: 'the board page is not built (`npm run build`)' },
  BC_HISTORY_UNAVAILABLE: { status: 503, seen: 'http', meaning: 'the history store did not answer a query' },
  BC_HISTORY_NOT_ON_EDGE: { status: 501, seen: 'http', meaning: 'an edge without `DATABASE_URL` serves no history' },
  BC_HISTORY_STORE: { seen: 'log', meaning: 'the history store failed (open, write or query); the cause is carried' },
  // WebSocket control frames and close reasons
  BC_CLIENT_MSG_MALFORMED: { seen: 'ws', meaning: 'a client message that is not valid protobuf / JSON, or has a bad field' },
  BC_CLIENT_MSG_VERSION: { seen: 'ws', meaning: 'a client message with a protocol version this server does not speak' },
  BC_CLIENT_MSG_UNKNOWN: { seen: 'ws', meaning: 'a client message with no known body' },
  BC_CLIENT_MSG_FAILED: { seen: 'ws', meaning: 'a client message that could not be carried out' },
  BC_CLIENT_MSG_TOO_BIG: { seen: 'ws', meaning: 'a client message over `WS_MAX_PAYLOAD_BYTES`: the socket is closed with 1009' },
  BC_RATE_LIMITED: { seen: 'ws', meaning: 'more than `WS_CLIENT_MSG_RATE` client messages a second: the socket is closed with 1008' },
  // Start-up, feeds and internals (log lines)
  BC_CONFIG_INVALID: { seen: 'log', meaning: 'a configuration variable is missing or invalid (exit 78)' },
  BC_LISTEN_FAILED: { seen: 'log', meaning: 'the listen address is taken or not this machine\'s (exit 69)' },
  BC_UWS_NATIVE_MISSING: { seen: 'log', meaning: 'the uWebSockets.js native binary did not load and `ALLOW_UWS_FALLBACK` is off' },
  BC_WORKER_START_FAILED: { seen: 'log', meaning: 'the market worker exited before its first frame, or produced none in time' },
  BC_START_FAILED: { seen: 'log', meaning: 'start-up failed for another reason (a store that cannot open, NATS unreachable…); the cause is carried' },
  BC_FEED_UNAVAILABLE: { seen: 'log', meaning: '`FEED` names a feed that is not available or lacks its options' },
  BC_FEED_MESSAGE_INVALID: { seen: 'log', meaning: 'the normalizer rejected a feed message (counted; the board is unchanged)' },
  BC_RECORDING_INVALID: { seen: 'log', meaning: 'a recording file (`REPLAY_FILE`) is not a valid recording' },
  BC_SSI_AUTH_FAILED: { seen: 'log', meaning: 'SSI FastConnect refused the consumer id / secret' },
  BC_SSI_HTTP: { seen: 'log', meaning: 'an SSI REST call failed' },
  BC_SSI_STREAM: { seen: 'log', meaning: 'the SSI stream failed (connect, handshake, silence)' },
  BC_NATS_UNAVAILABLE: { seen: 'log', meaning: 'NATS could not be reached or refused an operation' },
  BC_FRAME_CODEC: { seen: 'log', meaning: 'a frame on the bus that does not decode (dropped and counted)' },
  BC_DELTA_WITHOUT_BASE: { seen: 'log', meaning: 'a DELTA frame with no board to apply it to' },
  // Command lines
  BC_USAGE: { seen: 'cli', meaning: 'a bad command line (`npm run loadgen`, `npm run record`)' },
  // The client SDK (src/client) emits these on its `error` event
  BC_CLIENT_SOCKET_ERROR: { seen: 'sdk', meaning: 'the SDK could not open a socket, or it failed' },
  BC_CLIENT_FRAME_INVALID: { seen: 'sdk', meaning: 'the SDK received a frame it cannot decode' },
  BC_CLIENT_SERVER_ERROR: { seen: 'sdk', meaning: 'the server sent an `error` control frame; `serverCode` carries its code' },
} as const satisfies Record<`BC_${string}`, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Names a subset of codes; a name not in the registry fails the build. */
export type CodeOf<C extends ErrorCode> = C;

/** The HTTP status of a code, or 500 where none is declared. */
export function statusOf(code: ErrorCode): number {
  const info: ErrorCodeInfo = ERROR_CODES[code];
  return info.status ?? 500;
}
