// The list channels' parts (trades, candles): packed once per format after the board,
// grouped by symbol; a view takes its symbols' groups (and the every-view group), the
// replay instead of the regular list for a connect/resync FULL; protobuf and JSON say the
// same thing; the NATS frame codec carries the tables.
import { describe, expect, it } from 'vitest';
import { decodeBusFrame, encodeBusFrame } from '../../src/scale/frame-codec.js';
import { CHANNELS, DEFAULT_CHANNELS, packParts, type AlertRecord, type Channel, type FrameLists } from '../../src/wire/frame-parts.js';
import { decodeProtoToJsonMapping } from '../../src/wire/reference-codec.js';
import { assembleView, hasReplay, type ViewSpec } from '../../src/wire/views.js';
import { MarketPhase, TradeSide, type CandleProps, type TradeProps } from '../../src/wire/proto.js';

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
const t = (symbol: string, tradeSeq: number, side: TradeSide): TradeProps => ({ symbol, tradeSeq, price: 100 + tradeSeq, volume: 10, side, session: MarketPhase.CONTINUOUS, timeMs: 1_700_000_000_000 + tradeSeq });
const c = (symbol: string, closed: boolean): CandleProps => ({ symbol, timeMs: 1_699_999_980_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 100, buyVolume: 60, sellVolume: 30, trades: 4, closed });

const al = (symbol: string, timeMs: number, wide = false): AlertRecord => ({ id: `price_above:${symbol}:${timeMs}`, type: 'price_above', severity: 'INFO', symbol, value: 2, params: { threshold: 1 }, timeMs, message: `${symbol} >= 1`, wide });

const lists: FrameLists = {
  trades: new Map([['FPT', [t('FPT', 7, TradeSide.ACTIVE_BUY)]], ['VN30F2612', [t('VN30F2612', 3, TradeSide.NEUTRAL)]]]),
  candles: new Map([['FPT', [c('FPT', true), c('FPT', false)]], ['', [c('VN30', false)]]]),
  alerts: new Map([['FPT', [al('FPT', 9)]], ['', [al('VN30', 9, true)]]]),
};
const replay: FrameLists = {
  trades: new Map([['FPT', [t('FPT', 6, TradeSide.ACTIVE_SELL), t('FPT', 7, TradeSide.ACTIVE_BUY)]], ['VNM', [t('VNM', 1, TradeSide.NEUTRAL)]]]),
  alerts: new Map([['VNM', [al('VNM', 3)]], ['FPT', [al('FPT', 5), al('FPT', 9)]], ['', [al('VN30', 9, true)]]]),
};

const view = (format: 'proto' | 'json', channels: Channel[], symbols: string[] | null): ViewSpec => ({ format, channels: new Set(channels), symbols: symbols && new Set(symbols), delta: true });
const meta = { seq: 5, epoch: 'e1', producedAtUs: 1 };

function decoded(bytes: Uint8Array, format: 'proto' | 'json'): Record<string, unknown> {
  const frame = format === 'proto' ? decodeProtoToJsonMapping(bytes) : (JSON.parse(Buffer.from(bytes).toString()) as Record<string, unknown>);
  return frame.snapshot as Record<string, unknown>;
}
const seqs = (s: Record<string, unknown>) => ((s.trades ?? []) as Array<{ symbol: string; tradeSeq: string }>).map((x) => `${x.symbol}#${x.tradeSeq}`);
const alertIds = (s: Record<string, unknown>) => ((s.alerts ?? []) as Array<{ id: string }>).map((x) => x.id);
const candleNames = (s: Record<string, unknown>) => ((s.candles ?? []) as Array<{ symbol: string; closed?: boolean }>).map((x) => `${x.symbol}${x.closed ? '!' : ''}`);

