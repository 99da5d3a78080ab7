// Entry point: config → logger → the ROLE's components (src/roles/start.ts: worker, first frame, listen) → ready.
// SIGTERM / SIGINT run the graceful stop (src/server/lifecycle.ts) under SHUTDOWN_TIMEOUT_MS. An
// exception that escaped every handler's guard runs the same stop (sockets closed with
// 1011) and exits non-zero. Exit codes: src/exit-codes.ts (README "Exit codes").
import { loadConfig, type Config } from './config.js';
import { asBoardcastError, type BoardcastError, ListenError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { createLogger } from './log.js';
import { startServer, type ServerHandle, type ShutdownOptions } from './roles/start.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  // No logger yet (LOG_LEVEL itself may be the bad variable): one JSON line on stderr.
  const e = err as BoardcastError;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', code: e.code, msg: e.message, ...e.context })}\n`);
  process.exit(EXIT.CONFIG);
}

const log = createLogger(config.LOG_LEVEL, { thread: 'main' });

let server: ServerHandle | undefined;
let stopping = false;

/** The graceful stop, then exit: `code`, or HISTORY_LOST when rows could not be stored. */
function stopAndExit(reason: string, code: number, opts: ShutdownOptions = {}): void {
  if (stopping) return;
  stopping = true;
  const deadline = setTimeout(() => {
    log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'graceful shutdown timed out; exiting');
    process.exit(code === EXIT.OK ? EXIT.FAILED : code);
  }, config.SHUTDOWN_TIMEOUT_MS);
  deadline.unref();
  if (!server) process.exit(code);
  server.shutdown(reason, opts).then(
    (report) => process.exit(code === EXIT.OK && report.historyLeftOver > 0 ? EXIT.HISTORY_LOST : code),
    (err) => {
      log.error({ err }, 'shutdown failed');
      process.exit(code === EXIT.OK ? EXIT.FAILED : code);
    },
  );
}

// Last line of defence: every handler runs under a guard (src/guard.ts), so reaching
// here is a bug. Flush what can be flushed and tell the clients (1011), then exit.
const onEscaped = (kind: string) => (err: unknown) => {
  log.fatal({ err, kind }, `${kind}: running the graceful stop, then exiting with ${EXIT.INTERNAL}`);
  if (stopping) return; // already stopping: its exit code stands
  stopAndExit(kind, EXIT.INTERNAL, { closeCode: 1011 });
};
process.on('uncaughtException', onEscaped('uncaughtException'));
process.on('unhandledRejection', onEscaped('unhandledRejection'));

try {
  server = await startServer(config, log);
  process.on('SIGTERM', (signal) => stopAndExit(signal, EXIT.OK));
  process.on('SIGINT', (signal) => stopAndExit(signal, EXIT.OK));
} catch (err) {
  const e = asBoardcastError(err, 'BC_START_FAILED');
  log.fatal({ err: e, code: e.code }, `boardcast failed to start: ${e.message}`);
  process.exit(err instanceof ListenError ? EXIT.LISTEN_FAILED : EXIT.FAILED);
}
