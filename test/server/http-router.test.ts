// The route helper on a real uWS app: a handler that throws, one that rejects, one that
// throws after its client went away; each is answered (or dropped) without ending the
// process, logged with the route's name and counted.
import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/server/auth.js';
import { corsPolicy } from '../../src/server/cors.js';
import { Guard } from '../../src/guard.js';
import { HttpRouter, httpError, json } from '../../src/server/http-router.js';
import { listenExclusive } from '../../src/server/http-server.js';
import { loadUws } from '../../src/server/uws.js';
import { rawRequest, req } from '../helpers/raw-http.js';

const logs: Array<Record<string, unknown>> = [];
const log = pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, cb) => (logs.push(JSON.parse(c.toString()) as Record<string, unknown>), cb()) }));
const { uws } = loadUws(false, log);
const registry = new Registry();
let port = 0;
let close = () => {};
let lateDone!: () => void;
const late = new Promise<void>((r) => (lateDone = r));

beforeAll(async () => {
  const app = uws.App();
  const router = new HttpRouter({ guard: new Guard(log, registry), authenticator: createAuthenticator({}), cors: corsPolicy(''), maxHeaderBytes: 4096, log });
  router.register(app, [
    { pattern: '/sync', name: 'sync', access: 'open', handle: () => JSON.parse('{') as never },
    { pattern: '/async', name: 'async', access: 'open', handle: async () => Promise.reject(new Error('rejected')) },
    {
      pattern: '/late',
      name: 'late',
      access: 'open',
      // Answers after the client has gone: nothing may be written, nothing may crash.
      handle: () => new Promise((resolve) => setTimeout(() => (resolve(json('200 OK', { late: true })), setTimeout(lateDone, 50)), 300)),
    },
    { pattern: '/ok', name: 'ok', access: 'open', handle: () => json('200 OK', { ok: true }) },
    // A store that failed underneath: the answer carries the cause for the log only.
    { pattern: '/store', name: 'store', access: 'open', handle: () => httpError('BC_HISTORY_UNAVAILABLE', 'the history store did not answer', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'), { code: 'ECONNREFUSED' }) }) },
  ]);
  const l = await listenExclusive(uws, app, '127.0.0.1', 0, 'test');
  port = l.port;
  close = () => uws.us_listen_socket_close(l.socket);
});
afterAll(() => close());

const count = async (handler: string) => (await registry.getSingleMetric('boardcast_handler_errors_total')!.get()).values.find((v) => v.labels.handler === handler)?.value ?? 0;

describe('HttpRouter under the guard', () => {
  it('a handler that throws: 500 BC_INTERNAL, an error log naming the route, the counter', async () => {
    const r = await rawRequest(port, req('GET', '/sync'));
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toEqual({ error: 'BC_INTERNAL', message: 'internal error (logged)' });
    expect(await count('sync')).toBe(1);
    expect(logs.find((l) => l.handler === 'sync')).toMatchObject({ level: 50, path: '/sync', method: 'GET' });
  });

  it('a handler that rejects: the same', async () => {
    expect((await rawRequest(port, req('GET', '/async'))).status).toBe(500);
    expect(await count('async')).toBe(1);
  });

  it("an error answer's cause: logged with the route and code, never sent to the client", async () => {
    const r = await rawRequest(port, req('GET', '/store'));
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toEqual({ error: 'BC_HISTORY_UNAVAILABLE', message: 'the history store did not answer' });
    expect(r.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|hunter2|cause/);
    expect(logs.find((l) => l.route === 'store')).toMatchObject({ level: 40, code: 'BC_HISTORY_UNAVAILABLE', err: { code: 'ECONNREFUSED', message: expect.stringContaining('ECONNREFUSED') } });
    expect(await count('store')).toBe(0); // an answered failure, not an exception
  });

  it('a client that leaves before the answer: nothing written, the server goes on', async () => {
    const gone = rawRequest(port, req('GET', '/late'), { timeoutMs: 50 });
    expect((await gone).status).toBeUndefined();
    await late;
    expect(await count('late')).toBe(0);
    expect((await rawRequest(port, req('GET', '/ok'))).status).toBe(200);
  });
});
