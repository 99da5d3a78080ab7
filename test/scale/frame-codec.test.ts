// The frame bus codec: the parts survive the trip byte for byte, so an edge assembles the
// same view bytes as the ingest's own main thread would.
import { describe, expect, it } from 'vitest';
import { decodeBusFrame, encodeBusFrame, type FrameHeader } from '../../src/scale/frame-codec.js';
import { CHANNELS, packParts } from '../../src/wire/frame-parts.js';
import { assembleView } from '../../src/wire/views.js';
import { MarketPhase } from '../../src/wire/proto.js';
import { editHeader } from '../helpers/bus-frames.js';

const snapshot = {
  marketTimeMs: 1_700_000_000_000,
  tradingDate: '2026-11-27',
  phase: MarketPhase.CONTINUOUS,
  symbols: [
    { symbol: 'FPT', lastPrice: 120_000, reference: 118_000 },
    { symbol: 'VNM', lastPrice: 70_100, reference: 70_000 },
  ],
  indices: [{ id: 'VN30', value: 1300.5 }],
};
const header: FrameHeader = { term: 3, epoch: 'mx0abcd-1234abcd', seq: 42, producedAtUs: 1_700_000_000_000_123, keyframe: false, buildUs: 900, formats: ['proto', 'json'], basket: ['FPT', 'VNM'], sentAtUs: 1 };

describe('frame bus codec', () => {
  for (const format of ['proto', 'json'] as const) {
    it(`${format}: round-trips header and parts; every view assembles to the same bytes`, () => {
      const full = packParts(snapshot, format);
      const delta = packParts({ ...snapshot, symbols: [snapshot.symbols[0]!] }, format);
      // As nats.js hands it over: a view into a larger buffer.
      const wire = encodeBusFrame(header, full, delta);
      const padded = new Uint8Array(wire.byteLength + 20);
      padded.set(wire, 10);
      const b = decodeBusFrame(Buffer.from(padded.buffer, 10, wire.byteLength));
      expect({ ...b, full: undefined, delta: undefined, format: undefined }).toEqual({ ...header, full: undefined, delta: undefined, format: undefined });
      expect(b.format).toBe(format);
      expect(b.full.bytes.byteLength).toBe(full.bytes.byteLength);
      const meta = { seq: 42, epoch: header.epoch, producedAtUs: header.producedAtUs };
      const views = [
        { format, channels: new Set(CHANNELS), symbols: null, delta: true },
        { format, channels: new Set(['board' as const]), symbols: new Set(['VNM']), delta: true },
      ];
      for (const v of views) {
        expect(Buffer.from(assembleView(meta, 'FULL', 0, b.full, v))).toEqual(Buffer.from(assembleView(meta, 'FULL', 0, full, v)));
        expect(Buffer.from(assembleView(meta, 'DELTA', 41, b.delta!, v))).toEqual(Buffer.from(assembleView(meta, 'DELTA', 41, delta, v)));
      }
      expect(decodeBusFrame(encodeBusFrame(header, full, null)).delta).toBeNull();
    });
  }

  it('rejects what is not a frame message, with BC_FRAME_CODEC', () => {
    const good = encodeBusFrame(header, packParts(snapshot, 'proto'), null);
    expect(() => decodeBusFrame(Uint8Array.from([1, 2, 3]))).toThrow(/bad magic/);
    expect(() => decodeBusFrame(good.subarray(0, good.byteLength - 5))).toThrow(/overrun/);
    try {
      decodeBusFrame(Uint8Array.from([0x42, 0x43, 0x46, 0x31, 255, 255, 0, 0]));
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe('BC_FRAME_CODEC');
    }
  });

  it("the feed's boards: carried when present, absent on a delta; a malformed board list is refused", () => {
    const boards = { VN30: ['FPT'], HNX: ['VNM'], 'HNX-X': [] };
    const good = encodeBusFrame({ ...header, keyframe: true, boards }, packParts(snapshot, 'proto'), null);
    expect(decodeBusFrame(good).boards).toEqual(boards);
    expect(decodeBusFrame(encodeBusFrame(header, packParts(snapshot, 'proto'), null)).boards).toBeUndefined();
    const bad: Array<(h: Record<string, any>) => void> = [
      (h) => void (h.boards = ['VN30']),
      (h) => void (h.boards = { VN30: 'FPT' }),
      (h) => void (h.boards = { VN30: ['FPT', 'not a symbol!'] }),
      (h) => void (h.boards = { 'lower-case': ['FPT'] }),
      (h) => void (h.boards = { __proto__: null, ['A'.repeat(17)]: ['FPT'] }),
      (h) => void (h.boards = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`B${i}`, []]))),
      (h) => void (h.boards = { HNX: Array.from({ length: 5001 }, () => 'FPT') }),
    ];
    for (const edit of bad) expect(() => decodeBusFrame(editHeader(good, edit))).toThrow(/malformed header: boards/);
  });
});
