import { describe, expect, it } from 'vitest';
import { ConnectionLimiter } from '../../src/server/conn-limits.js';

describe('ConnectionLimiter', () => {
  it('0 = unlimited', () => {
    const l = new ConnectionLimiter({ perIp: 0, global: 0 });
    for (let i = 0; i < 1000; i++) expect(l.tryAcquire('1.2.3.4').ok).toBe(true);
    expect(l.total).toBe(1000);
    expect(l.countFor('1.2.3.4')).toBe(1000);
  });

  it('per-IP limit → 429 BC_TOO_MANY_FOR_IP, other addresses unaffected', () => {
    const l = new ConnectionLimiter({ perIp: 2, global: 0 });
    const a = l.tryAcquire('a');
    const b = l.tryAcquire('a');
    expect(a.ok && b.ok).toBe(true);
    expect(l.tryAcquire('a')).toEqual({ ok: false, code: 'BC_TOO_MANY_FOR_IP' });
    expect(l.tryAcquire('b').ok).toBe(true);
    if (a.ok) a.release();
    expect(l.tryAcquire('a').ok).toBe(true);
    expect(l.tryAcquire('a').ok).toBe(false);
  });

  it('global limit → 503 BC_SERVER_FULL (checked before the per-IP limit)', () => {
    const l = new ConnectionLimiter({ perIp: 1, global: 2 });
    expect(l.tryAcquire('a').ok).toBe(true);
    expect(l.tryAcquire('b').ok).toBe(true);
    expect(l.tryAcquire('c')).toEqual({ ok: false, code: 'BC_SERVER_FULL' });
    expect(l.tryAcquire('a')).toMatchObject({ code: 'BC_SERVER_FULL' });
    l.release('b');
    expect(l.tryAcquire('a')).toMatchObject({ code: 'BC_TOO_MANY_FOR_IP' });
    expect(l.tryAcquire('c').ok).toBe(true);
  });

  it('refusals take no slot', () => {
    const l = new ConnectionLimiter({ perIp: 1, global: 0 });
    l.tryAcquire('a');
    for (let i = 0; i < 10; i++) l.tryAcquire('a');
    expect(l.total).toBe(1);
    expect(l.countFor('a')).toBe(1);
  });

  it('release from tryAcquire is idempotent; counts never go below zero nor leak entries', () => {
    const l = new ConnectionLimiter({ perIp: 3, global: 10 });
    const r = l.tryAcquire('a');
    const s = l.tryAcquire('a');
    if (!r.ok || !s.ok) throw new Error('expected ok');
    r.release();
    r.release();
    r.release();
    expect(l.countFor('a')).toBe(1);
    expect(l.total).toBe(1);
    s.release();
    expect(l.total).toBe(0);
    expect(l.addresses).toBe(0);
    l.release('a'); // stray release: ignored
    l.release('never-seen');
    expect(l.total).toBe(0);
    expect(l.tryAcquire('a').ok).toBe(true);
    expect(l.total).toBe(1);
  });

  it('many addresses come and go without leaving map entries behind', () => {
    const l = new ConnectionLimiter({ perIp: 1, global: 0 });
    const held = [];
    for (let i = 0; i < 500; i++) {
      const r = l.tryAcquire(`10.0.${i >> 8}.${i & 255}`);
      if (r.ok) held.push(r);
    }
    expect(l.addresses).toBe(500);
    for (const r of held) if (r.ok) r.release();
    expect(l.addresses).toBe(0);
    expect(l.total).toBe(0);
  });

  it('rejects invalid limits', () => {
    expect(() => new ConnectionLimiter({ perIp: -1, global: 0 })).toThrow(RangeError);
    expect(() => new ConnectionLimiter({ perIp: 0, global: 1.5 })).toThrow(RangeError);
  });
});
