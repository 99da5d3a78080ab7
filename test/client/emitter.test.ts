import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '../../packages/client/src/emitter.js';

describe('TypedEmitter', () => {
  class E extends TypedEmitter<{ x: [n: number]; y: [] }> {
    fire(n: number) {
      this.emit('x', n);
    }
  }
  it('on / once / off', () => {
    const e = new E();
    const seen: number[] = [];
    const off = e.on('x', (n) => seen.push(n));
    e.once('x', (n) => seen.push(n * 10));
    e.fire(1);
    e.fire(2);
    off();
    e.fire(3);
    expect(seen).toEqual([1, 10, 2]);
    expect(e.listenerCount('x')).toBe(0);
  });
});

describe('TypedEmitter listener errors', () => {
  it('a throwing listener does not stop the others; its error is re-thrown asynchronously', async () => {
    class F extends TypedEmitter<{ x: [] }> {
      fire() {
        this.emit('x');
      }
    }
    const e = new F();
    let second = false;
    e.on('x', () => {
      throw new Error('boom');
    });
    e.on('x', () => (second = true));
    const uncaught = new Promise<Error>((resolve) => process.once('uncaughtException', resolve));
    e.fire();
    expect(second).toBe(true);
    expect((await uncaught).message).toBe('boom');
  });
});
