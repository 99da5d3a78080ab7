// TokenExpiry: one timer per watched socket, fired at its expiry, gone when the socket is forgotten.
import { describe, expect, it } from 'vitest';
import { TokenExpiry } from '../../src/server/token-expiry.js';

describe('TokenExpiry', () => {
  it('calls back at the expiry, never for a forgotten socket, and holds nothing afterwards', async () => {
    const fired: string[] = [];
    let wake!: () => void;
    const firstFired = new Promise<void>((r) => (wake = r));
    const expiry = new TokenExpiry<{ id: string }>((s) => {
      fired.push(s.id);
      wake();
    });
    const a = { id: 'a' };
    const b = { id: 'b' };
    const at = Date.now() + 40;
    expiry.watch(b, at);
    expiry.watch(a, at + 10);
    expiry.forget(b);
    expect(expiry.size).toBe(1);
    await firstFired;
    expect(Date.now()).toBeGreaterThanOrEqual(at + 10);
    expect(fired).toEqual(['a']);
    expect(expiry.size).toBe(0);
  });

  it('an expiry already past fires at once; one beyond setTimeout\'s range is held without firing', () => {
    const fired: string[] = [];
    const expiry = new TokenExpiry<{ id: string }>((s) => fired.push(s.id));
    expiry.watch({ id: 'past' }, Date.now() - 1);
    expect(fired).toEqual(['past']);
    const far = { id: 'far' };
    expiry.watch(far, Date.now() + 40 * 24 * 3600 * 1000);
    expect(expiry.size).toBe(1);
    expiry.forget(far);
    expect(expiry.size).toBe(0);
    expect(fired).toEqual(['past']);
  });
});
