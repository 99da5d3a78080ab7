// `buf lint` and `buf breaking` (@bufbuild/buf from npm; its platform binary is an optional
// dependency, nothing is downloaded) over the wire contract, against the last released proto
// committed under proto/released/ (there is no git tag, and a CI clone may have none). The
// rules are buf.yaml's; each rule left out says why there.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUF = join(ROOT, 'node_modules/.bin/buf');
const RELEASED = join(ROOT, 'proto/released/v0.1.0/boardcast.proto');
const CURRENT = join(ROOT, 'proto/boardcast.proto');
const run = promisify(execFile);

/** Runs buf; resolves with its exit code and output (a failing check is an answer, not a throw). */
async function buf(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(BUF, args, { cwd: ROOT });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const dirs: string[] = [];
/** A directory outside the workspace holding one proto file (buf will not build a path inside the `proto` module as a second input). */
function protoDir(text: string): string {
  const d = mkdtempSync(join(tmpdir(), 'bc-buf-'));
  dirs.push(d);
  writeFileSync(join(d, 'boardcast.proto'), text);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** buf.yaml's breaking rule set, so a mutated copy is judged by the same rules as the real file. */
function breakingConfig(): string {
  const use = /breaking:[\s\S]*?use:\s*\n((?:\s+- \w+\n?)+)/.exec(readFileSync(join(ROOT, 'buf.yaml'), 'utf8'));
  const rules = [...(use?.[1] ?? '').matchAll(/- (\w+)/g)].map((m) => m[1]);
  expect(rules).toContain('WIRE_JSON');
  return JSON.stringify({ version: 'v2', breaking: { use: rules } });
}

describe('the wire contract under buf', () => {
  it('passes buf lint with buf.yaml', async () => {
    const r = await buf(['lint']);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('is not a breaking change against the released v0.1.0 proto (WIRE_JSON)', async () => {
    // The baseline really is older: the current file adds what v0.1.0 lacked (fields 11–13).
    expect(readFileSync(RELEASED, 'utf8')).not.toEqual(readFileSync(CURRENT, 'utf8'));
    const r = await buf(['breaking', '--against', protoDir(readFileSync(RELEASED, 'utf8'))]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails breaking on a renamed enum value (JSON) and on a field whose type changed (binary)', async () => {
    const released = protoDir(readFileSync(RELEASED, 'utf8'));
    const current = readFileSync(CURRENT, 'utf8');
    const renamed = current.replace(/\bFEED_STALE = 3;/, 'FEED_STALLED = 3;');
    const retyped = current.replace(/\buint32 last_price = 2;/, 'string last_price = 2;');
    expect(renamed).not.toEqual(current);
    expect(retyped).not.toEqual(current);
    const config = breakingConfig();
    const a = await buf(['breaking', protoDir(renamed), '--config', config, '--against', released]);
    expect(a.code).not.toBe(0);
    expect(a.out).toMatch(/FEED_STALE/);
    const b = await buf(['breaking', protoDir(retyped), '--config', config, '--against', released]);
    expect(b.code).not.toBe(0);
    expect(b.out).toMatch(/last_price/);
  });

  it('lint catches what buf.yaml does not except (a field name not in lower_snake_case)', async () => {
    const bad = readFileSync(CURRENT, 'utf8').replace(/\buint32 last_price = 2;/, 'uint32 lastPrice = 2;');
    const d = protoDir(bad);
    // buf.yaml's rules without its module layout, for a directory holding one file.
    writeFileSync(join(d, 'buf.yaml'), readFileSync(join(ROOT, 'buf.yaml'), 'utf8').replace(/modules:[\s\S]*?(?=lint:)/, ''));
    const r = await buf(['lint', d]);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/lastPrice/);
  });
});
