// The pure candle rule (market/candles/candle.ts) and the live candle book built on it.
import { describe, expect, it } from 'vitest';
import { bucketStart, candlesOfIndex, candlesOfTicks, foldTrade, MINUTE_MS } from '../../src/market/candles/candle.js';
import { CandleBook, CLOSE_GRACE_MS } from '../../src/market/candles/candle-book.js';
import type { ClassifiedTrade } from '../../src/market/processor/processor.js';
import type { IndexEvent } from '../../src/market/events.js';
import { MarketPhase } from '../../src/wire/proto.js';

const at = (hhmmss: string, ms = 0) => Date.parse(`2024-05-02T${hhmmss}+07:00`) + ms;
const trade = (symbol: string, t: number, price: number, volume: number, side: ClassifiedTrade['side']): ClassifiedTrade => ({ symbol, feedCode: symbol, timeMs: t, price, volume, side, sideBy: 'book', phase: MarketPhase.CONTINUOUS });
const index = (id: string, t: number, value: number, totalVolume: number) => ({ type: 'index', id, timeMs: t, tradingDate: '2024-05-02', value, priorValue: 0, totalVolume, totalValue: 0, advances: 0, declines: 0, unchanged: 0, ceilings: 0, floors: 0 }) as IndexEvent;

describe('candle rule', () => {
  it('buckets on local (UTC+7) minutes and days', () => {
    expect(bucketStart(at('09:15:59', 999), MINUTE_MS)).toBe(at('09:15:00'));
    expect(bucketStart(at('00:00:00'), 86_400_000)).toBe(at('00:00:00'));
    expect(bucketStart(at('23:59:59'), 86_400_000)).toBe(at('00:00:00'));
  });

  it('trade candles: OHLC in arrival order, volume split by side, trade count', () => {
    const c = candlesOfTicks([
      [at('09:15:01'), 100, 10, 1],
      [at('09:15:02'), 105, 20, 2],
      [at('09:15:02'), 95, 5, 0],
      [at('09:15:30'), 101, 1, 1],
      [at('09:16:00'), 102, 7, 2],
    ], MINUTE_MS, 10);
    expect(c).toEqual([
      { ts: at('09:15:00'), open: 100, high: 105, low: 95, close: 101, volume: 36, buyVolume: 11, sellVolume: 20, trades: 4 },
      { ts: at('09:16:00'), open: 102, high: 102, low: 102, close: 102, volume: 7, buyVolume: 0, sellVolume: 7, trades: 1 },
    ]);
    expect(candlesOfTicks([[at('09:15:01'), 1, 1, 0], [at('09:16:01'), 1, 1, 0]], MINUTE_MS, 1)).toHaveLength(1);
  });

  it('index candles: volume is the rise of the cumulative total; 0 for the first point and after a fall', () => {
    const c = candlesOfIndex([
      [at('09:15:01'), 1250, 1000],
      [at('09:15:20'), 1252, 1500],
      [at('09:16:00'), 1249, 1600],
      [at('09:16:30'), 1251, 200], // a fall: a new session's counter
    ], MINUTE_MS, 10);
    expect(c.map((x) => [x.open, x.high, x.low, x.close, x.volume])).toEqual([[1250, 1252, 1250, 1252, 500], [1249, 1251, 1249, 1251, 100]]);
    expect(candlesOfIndex([[at('09:15:01'), 1250, 1000]], MINUTE_MS, 10, 900)[0]!.volume).toBe(100);
  });

  it('foldTrade starts a new candle object for a new bucket and folds into the same one otherwise', () => {
    const a = foldTrade(undefined, MINUTE_MS, at('09:15:01'), 10, 1, 'buy');
    expect(foldTrade(a, MINUTE_MS, at('09:15:02'), 11, 1, 'sell')).toBe(a);
    expect(foldTrade(a, MINUTE_MS, at('09:16:02'), 11, 1, 'sell')).not.toBe(a);
  });
});

