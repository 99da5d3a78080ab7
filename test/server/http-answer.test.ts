// httpError against the registry: every code that reaches HTTP gets its registry status,
// a status line uWS can write, and the one body shape; `param` only where given; the
// cause stays on the answer object (for the router's log), never in the body.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, statusOf, type ErrorCode, type ErrorCodeInfo } from '../../src/error-codes.js';
import { httpError, statusLine } from '../../src/server/http-answer.js';

const HTTP_CODES = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => ERROR_CODES[c].seen === 'http');

describe('httpError', () => {
  it.each(HTTP_CODES)('%s: the registry status and {error, message}', (code) => {
    const a = httpError(code, 'why');
    expect(a.status).toBe(statusLine(statusOf(code)));
    expect(a.status).toMatch(/^\d{3} [A-Z][A-Za-z ]+$/);
    expect(Number(a.status.slice(0, 3))).toBe((ERROR_CODES[code] as ErrorCodeInfo).status);
    expect(JSON.parse(a.body as string)).toEqual({ error: code, message: 'why' });
    expect(a.code).toBe(code);
  });

  it('param, headers and close when given; the cause never in the body', () => {
    const cause = new Error('secret detail');
    const a = httpError('BC_BAD_PARAM', 'from: bad', { param: 'from', headers: { 'Retry-After': '1' }, close: true, cause });
    expect(JSON.parse(a.body as string)).toEqual({ error: 'BC_BAD_PARAM', message: 'from: bad', param: 'from' });
    expect(a).toMatchObject({ status: '400 Bad Request', headers: { 'Retry-After': '1' }, close: true, cause });
    expect(a.body).not.toContain('secret');
  });

  it('statusLine refuses a status it has no reason phrase for', () => {
    expect(() => statusLine(418)).toThrow(RangeError);
  });
});

describe('one writer', () => {
  const SRC = fileURLToPath(new URL('../../src', import.meta.url));
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith(join('wire', 'gen')));
  const offenders = (re: RegExp) => files.filter((f) => f !== join('server', 'http-answer.ts') && re.test(readFileSync(join(SRC, f), 'utf8'))).map((f) => relative(SRC, join(SRC, f)));

  it('only src/server/http-answer.ts writes a status line or an error body', () => {
    expect(offenders(/\.writeStatus\(/)).toEqual([]);
    // A hand-written 4xx/5xx status line, or an HTTP error body built by hand.
    expect(offenders(/['`][45]\d\d [A-Z]/)).toEqual([]);
    expect(offenders(/\{\s*error:\s*['`]BC_/)).toEqual([]);
  });
});
