// The uWebSockets.js loader: the native binary loads on these machines; when it cannot,
// boardcast refuses to run on the package's slow pure-JS fallback unless allowed.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { UwsFallbackError } from '../../src/errors.js';
import { loadUws } from '../../src/server/uws.js';

const silent = pino({ level: 'silent' });

describe('loadUws', () => {
  it('loads the native binary', () => {
    const { uws, native } = loadUws(false, silent);
    expect(native).toBe(true);
    expect(typeof uws.App).toBe('function');
  });

  it('refuses the pure-JS fallback when the binary cannot load', () => {
    expect(() => loadUws(false, silent, '/nonexistent/uws_linux_x64_115.node')).toThrow(UwsFallbackError);
    try {
      loadUws(false, silent, '/nonexistent/uws_linux_x64_115.node');
    } catch (err) {
      expect((err as UwsFallbackError).code).toBe('BC_UWS_NATIVE_MISSING');
      expect((err as Error).message).toContain('ALLOW_UWS_FALLBACK=1');
    }
  });

  it('runs on the fallback, with a warning, only when ALLOW_UWS_FALLBACK is set', () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'warn' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
    const { uws, native } = loadUws(true, log, '/nonexistent/uws_linux_x64_115.node');
    expect(native).toBe(false);
    expect(typeof uws.App).toBe('function');
    expect(lines.some((l) => String(l.msg).includes('pure-JS fallback'))).toBe(true);
  });
});
