// The soak's parts (bench/lib/soak/): its command line, the simulated day's clock, the
// seeded HTTP request generator, the raw sender against a real server, and the RSS slope.
// The soak itself runs minutes against a child server and is not part of npm test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_SPAN_S, dayClockSpeed, dayStartTime, parseDuration, parseSoakArgs, PRE_OPEN_WALL_S, serverEnv } from '../../bench/lib/soak/options.js';
import { requestGenerator, sendRaw } from '../../bench/lib/soak/http-fuzz.js';
import { rssSlopeMiBPerMin } from '../../bench/lib/soak/report.js';
import { loadConfig } from '../../src/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** 'HH:MM:SS' → seconds after midnight. */
const parseSimClock = (t: string): number => {
  const [h, m, s] = t.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

describe('soak options', () => {
  it('reads durations in seconds or minutes and refuses nonsense', () => {
    expect(parseDuration('300')).toBe(300);
    expect(parseDuration('20s')).toBe(20);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1.5m')).toBe(90);
    for (const bad of ['', 'abc', '5h', '-1', '3']) expect(() => parseDuration(bad), bad).toThrow(/--duration/);
    expect(parseSoakArgs([])).toMatchObject({ durationS: 300, day: false, seed: 1, intervalMs: 200, readers: 20 });
    expect(parseSoakArgs(['--duration', '20s', '--day', '--seed', '9'])).toMatchObject({ durationS: 20, day: true, seed: 9 });
    expect(() => parseSoakArgs(['--readers', '0'])).toThrow(/--readers/);
    expect(() => parseSoakArgs(['--bogus'])).toThrow();
  });

  it.each([20, 60, 300, 3600])('--day in %i s: the whole day fits in 90 %% of the run, with pre-open wall time first', (d) => {
    const speed = dayClockSpeed(d);
    expect(speed * (d * 0.9 - PRE_OPEN_WALL_S)).toBeGreaterThanOrEqual(DAY_SPAN_S);
    const start = parseSimClock(dayStartTime(d));
    expect(start).toBeLessThanOrEqual(9 * 3600 - Math.max(600, PRE_OPEN_WALL_S * speed));
    // The server accepts what the soak asks for.
    const env = serverEnv(parseSoakArgs(['--duration', `${d}s`, '--day']), 'x'.repeat(32), '/tmp/x');
    expect(() => loadConfig(env)).not.toThrow();
  });
});

describe('seeded HTTP request generator', () => {
  it('the same seed gives the same requests, another seed others', () => {
    const a = requestGenerator(5);
    const b = requestGenerator(5);
    const c = requestGenerator(6);
    const seqA = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(seqA);
  });

  it('covers every route, the methods, malformed percent-encoding and long headers; half carry the token', () => {
    const next = requestGenerator(1, 'TOKEN');
    const reqs = Array.from({ length: 3000 }, () => next());
    const targets = reqs.map((r) => r.target).join('\n');
    for (const route of ['/healthz', '/readyz', '/metrics', '/api/snapshot', '/api/vn30', '/index.html', '/favicon.svg', '/assets/', '/candles', '/ticks', '/foreign', '/api/history/index/', '/api/history/basis', '/ws']) {
      expect(targets, route).toContain(route);
    }
    expect(targets).toContain('%E0%A4%A');
    expect(new Set(reqs.map((r) => r.method))).toEqual(new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE']));
    expect(reqs.some((r) => r.headers.some(([, v]) => v.length >= 6000))).toBe(true);
    const withToken = reqs.filter((r) => r.headers.some(([k, v]) => k === 'Authorization' && v === 'Bearer TOKEN')).length;
    expect(withToken / reqs.length).toBeGreaterThan(0.4);
    expect(withToken / reqs.length).toBeLessThan(0.6);
  });
});

describe('raw requests against a real server', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv?.stop());

  it('reads the status line of each answer', async () => {
    expect(await sendRaw(srv.port, { method: 'GET', target: '/healthz', headers: [], body: '' })).toEqual({ kind: 'status', status: 200 });
    expect(await sendRaw(srv.port, { method: 'GET', target: '/no/such/route', headers: [['X-Long', 'x'.repeat(2000)]], body: '' })).toEqual({ kind: 'status', status: 404 });
  });
});

describe('RSS slope', () => {
  it('is the least-squares slope in MiB per minute', () => {
    const samples = Array.from({ length: 61 }, (_, i) => ({ atS: i, mib: 100 + i / 6 + (i % 2 ? 0.5 : -0.5) }));
    expect(rssSlopeMiBPerMin(samples)).toBeCloseTo(10, 0);
    expect(rssSlopeMiBPerMin([{ atS: 0, mib: 5 }])).toBe(0);
  });
});
