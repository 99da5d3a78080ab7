// What an edge accepts from NATS before anything else looks at it: frame messages
// (frame-codec.ts), heartbeats (heartbeat.ts) and lease entries (lease.ts). Every bad input
// is refused with an error or undefined — never an exception from deeper inside, never a
// value that makes later code throw.
import { describe, expect, it } from 'vitest';
import { decodeBusFrame, encodeBusFrame, type FrameHeader } from '../../src/scale/frame-codec.js';
import { parseHeartbeat } from '../../src/scale/heartbeat.js';
import { leaseValue, readLease } from '../../src/scale/lease.js';
import { assembleView } from '../../src/wire/views.js';
import { CHANNELS, packParts } from '../../src/wire/frame-parts.js';
import { MarketPhase } from '../../src/wire/proto.js';
import { editHeader, rng } from '../helpers/bus-frames.js';

const snapshot = { marketTimeMs: 1, tradingDate: '2026-11-27', phase: MarketPhase.CONTINUOUS, symbols: [{ symbol: 'FPT', lastPrice: 120_000 }, { symbol: 'VNM', lastPrice: 70_100 }] };
const header: FrameHeader = { term: 3, epoch: 'mx0abcd-1234abcd', seq: 42, producedAtUs: 1_764_000_000_000_000, keyframe: true, buildUs: 900, formats: ['proto', 'json'], basket: ['FPT', 'VNM'], sentAtUs: 1_764_000_000_000_100 };
const utf8 = new TextEncoder();

const withHeader = (edit: (h: Record<string, any>) => void) => editHeader(encodeBusFrame(header, packParts(snapshot, 'proto'), null), edit);

describe('frame messages from the bus', () => {
  it('the unedited message decodes (the helper itself is sound)', () => {
    expect(decodeBusFrame(withHeader(() => undefined)).seq).toBe(42);
  });

  const cases: Array<[string, (h: Record<string, any>) => void, RegExp]> = [
    ['a row offset of -5', (h) => (h.full.rows[0] = -5), /rows/],
    ['a row past the buffer', (h) => (h.full.rows[0] = h.full.len), /outside/],
    ['a fractional offset', (h) => (h.full.header = [0.5, 1]), /span/],
    ['rows and symbols of different lengths', (h) => h.full.rows.push(0, 1), /rows/],
    ['a symbol that is not a string', (h) => (h.full.symbols[0] = { x: 1 }), /rows/],
    ['seq = 2^53 (not a safe integer)', (h) => (h.seq = 2 ** 53), /seq/],
    ['term 0', (h) => (h.term = 0), /term/],
    ['an unknown format', (h) => (h.format = 'xml'), /format/],
    ['formats naming an unknown one', (h) => (h.formats = ['proto', 'xml']), /formats/],
    ['formats not naming its own', (h) => (h.formats = ['json']), /formats/],
    ['an epoch that is not a short id', (h) => (h.epoch = 'x'.repeat(65)), /epoch/],
    ['a keyframe flag that is not a boolean', (h) => (h.keyframe = 'yes'), /keyframe/],
    ['a basket that is not symbols', (h) => (h.basket = [1, 2]), /basket/],
    ['a negative time', (h) => (h.producedAtUs = -1), /times/],
    ['a declared part longer than the bytes', (h) => (h.full.len += 1), /overrun/],
    ['a null part table', (h) => (h.full = null), /part table/],
    ['version 2', (h) => (h.v = 2), /version/],
  ];
  for (const [what, edit, msg] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => decodeBusFrame(withHeader(edit))).toThrow(msg);
    });
  }

  it('refuses a header that is JSON null, and one that is an array', () => {
    for (const text of ['null', '[1]']) {
      const head = utf8.encode(text);
      const out = new Uint8Array(8 + head.byteLength);
      out.set([0x42, 0x43, 0x46, 0x31]);
      new DataView(out.buffer).setUint32(4, head.byteLength, true);
      out.set(head, 8);
      expect(() => decodeBusFrame(out)).toThrow(/not an object/);
    }
  });

  it('refuses every truncation of a good message, and extra bytes after it', () => {
    const good = encodeBusFrame(header, packParts(snapshot, 'json'), packParts(snapshot, 'json'));
    for (let n = 0; n < good.byteLength; n++) expect(() => decodeBusFrame(good.subarray(0, n)), `first ${n} bytes`).toThrow(/BC_FRAME_CODEC|magic|overrun|header/);
    const longer = new Uint8Array(good.byteLength + 1);
    longer.set(good);
    expect(() => decodeBusFrame(longer)).toThrow(/overrun/);
  });

  it('random bytes (seeded), with and without the magic, never decode and never throw anything but BC_FRAME_CODEC', () => {
    const rand = rng(12);
    for (let i = 0; i < 2000; i++) {
      const b = Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256));
      if (i % 2 === 0 && b.length >= 8) b.set([0x42, 0x43, 0x46, 0x31]);
      try {
        decodeBusFrame(b);
        expect.unreachable();
      } catch (err) {
        expect((err as { code?: string }).code).toBe('BC_FRAME_CODEC');
      }
    }
  });

  it('whatever it accepts assembles into every view without throwing (mutated headers, seeded)', () => {
    const rand = rng(99);
    const numbers = [-5, -1, 0, 1, 3, 2 ** 31, 2 ** 53 - 1, 0.5, NaN];
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const msg = withHeader((h) => {
        const table = rand() < 0.5 ? h.full : h;
        const keys = Object.keys(table);
        const k = keys[Math.floor(rand() * keys.length)]!;
        const v = table[k];
        if (Array.isArray(v) && v.length > 0) v[Math.floor(rand() * v.length)] = numbers[Math.floor(rand() * numbers.length)];
        else table[k] = numbers[Math.floor(rand() * numbers.length)];
      });
      let b;
      try {
        b = decodeBusFrame(msg);
      } catch {
        continue;
      }
      accepted++;
      for (const v of [{ format: 'proto' as const, channels: new Set(CHANNELS), symbols: null, delta: false }, { format: 'proto' as const, channels: new Set(['board' as const]), symbols: new Set(['VNM']), delta: false }]) {
        expect(() => assembleView({ seq: b.seq, epoch: b.epoch, producedAtUs: b.producedAtUs }, 'FULL', 0, b.full, v)).not.toThrow();
      }
    }
    expect(accepted).toBeGreaterThan(0); // some mutations are harmless (a time, a span within range)
  });
});