describe('list parts', () => {
  for (const format of ['proto', 'json'] as const) {
    it(`${format}: a view takes its symbols' groups and the every-view ones; the replay replaces the list in a connect FULL`, () => {
      const p = packParts(snapshot, format, { lists, replay });
      const all = decoded(assembleView(meta, 'FULL', 0, p, view(format, [...CHANNELS], null)), format);
      expect(seqs(all)).toEqual(['FPT#7', 'VN30F2612#3']);
      expect(candleNames(all)).toEqual(['FPT!', 'FPT', 'VN30']);
      expect((all.symbols as unknown[]).length).toBe(2);
      const watch = decoded(assembleView(meta, 'FULL', 0, p, view(format, ['trades', 'candles'], ['VNM'])), format);
      expect(seqs(watch)).toEqual([]);
      expect(candleNames(watch)).toEqual(['VN30']);
      const connect = decoded(assembleView(meta, 'FULL', 0, p, view(format, ['trades'], ['FPT', 'VNM']), true), format);
      expect(seqs(connect)).toEqual(['FPT#6', 'FPT#7', 'VNM#1']);
      expect(connect).not.toHaveProperty('candles');
      expect(hasReplay(p, view(format, ['candles'], null))).toBe(false);
      expect(hasReplay(p, view(format, ['trades'], null))).toBe(true);
      // The default channels: the board as before, no lists.
      const board = decoded(assembleView(meta, 'FULL', 0, p, view(format, [...DEFAULT_CHANNELS], null)), format);
      expect(board).not.toHaveProperty('trades');
      expect(board).not.toHaveProperty('candles');
      expect(board).toEqual(decoded(assembleView(meta, 'FULL', 0, packParts(snapshot, format), view(format, [...DEFAULT_CHANNELS], null)), format));
    });

    it(`${format}: the NATS frame codec carries the list tables; an edge assembles the same bytes`, () => {
      const full = packParts(snapshot, format, { lists, replay });
      const delta = packParts({ ...snapshot, symbols: [] }, format, { lists });
      const b = decodeBusFrame(encodeBusFrame({ term: 1, epoch: 'e1', seq: 5, producedAtUs: 1, keyframe: false, buildUs: 1, formats: [format], basket: ['FPT', 'VNM'], sentAtUs: 1 }, full, delta));
      for (const v of [view(format, [...CHANNELS], null), view(format, ['trades', 'candles', 'alerts'], ['FPT'])]) {
        for (const r of [false, true]) expect(Buffer.from(assembleView(meta, 'FULL', 0, b.full, v, r))).toEqual(Buffer.from(assembleView(meta, 'FULL', 0, full, v, r)));
        expect(Buffer.from(assembleView(meta, 'DELTA', 4, b.delta!, v))).toEqual(Buffer.from(assembleView(meta, 'DELTA', 4, delta, v)));
      }
    });

    it(`${format}: alerts are one more list: this frame's in the stream, the recent ones in a connect FULL; a watchlist takes its symbols' and the market-wide ones`, () => {
      const p = packParts(snapshot, format, { lists, replay });
      const all = decoded(assembleView(meta, 'FULL', 0, p, view(format, ['alerts'], null)), format);
      expect(alertIds(all)).toEqual(['price_above:FPT:9', 'price_above:VN30:9']);
      expect(all).not.toHaveProperty('trades');
      const watchVnm = view(format, ['alerts'], ['VNM']);
      expect(alertIds(decoded(assembleView(meta, 'FULL', 0, p, watchVnm), format))).toEqual(['price_above:VN30:9']);
      expect(alertIds(decoded(assembleView(meta, 'FULL', 0, p, watchVnm, true), format))).toEqual(['price_above:VNM:3', 'price_above:VN30:9']);
      expect(hasReplay(p, watchVnm)).toBe(true);
      // An empty replay (ALERTS_REPLAY=0, or none yet) has no table: the connect FULL is the regular one.
      const noReplay = packParts(snapshot, format, { lists, replay: { alerts: new Map() } });
      expect(hasReplay(noReplay, watchVnm)).toBe(false);
      expect(Buffer.from(assembleView(meta, 'FULL', 0, noReplay, watchVnm, true))).toEqual(Buffer.from(assembleView(meta, 'FULL', 0, noReplay, watchVnm)));
      // A DELTA carries the frame's alerts (no replay); nothing for the view: the JSON member is left out.
      const delta = packParts({ ...snapshot, symbols: [] }, format, { lists: { alerts: new Map([['FPT', [al('FPT', 10)]]]) } });
      expect(alertIds(decoded(assembleView(meta, 'DELTA', 4, delta, view(format, ['alerts'], ['FPT'])), format))).toEqual(['price_above:FPT:10']);
      const none = decoded(assembleView(meta, 'DELTA', 4, delta, watchVnm), format);
      if (format === 'json') expect(none).not.toHaveProperty('alerts');
      else expect(alertIds(none)).toEqual([]);
    });
  }

  it('protobuf and JSON carry the same alerts (JSON: severity by name)', () => {
    const v = (f: 'proto' | 'json') => view(f, ['alerts'], null);
    const proto = decoded(assembleView(meta, 'FULL', 0, packParts(snapshot, 'proto', { lists }), v('proto')), 'proto');
    const json = decoded(assembleView(meta, 'FULL', 0, packParts(snapshot, 'json', { lists }), v('json')), 'json');
    expect(json.alerts).toEqual(proto.alerts);
    expect((json.alerts as Array<Record<string, unknown>>)[0]).toEqual({ id: 'price_above:FPT:9', type: 'price_above', severity: 'INFO', symbol: 'FPT', value: 2, params: { threshold: 1 }, timeMs: 9, message: 'FPT >= 1' });
  });

  it('protobuf and JSON carry the same trades and candles (JSON: enums by name, uint64 as strings, closed omitted when false)', () => {
    const v = (f: 'proto' | 'json') => view(f, ['trades', 'candles'], null);
    const proto = decoded(assembleView(meta, 'FULL', 0, packParts(snapshot, 'proto', { lists }), v('proto')), 'proto');
    const json = decoded(assembleView(meta, 'FULL', 0, packParts(snapshot, 'json', { lists }), v('json')), 'json');
    // toObject with defaults writes closed: false; the JSON mapping leaves it out.
    for (const x of proto.candles as Array<Record<string, unknown>>) if (x.closed === false) delete x.closed;
    expect(json.trades).toEqual(proto.trades);
    expect(json.candles).toEqual(proto.candles);
    expect((json.trades as Array<Record<string, unknown>>)[0]).toEqual({ symbol: 'FPT', tradeSeq: '7', price: 107, volume: 10, side: 'ACTIVE_BUY', session: 'CONTINUOUS', timeMs: 1_700_000_000_007 });
  });
});
