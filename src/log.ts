// Structured logging (pino JSON to stdout) shared by both threads. Secrets are redacted
// by path wherever they appear in a log object.
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'secret', '*.secret', 'token', '*.token', 'password', '*.password', 'authorization', '*.authorization',
  'consumerSecret', '*.consumerSecret', 'accessToken', '*.accessToken', 'headers.authorization', 'req.headers.authorization',
  'WS_AUTH_TOKEN', '*.WS_AUTH_TOKEN', 'WS_JWT_SECRET', '*.WS_JWT_SECRET',
  'SSI_CONSUMER_SECRET', '*.SSI_CONSUMER_SECRET', 'pass', '*.pass', 'NATS_TOKEN', '*.NATS_TOKEN', 'NATS_PASSWORD', '*.NATS_PASSWORD', '*.*.consumerSecret', '*.headers.authorization', 'headers.cookie', '*.headers.cookie',
];

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { pid: process.pid, ...bindings },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
