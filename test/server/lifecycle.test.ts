// The lifecycle every role shares, on a real uWS listener: listen (and undo on a taken
// port), then one ordered stop however often it is asked for, with /readyz's flag set
// before the drain wait and new connections refused only after it.
import { connect } from 'node:net';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Guard } from '../../src/guard.js';
import { ListenError } from '../../src/errors.js';
import { createMetrics } from '../../src/metrics.js';
import { createAuthenticator } from '../../src/server/auth.js';
import { HttpServer } from '../../src/server/http-server.js';
import { Lifecycle } from '../../src/server/lifecycle.js';
import { operationsRoutes } from '../../src/server/ops-routes.js';
import { loadUws } from '../../src/server/uws.js';

const log = pino({ level: 'silent' });

function lifecycleOn(port: string, env: Record<string, string> = {}) {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: port, SHUTDOWN_DRAIN_MS: '200', ...env });
  const metrics = createMetrics();
  const { uws } = loadUws(false, log);
  const authenticator = createAuthenticator({});
  const http = new HttpServer({ uws, config, log, metrics, guard: new Guard(log, metrics.registry), authenticator });
  const lifecycle = new Lifecycle({ config, log, http });
  http.routes(operationsRoutes({ authenticator, readiness: () => ({ ready: !lifecycle.shuttingDown, reasons: lifecycle.shuttingDown ? ['shutting down'] : [], detail: { role: 'test' } }) }));
  return { lifecycle, config };
}

describe('Lifecycle', () => {
  it('listens, then stops once: not ready during the drain wait, accepting until it ends, the steps in order', async () => {
    const { lifecycle } = lifecycleOn('0');
    const { port } = await lifecycle.listen({}, async () => undefined);
    const readyz = () => fetch(`http://127.0.0.1:${port}/readyz`).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect((await readyz()).status).toBe(200);

    const order: string[] = [];
    const plan = {
      fields: {},
      steps: [
        () => void order.push(`first draining=${lifecycle.draining}`),
        async () => {
          await new Promise((r) => setTimeout(r, 10));
          order.push('second');
        },
      ],
      done: () => ({ steps: order.length }),
    };
    const stopping = lifecycle.shutdown('test', {}, plan);
    // During the drain wait: still listening, /readyz says 503 with the reason.
    expect(lifecycle.shuttingDown).toBe(true);
    expect(lifecycle.draining).toBe(false);
    const during = await readyz();
    expect(during.status).toBe(503);
    expect(during.body.reasons).toEqual(['shutting down']);
    // A second stop is the same stop: the steps run once.
    expect(lifecycle.shutdown('again', {}, plan)).toBe(stopping);
    expect(await stopping).toEqual({ historyLeftOver: 0 });
    expect(order).toEqual(['first draining=true', 'second']);
    // The listener is closed: a new connection is refused (open ones are their owners' to close).
    const refused = await new Promise<string>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve('connected');
      });
      sock.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('a taken port: ListenError, and what the role had started is released first', async () => {
    const first = lifecycleOn('0');
    const { port } = await first.lifecycle.listen({}, async () => undefined);
    const second = lifecycleOn(String(port));
    let undone = false;
    await expect(
      second.lifecycle.listen({}, async () => {
        undone = true;
      }),
    ).rejects.toBeInstanceOf(ListenError);
    expect(undone).toBe(true);
    await first.lifecycle.shutdown('test', {}, { fields: {}, steps: [] });
  });
});