describe('candle book', () => {
  it('a DELTA gets the changed candles, a FULL every current one; a minute closes once, on the next trade or the clock past the grace', () => {
    const b = new CandleBook();
    b.onTrade(trade('FPT', at('09:15:01'), 100, 10, 'buy'));
    b.onTrade(trade('VNM', at('09:15:02'), 50, 5, 'sell'));
    let f = b.frame(at('09:15:03'));
    expect([...f.changed.keys()].sort()).toEqual(['FPT', 'VNM']);
    const fpt = f.all.get('FPT')![0]!;
    expect(fpt).toMatchObject({ symbol: 'FPT', timeMs: at('09:15:00'), open: 100, volume: 10, buyVolume: 10, trades: 1, closed: false });

    b.onTrade(trade('FPT', at('09:15:40'), 101, 1, 'neutral'));
    f = b.frame(at('09:15:41'));
    expect([...f.changed.keys()]).toEqual(['FPT']);
    expect(f.all.get('VNM')![0]).toBe(b.frame(at('09:15:41')).all.get('VNM')![0]); // unchanged: the same object

    // FPT's next minute: the old one goes out closed, then the new one.
    b.onTrade(trade('FPT', at('09:16:00', 500), 102, 3, 'sell'));
    f = b.frame(at('09:16:01'));
    expect(f.changed.get('FPT')!.map((c) => [c.timeMs, c.closed, c.close])).toEqual([[at('09:15:00'), true, 101], [at('09:16:00'), false, 102]]);
    // VNM is quiet: its minute closes once the clock is CLOSE_GRACE_MS past the boundary, and only once.
    expect(f.changed.has('VNM')).toBe(false);
    f = b.frame(at('09:16:00') + CLOSE_GRACE_MS);
    expect(f.changed.get('VNM')!.map((c) => c.closed)).toEqual([true]);
    expect(f.all.get('VNM')![0]!.closed).toBe(true);
    expect(b.frame(at('09:16:30')).changed.has('VNM')).toBe(false);
  });

  it('a trade later than the grace folds into its minute, which is sent closed again with its final values', () => {
    const b = new CandleBook();
    b.onTrade(trade('FPT', at('09:15:01'), 100, 10, 'buy'));
    b.frame(at('09:15:02'));
    expect(b.frame(at('09:16:10')).changed.get('FPT')![0]!.closed).toBe(true);
    b.onTrade(trade('FPT', at('09:15:59'), 99, 1, 'sell'));
    const again = b.frame(at('09:16:11')).changed.get('FPT')!;
    expect(again.map((c) => [c.closed, c.volume, c.low])).toEqual([[true, 11, 99]]);
  });

  it('an index point out of order across a minute boundary changes no candle (the live minute never goes back)', () => {
    const b = new CandleBook();
    b.onIndex(index('VN30', at('09:15:01'), 1250, 1000));
    b.onIndex(index('VN30', at('09:16:01'), 1252, 1500));
    b.frame(at('09:16:02'));
    b.onIndex(index('VN30', at('09:15:59'), 1249, 1400));
    const f = b.frame(at('09:16:03'));
    expect(f.changed.has('')).toBe(false);
    expect(f.all.get('')).toEqual([expect.objectContaining({ symbol: 'VN30', timeMs: at('09:16:00'), open: 1252, close: 1252, volume: 500, closed: false })]);
  });

  it('index candles go to every view (group "") under the index id', () => {
    const b = new CandleBook();
    b.onIndex(index('VN30', at('09:15:01'), 1250, 1000));
    b.onIndex(index('VN30', at('09:15:30'), 1251, 1400));
    const f = b.frame(at('09:15:31'));
    expect(f.all.get('')).toEqual([expect.objectContaining({ symbol: 'VN30', open: 1250, close: 1251, volume: 400, trades: 0 })]);
  });
});
