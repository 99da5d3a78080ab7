// The SSI scrubber and clip(): secrets go before text is cut, and a piece of a secret left at
// the edge of a text someone else cut is redacted too.
import { describe, expect, it } from 'vitest';
import { clip, describeError, Scrubber } from '../../src/market/feed/ssi/errors.js';
import { unwrapBroadcast } from '../../src/market/feed/ssi/stream.js';

const SECRET = 'Xk42-qa9Lw0pE7vT-zr8Yb1';
const scrubber = new Scrubber();
scrubber.add(SECRET);

describe('scrubbing before cutting', () => {
  it('clip scrubs first, so a secret straddling the limit leaves nothing', () => {
    const text = `${'a'.repeat(150)}${SECRET} and more`;
    expect(clip(text, 160)).toContain(SECRET.slice(0, 10)); // the bug: cut, then scrub, finds no whole secret
    expect(clip(text, 160, scrubber.fn)).toBe(`${'a'.repeat(150)}[redacted]`);
  });

  it('describeError scrubs before its 300-character cut', () => {
    const msg = describeError(new Error(`${'b'.repeat(290)}${SECRET}`), scrubber);
    expect(msg).toBe(`${'b'.repeat(290)}[redacted]`);
  });

  it('a text already cut inside a secret (at its end or its start) loses the piece', () => {
    expect(scrubber.scrub(`echo: ${SECRET.slice(0, 9)}`)).toBe('echo: [redacted]');
    expect(scrubber.scrub(`${SECRET.slice(-7)} was sent`)).toBe('[redacted] was sent');
    expect(scrubber.scrub('ab Xk4')).toBe('ab Xk4'); // three characters are not a piece worth hiding
  });

  it('malformed broadcast parts are scrubbed before their 2000-character cut', () => {
    const [part] = unwrapBroadcast(JSON.stringify({ DataType: 'X', Content: `${'c'.repeat(1995)}${SECRET}` }), scrubber.fn);
    expect(part).toBe(`${'c'.repeat(1995)}[redacted]`.slice(0, 2000)); // the marker itself may be cut, never the secret
  });
});
