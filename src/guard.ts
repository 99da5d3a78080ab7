// One guard around every callback that a socket, a request or another thread can reach:
// uWS handlers (HTTP routes, upgrade, open, message, drain, close) and thread-message
// listeners. An exception there would otherwise escape into the native event loop and end
// the process (every client dropped, buffered history lost). Under the guard it is logged
// at error level with the handler's name, counted in boardcast_handler_errors_total
// {handler}, and the caller answers what it can (a 500, an error control frame); the
// server goes on.
import { Counter, type Registry } from 'prom-client';
import type { Logger } from './log.js';

const METRIC = 'boardcast_handler_errors_total';

/** The counter on `registry`, created on first use (several modules of one server share it). */
export function handlerErrorsCounter(registry: Registry): Counter<'handler'> {
  const existing = registry.getSingleMetric(METRIC);
  if (existing) return existing as Counter<'handler'>;
  return new Counter({ name: METRIC, help: 'Exceptions caught in a request, socket or thread-message handler (the server went on)', labelNames: ['handler'] as const, registers: [registry] });
}

export class Guard {
  private readonly counter: Counter<'handler'>;

  constructor(
    private readonly log: Logger,
    registry: Registry,
  ) {
    this.counter = handlerErrorsCounter(registry);
  }

  /** Makes the counter of each handler exist at 0 from the start (alert rules watch them). */
  declare(...handlers: string[]): void {
    for (const handler of handlers) this.counter.inc({ handler }, 0);
  }

  /** Records a failure of `handler`: one error log line and the counter. */
  failed(handler: string, err: unknown, fields: Record<string, unknown> = {}): void {
    this.counter.inc({ handler });
    const e = err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : { message: String(err) };
    this.log.error({ handler, err: e, ...fields }, 'handler failed; the server goes on');
  }

  /** `fn` under the guard; `onError` (itself guarded) answers the caller after a failure. */
  wrap<A extends unknown[]>(handler: string, fn: (...args: A) => void, onError?: (err: unknown, ...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        this.failed(handler, err);
        if (onError) {
          try {
            onError(err, ...args);
          } catch {
            // The answer itself failed (the socket or response is gone): nothing more to do.
          }
        }
      }
    };
  }
}
