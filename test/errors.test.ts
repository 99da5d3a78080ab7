// The error registry is the one list of codes: the README's table says the same, and every
// code literal in the sources is declared in it (a typo in a place the type system cannot
// see — a JSON body, a metric label — fails here).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, statusOf, type ErrorCode } from '../src/error-codes.js';
import { asBoardcastError, BoardcastError, ClientMessageError, UsageError } from '../src/errors.js';
import { parseOptions } from '../src/loadgen/options.js';
import { parseRecordArgs } from '../src/record/cli.js';

const root = new URL('..', import.meta.url).pathname;

function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('### Error codes');
  expect(start, 'README has an "Error codes" section').toBeGreaterThan(0);
  const rows = new Map<string, string>();
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('| `BC_'));
  for (const line of lines.slice(first)) {
    const m = /^\| `(BC_[A-Z_]+)` \| (\d*) \|/.exec(line);
    if (!m) break;
    rows.set(m[1]!, m[2]!);
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'gen' || name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('error registry', () => {
  it('the README lists every code with its HTTP status, and no other code', () => {
    const table = readmeTable();
    const registry = Object.keys(ERROR_CODES) as ErrorCode[];
    expect([...table.keys()].sort()).toEqual([...registry].sort());
    for (const code of registry) expect(table.get(code), code).toBe(String((ERROR_CODES[code] as { status?: number }).status ?? ''));
  });

  it('every BC_ literal in src/ and web/ is a declared code', () => {
    const unknown: string[] = [];
    for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bBC_[A-Z][A-Z_]*[A-Z]\b/g)) {
        if (!(m[0] in ERROR_CODES)) unknown.push(`${file.slice(root.length)}: ${m[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('an error takes its status from the registry and carries its cause', () => {
    const cause = new Error('socket hang up');
    const e = new BoardcastError('BC_HISTORY_UNAVAILABLE', 'the history store did not answer', { q: 1 }, { cause });
    expect(e.statusCode).toBe(503);
    expect(e.cause).toBe(cause);
    expect(new ClientMessageError('BC_CLIENT_MSG_MALFORMED', 'x').statusCode).toBe(statusOf('BC_CLIENT_MSG_MALFORMED'));
    expect(statusOf('BC_CONFIG_INVALID')).toBe(500);
  });

  it('a start-up failure that is not a BoardcastError is wrapped under a code, its cause kept', () => {
    const plain = new Error('EACCES: permission denied');
    const wrapped = asBoardcastError(plain, 'BC_START_FAILED');
    expect(wrapped.code).toBe('BC_START_FAILED');
    expect(wrapped.message).toBe(plain.message);
    expect(wrapped.cause).toBe(plain);
    const typed = new UsageError('--x');
    expect(asBoardcastError(typed, 'BC_START_FAILED')).toBe(typed);
    expect(asBoardcastError('a string', 'BC_START_FAILED').message).toBe('a string');
  });

  it('loadgen and record refuse a bad command line with the same error type', () => {
    const fromLoadgen = (() => { try { parseOptions(['--url', 'http://x', '--clients', '1']); } catch (e) { return e; } })();
    const fromRecord = (() => { try { parseRecordArgs(['--duration', '5']); } catch (e) { return e; } })();
    const fromRecordFlag = (() => { try { parseRecordArgs(['--nope']); } catch (e) { return e; } })();
    for (const e of [fromLoadgen, fromRecord, fromRecordFlag]) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).code).toBe('BC_USAGE');
    }
    expect((fromLoadgen as UsageError).flag).toBe('url');
    expect((fromRecord as UsageError).flag).toBe('out');
    expect((fromRecordFlag as Error).cause).toBeInstanceOf(Error);
  });
});
