// The board page's token handling (web/src/auth.ts): from a link into the tab's storage and
// out of the URL; what a 401 means.
import { describe, expect, it } from 'vitest';
import { authHeaders, authProblem, forgetToken, takeToken, TOKEN_KEY, type TokenStore } from '../../web/src/auth.js';

const memory = (init: Record<string, string> = {}): TokenStore & { data: Record<string, string> } => {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
};

describe('board page token', () => {
  it('takes ?token= out of the URL into the store, keeping the other parameters as written', () => {
    const store = memory();
    expect(takeToken('http://h/?token=abc&symbols=FPT,VNM#x', store)).toEqual({ token: 'abc', cleanUrl: '/?symbols=FPT,VNM#x' });
    expect(store.data[TOKEN_KEY]).toBe('abc');
    expect(takeToken('http://h/?symbols=FPT&token=t%2Bk', memory())).toEqual({ token: 't+k', cleanUrl: '/?symbols=FPT' });
    expect(takeToken('http://h/board?token=abc', memory())).toEqual({ token: 'abc', cleanUrl: '/board' });
  });

  it('without ?token= uses the stored one; an empty ?token= is removed from the URL and changes nothing', () => {
    expect(takeToken('http://h/?symbols=FPT', memory({ [TOKEN_KEY]: 'kept' }))).toEqual({ token: 'kept', cleanUrl: undefined });
    expect(takeToken('http://h/?token=', memory({ [TOKEN_KEY]: 'kept' }))).toEqual({ token: 'kept', cleanUrl: '/' });
    expect(takeToken('http://h/', memory())).toEqual({ token: undefined, cleanUrl: undefined });
  });

  it('survives a storage that throws (disabled by the browser)', () => {
    const broken: TokenStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(takeToken('http://h/?token=abc', broken)).toEqual({ token: 'abc', cleanUrl: '/' });
    expect(() => forgetToken(broken)).not.toThrow();
  });

  it('a 401 names the problem by its code; other answers are none', () => {
    expect(authProblem(401, { error: 'BC_AUTH_MISSING' })).toBe('missing');
    expect(authProblem(401, { error: 'BC_AUTH_EXPIRED' })).toBe('expired');
    expect(authProblem(401, { error: 'BC_AUTH_INVALID' })).toBe('refused');
    expect(authProblem(401, null)).toBe('refused');
    expect(authProblem(200, { error: 'BC_AUTH_MISSING' })).toBeUndefined();
    expect(authProblem(503, {})).toBeUndefined();
    expect(authHeaders('abc')).toEqual({ authorization: 'Bearer abc' });
    expect(authHeaders(undefined)).toEqual({});
  });
});
