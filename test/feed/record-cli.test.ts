// `npm run record` (the compiled CLI) against the simulator, and FEED=replay in the real
// server playing the shipped fixture.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/market/feed/recording.js';
import { startTestServer } from '../helpers/server.js';

const CLI = fileURLToPath(new URL('../../dist/src/record/cli.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/sim-3s.ndjson.gz', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'boardcast-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('record CLI', () => {
  it('records the simulator for --duration seconds to NDJSON.gz with a header', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
    const out = join(dir, 'day.ndjson.gz');
    const r = await run(['--out', out, '--duration', '1', '--feed', 'sim'], { SIM_SEED: '3', SIM_CLOCK_SPEED: '20', LOG_LEVEL: 'info' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('recording written');
    const rec = await readRecording(out);
    expect(rec.header).toMatchObject({ recording: 'boardcast-feed', feed: 'sim' });
    expect(rec.header!.basket).toHaveLength(30);
    expect(rec.messages.length).toBeGreaterThan(30);
  });

  it('usage and configuration errors exit non-zero with a clear message', async () => {
    const a = await run([], {});
    expect(a.code).toBe(64);
    expect(a.stderr).toMatch(/--out is required/);
    const b = await run(['--out', join(dir, 'x.ndjson'), '--feed', 'ssi'], {});
    expect(b.code).toBe(78);
    expect(b.stderr).toMatch(/SSI_CONSUMER_ID/);
  });

  it('--help exits 0 and lists the variables that configure the feed', async () => {
    const r = await run(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: npm run record');
    for (const name of ['FEED', 'SIM_SEED', 'SIM_START_TIME', 'SSI_CONSUMER_ID', 'REPLAY_FILE']) expect(r.stdout).toContain(name);
  });

  it('an --out it cannot write exits non-zero with a message before recording anything', async () => {
    const r = await run(['--out', '/no/such/dir/x.ndjson', '--duration', '1', '--feed', 'sim'], { LOG_LEVEL: 'info' });
    expect(r.code).toBe(73);
    expect(r.stderr).toContain('cannot write the recording /no/such/dir/x.ndjson');
    expect(r.stdout).not.toContain('recording written');
  });
});

describe('FEED=replay in the real server', () => {
  it('plays the fixture: the board fills and /readyz is ready', async () => {
    const srv = await startTestServer({ FEED: 'replay', REPLAY_FILE: FIXTURE, REPLAY_SPEED: '10', REPLAY_LOOP: '1' });
    try {
      const vn30 = (await (await fetch(`${srv.http}/api/vn30`)).json()) as { symbols: string[] };
      expect(vn30.symbols).toHaveLength(30);
      const t0 = Date.now();
      let ok = false;
      while (!ok && Date.now() - t0 < 10_000) {
        const s = (await (await fetch(`${srv.http}/api/snapshot`)).json()) as { snapshot?: { symbols?: Array<{ lastPrice?: number }> } };
        ok = (s.snapshot?.symbols ?? []).length === 30 && s.snapshot!.symbols!.every((x) => (x.lastPrice ?? 0) > 0) && (await fetch(`${srv.http}/readyz`)).status === 200;
        if (!ok) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ok).toBe(true);
      const ready = (await (await fetch(`${srv.http}/readyz`)).json()) as { feed: { state: string } };
      expect(ready.feed.state).toBe('live');
    } finally {
      await srv.stop();
    }
  });
});
