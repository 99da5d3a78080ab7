// The SSI adapter's reconciliation between REST and the stream, without sockets.
import { describe, expect, it } from 'vitest';
import { boardBasket, channelList, futuresCodes, isoDay, StreamLedger, subscriptionCodes, vnClock } from '../../src/market/feed/ssi/reconcile.js';
import { frontMonthContract } from '../../src/market/rules/futures.js';

const clock = vnClock(Date.parse('2025-06-17T03:30:00Z')); // 10:30 in Ha Noi
const row = (symbol: string, buy: number, over: Record<string, unknown> = {}) => ({
  Symbol: symbol, TradingDate: '17/06/2025', ForeignBuyVolTotal: buy, ForeignSellVolTotal: 10, ForeignBuyValTotal: buy * 1000, ForeignSellValTotal: 10_000, ForeignCurrentRoom: 5_000, ...over,
});

describe('vnClock and isoDay', () => {
  it('reads the instant on the Asia/Ho_Chi_Minh clock and both SSI date forms', () => {
    expect(clock).toEqual({ iso: '2025-06-17', dmy: '17/06/2025', time: '10:30:00' });
    expect(isoDay('7/6/2025')).toBe('2025-06-07');
    expect(isoDay('2025-06-07T00:00:00')).toBe('2025-06-07');
    expect(isoDay('June 7')).toBe('');
    expect(isoDay(20250607)).toBe('');
  });
});

describe('basket, futures codes, channels', () => {
  it('the REST basket wins over the fallback; extras follow, without duplicates', () => {
    expect(boardBasket(['FPT', 'VNM'], ['ACB'], ['HPG', 'FPT'])).toEqual(['FPT', 'VNM', 'HPG']);
    expect(boardBasket([], ['ACB'], ['HPG'])).toEqual(['ACB', 'HPG']);
  });

  it('auto subscribes the forms the feed lists, both when the list is unknown or names neither', () => {
    const june = frontMonthContract('2025-06-17');
    expect(subscriptionCodes(june, 'auto', new Set([june.krxCode]))).toEqual([june.krxCode]);
    expect(subscriptionCodes(june, 'auto', undefined)).toEqual([june.krxCode, june.symbol]);
    expect(subscriptionCodes(june, 'auto', new Set(['OTHER']))).toEqual([june.krxCode, june.symbol]);
    expect(subscriptionCodes(june, 'classic', undefined)).toEqual(['VN30F2506']);
    expect(futuresCodes('2025-06-17', 'classic', undefined)).toEqual(['VN30F2506', 'VN30F2507']);
    expect(futuresCodes('2025-06-17', 'classic', undefined, ['X1'])).toEqual(['X1']);
  });

  it('lists F, R, MI and X last, the futures only on X', () => {
    expect(channelList(['FPT'], ['FPT', 'VNM'], ['VN30'], ['VN30F2506'])).toEqual(['F:FPT-VNM', 'R:FPT-VNM', 'MI:VN30', 'X:FPT-VNM-VN30F2506']);
  });
});

describe('StreamLedger.foreignSnapshot', () => {
  it('turns today\'s rows of tracked symbols into R messages at the wall clock while the stream has not spoken', () => {
    const msgs = new StreamLedger().foreignSnapshot([row('FPT', 100), row('XYZ', 5), row('VNM', 7, { TradingDate: '16/06/2025' })], new Set(['FPT', 'VNM']), clock);
    expect(msgs).toEqual([{ RType: 'R', Symbol: 'FPT', TradingDate: '17/06/2025', Time: '10:30:00', BuyVol: 100, SellVol: 10, BuyVal: 100_000, SellVal: 10_000, CurrentRoom: 5_000 }]);
  });

  it('skips a row behind what the stream delivered (REST lags) and stamps with the stream clock', () => {
    const ledger = new StreamLedger();
    ledger.observe({ RType: 'R', Symbol: 'FPT', TradingDate: '17/06/2025', Time: '10:29:55', BuyVol: 200, SellVol: 10, BuyVal: 200_000, SellVal: 10_000 });
    const tracked = new Set(['FPT', 'VNM']);
    expect(ledger.foreignSnapshot([row('FPT', 150)], tracked, clock)).toEqual([]);
    const msgs = ledger.foreignSnapshot([row('FPT', 250), row('VNM', 3)], tracked, clock);
    expect(msgs.map((m) => [m.Symbol, m.BuyVol, m.Time])).toEqual([['FPT', 250, '10:29:55'], ['VNM', 3, '10:29:55']]);
  });

  it('drops rows with unusable figures and leaves out an empty room', () => {
    const tracked = new Set(['FPT', 'VNM', 'HPG']);
    const msgs = new StreamLedger().foreignSnapshot([row('FPT', -1), row('VNM', 4, { ForeignSellVolTotal: 'n/a' }), row('HPG', 9, { ForeignCurrentRoom: '' })], tracked, clock);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).not.toHaveProperty('CurrentRoom');
  });

  it('a stream message of another day does not stamp today\'s snapshot', () => {
    const ledger = new StreamLedger();
    ledger.observe({ RType: 'X', Symbol: 'FPT', TradingDate: '16/06/2025', Time: '14:45:00' });
    expect(ledger.foreignSnapshot([row('FPT', 1)], new Set(['FPT']), clock)[0]!.Time).toBe('10:30:00');
  });
});