describe('heartbeats from the bus', () => {
  const good = { at: 1, term: 3, epoch: 'e1', leader: 'pod-1', feed: { state: 'live', counters: { sessions: 1 } }, framesSkipped: 0, feedAccepted: 10, feedRejected: 0 };
  const enc = (v: unknown) => utf8.encode(JSON.stringify(v));

  it('accepts a well-formed heartbeat', () => {
    expect(parseHeartbeat(enc(good))).toEqual(good);
  });

  it('refuses null, arrays, junk and every field off schema', () => {
    for (const body of [null, [], 'x', 5, {}]) expect(parseHeartbeat(enc(body)), JSON.stringify(body)).toBeUndefined();
    expect(parseHeartbeat(Uint8Array.from([0xff, 0x00, 0x7b]))).toBeUndefined();
    const edits: Array<Record<string, unknown>> = [{ term: 0 }, { term: '3' }, { at: -1 }, { epoch: 7 }, { feed: null }, { feed: { state: 'exploded' } }, { feed: { state: 'live', counters: { 'a b': 1 } } }, { feed: { state: 'live', lastError: 'x'.repeat(501) } }, { framesSkipped: -1 }, { feedAccepted: 1.5 }];
    for (const e of edits) expect(parseHeartbeat(enc({ ...good, ...e })), JSON.stringify(e)).toBeUndefined();
  });
});

describe('lease entries', () => {
  const put = (value: string, revision: number) => ({ operation: 'PUT' as const, revision, value: utf8.encode(value) });

  it('a create names its own revision as the term; a renewal carries the term', () => {
    expect(readLease(put(leaseValue('pod-1'), 7))).toEqual({ held: true, term: 7, holder: 'pod-1' });
    expect(readLease(put(leaseValue('pod-1', 7), 12))).toEqual({ held: true, term: 7, holder: 'pod-1' });
    expect(readLease({ operation: 'DEL', revision: 13, value: new Uint8Array() })).toEqual({ held: false });
  });

  it('refuses what is not a lease (a term after its own revision, junk)', () => {
    expect(readLease(put(leaseValue('pod-1', 99), 12))).toBeUndefined();
    expect(readLease(put('null', 12))).toBeUndefined();
    expect(readLease(put('{"id":5}', 12))).toBeUndefined();
    expect(readLease(put('nope', 12))).toBeUndefined();
  });
});
