// Entry point: config → logger → server (market worker, first frame, listen) → ready.
// SIGTERM / SIGINT run the graceful stop of DESIGN §4 under SHUTDOWN_TIMEOUT_MS.
import { loadConfig, type Config } from './config.js';
import { BoardcastError } from './errors.js';
import { createLogger } from './log.js';
import { startServer } from './server/app.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  // No logger yet (LOG_LEVEL itself may be the bad variable): one JSON line on stderr.
  const e = err as BoardcastError;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', code: e.code, msg: e.message, ...e.context })}\n`);
  process.exit(78); // EX_CONFIG
}

const log = createLogger(config.LOG_LEVEL, { thread: 'main' });

try {
  const server = await startServer(config, log);
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    server.shutdown(signal).then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
} catch (err) {
  const e = err as BoardcastError;
  log.fatal({ err, code: e.code }, `boardcast failed to start: ${e.message}`);
  process.exit(1);
}
