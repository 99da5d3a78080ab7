import { describe, expect, it, vi } from 'vitest';
import { FeedMessageError } from '../../src/errors.js';
import { Normalizer, normalize, parseTime, parseTradingDate } from '../../src/market/normalizer.js';
import { localTimeToMs } from '../../src/market/rules/session.js';
import type { QuoteEvent } from '../../src/market/events.js';
import { MarketPhase } from '../../src/wire/proto.js';

const X = {
  RType: 'X',
  Symbol: 'FPT',
  TradingDate: '27/11/2025',
  Time: '10:15:30',
  Exchange: 'HOSE',
  TradingSession: 'LO',
  Ceiling: 102_000,
  Floor: 88_800,
  RefPrice: 95_400,
  Open: 95_500,
  High: 96_000,
  Low: 95_000,
  LastPrice: 95_800,
  LastVol: 1_200,
  TotalVol: 1_234_500,
  TotalVal: 118_000_000_000,
  BidPrice1: 95_700,
  BidVol1: 3_000,
  BidPrice2: 95_600,
  BidVol2: 5_000,
  BidPrice3: 95_500,
  BidVol3: 7_000,
  AskPrice1: 95_800,
  AskVol1: 1_000,
  AskPrice2: 95_900,
  AskVol2: 2_000,
  AskPrice3: 96_000,
  AskVol3: 4_000,
  BidPrice4: 95_400,
  BidVol4: 9_000,
};

const R = {
  RType: 'R',
  Symbol: 'VCB',
  TradingDate: '27/11/2025',
  Time: '10:15:31',
  TotalRoom: 2_506_800_000,
  CurrentRoom: 140_000_000,
  BuyVol: 120_000,
  SellVol: 340_000,
  BuyVal: 7_440_000_000,
  SellVal: 21_080_000_000,
};

const MI = {
  RType: 'MI',
  IndexId: 'VN30',
  IndexValue: 1_342.57,
  PriorIndexValue: 1_330.1,
  TradingDate: '27/11/2025',
  Time: '10:15:32',
  TotalQtty: 120_000_000,
  TotalValue: 4_500_000_000_000,
  Advances: 18,
  Declines: 9,
  NoChanges: 3,
  Ceilings: 1,
  Floors: 0,
};

/** The FeedMessageError thrown by normalize(raw). */
function errorOf(raw: unknown): FeedMessageError {
  try {
    normalize(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedMessageError);
    return err as FeedMessageError;
  }
  throw new Error('expected normalize to throw');
}

const stringify = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));

describe('normalize: X (trade + quote)', () => {
  it('maps an SSI X message to a QuoteEvent, keeping 3 book levels', () => {
    expect(normalize(X)).toEqual({
      type: 'quote',
      symbol: 'FPT',
      timeMs: localTimeToMs('2025-11-27', '10:15:30'),
      tradingDate: '2025-11-27',
      reference: 95_400,
      ceiling: 102_000,
      floor: 88_800,
      open: 95_500,
      high: 96_000,
      low: 95_000,
      last: 95_800,
      lastVolume: 1_200,
      totalVolume: 1_234_500,
      totalValue: 118_000_000_000,
      bids: [
        { price: 95_700, volume: 3_000 },
        { price: 95_600, volume: 5_000 },
        { price: 95_500, volume: 7_000 },
      ],
      asks: [
        { price: 95_800, volume: 1_000 },
        { price: 95_900, volume: 2_000 },
        { price: 96_000, volume: 4_000 },
      ],
      session: MarketPhase.CONTINUOUS,
      aggressor: undefined,
    });
  });

  it('reads the session (TradingSession) and the exchange\'s aggressor (Side BU / SD); unknown codes are absent, the message is kept', () => {
    const P = MarketPhase;
    const cases: Array<[unknown, MarketPhase | undefined]> = [['ATO', P.ATO], ['LO', P.CONTINUOUS], ['ATC', P.ATC], ['PT', P.PUT_THROUGH], ['C', P.CLOSED], [' ato ', P.ATO], ['BREAK', P.LUNCH_BREAK], ['XYZ', undefined], ['', undefined], [undefined, undefined], [3, undefined]];
    for (const [code, phase] of cases) {
      const ev = normalize({ ...X, TradingSession: code }) as QuoteEvent;
      expect(ev.session, String(code)).toBe(phase);
      expect(ev.last).toBe(95_800);
    }
    const side = (Side: unknown) => (normalize({ ...X, Side }) as QuoteEvent).aggressor;
    expect(side('BU')).toBe('buy');
    expect(side('SD')).toBe('sell');
    expect(side('bu')).toBe('buy');
    expect(side('')).toBeUndefined();
    expect(side('B')).toBeUndefined();
    expect(side(undefined)).toBeUndefined();
  });

  it('is 10:15:30 in Asia/Ho_Chi_Minh, i.e. 03:15:30 UTC', () => {
    expect(new Date(normalize(X).timeMs).toISOString()).toBe('2025-11-27T03:15:30.000Z');
  });

  it('accepts numeric strings, empty strings as 0, and an absent Open', () => {
    const { Open: _open, ...noOpen } = stringify(X);
    const ev = normalize({ ...noOpen, LastVol: '', BidPrice3: '', BidVol3: '' });
    expect(ev).toMatchObject({ type: 'quote', open: 0, last: 95_800, lastVolume: 0, totalVolume: 1_234_500 });
    if (ev.type !== 'quote') throw new Error('quote expected');
    expect(ev.bids).toHaveLength(2); // the empty third level is dropped
  });

  it('reads Highest/Lowest when High/Low are absent', () => {
    const { High: _h, Low: _l, ...rest } = X;
    expect(normalize({ ...rest, Highest: 96_100, Lowest: 94_900 })).toMatchObject({ high: 96_100, low: 94_900 });
  });

  it('drops levels with price 0 and ATO/ATC market-order markers', () => {
    const ev = normalize({ ...X, BidPrice1: 'ATO', BidVol1: 50_000, AskPrice2: 0, AskVol2: 0, AskPrice3: 0, AskVol3: 0 });
    if (ev.type !== 'quote') throw new Error('quote expected');
    expect(ev.bids.map((l) => l.price)).toEqual([95_600, 95_500]);
    expect(ev.asks).toEqual([{ price: 95_800, volume: 1_000 }]);
  });

  it('accepts a futures contract in points and an ISO date', () => {
    const ev = normalize({ ...X, Symbol: 'VN30F2512', TradingDate: '2025-12-01', RefPrice: 1_340.5, Ceiling: 1_434.3, Floor: 1_246.7, LastPrice: '1342.1', Open: 1_341, High: 1_345, Low: 1_339.9, BidPrice1: 1_342, AskPrice1: 1_342.1 });
    expect(ev).toMatchObject({ symbol: 'VN30F2512', tradingDate: '2025-12-01', last: 1_342.1, reference: 1_340.5 });
  });
});

describe('normalize: R (foreign flow) and MI (index)', () => {
  it('maps R to a ForeignEvent', () => {
    expect(normalize(stringify(R))).toEqual({
      type: 'foreign',
      symbol: 'VCB',
      timeMs: localTimeToMs('2025-11-27', '10:15:31'),
      tradingDate: '2025-11-27',
      buyVolume: 120_000,
      sellVolume: 340_000,
      buyValue: 7_440_000_000,
      sellValue: 21_080_000_000,
      totalRoom: 2_506_800_000,
      currentRoom: 140_000_000,
    });
  });

  it('maps MI to an IndexEvent', () => {
    expect(normalize(MI)).toEqual({
      type: 'index',
      id: 'VN30',
      timeMs: localTimeToMs('2025-11-27', '10:15:32'),
      tradingDate: '2025-11-27',
      value: 1_342.57,
      priorValue: 1_330.1,
      totalVolume: 120_000_000,
      totalValue: 4_500_000_000_000,
      advances: 18,
      declines: 9,
      unchanged: 3,
      ceilings: 1,
      floors: 0,
    });
  });

  it('falls back to AllQty/AllValue and accepts numeric strings', () => {
    const { TotalQtty: _q, TotalValue: _v, ...rest } = MI;
    expect(normalize(stringify({ ...rest, AllQty: 5, AllValue: 7 }))).toMatchObject({ totalVolume: 5, totalValue: 7, value: 1_342.57 });
  });
});

describe('normalize: rejections name the field and the reason', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['missing Symbol', { ...X, Symbol: undefined }, 'Symbol', 'missing'],
    ['missing LastPrice', (({ LastPrice: _, ...r }) => r)(X), 'LastPrice', 'missing'],
    ['missing TotalVol', (({ TotalVol: _, ...r }) => r)(X), 'TotalVol', 'missing'],
    ['null RefPrice', { ...X, RefPrice: null }, 'RefPrice', 'missing'],
    ['negative LastVol', { ...X, LastVol: -100 }, 'LastVol', 'negative'],
    ['negative volume as a string', { ...R, BuyVol: '-5' }, 'BuyVol', 'negative'],
    ['NaN price', { ...X, LastPrice: NaN }, 'LastPrice', 'not_finite'],
    ['"NaN" string', { ...X, LastPrice: 'NaN' }, 'LastPrice', 'not_a_number'],
    ['Infinity', { ...MI, IndexValue: Infinity }, 'IndexValue', 'not_finite'],
    ['junk string', { ...X, TotalVol: '12abc' }, 'TotalVol', 'not_a_number'],
    ['object as a number', { ...X, AskVol1: { n: 1 } }, 'AskVol1', 'not_a_number'],
    ['boolean as a number', { ...X, BidPrice2: true }, 'BidPrice2', 'not_a_number'],
    ['absurd stock price', { ...X, LastPrice: 10_000_001 }, 'LastPrice', 'out_of_range'],
    ['absurd index value', { ...MI, IndexValue: 100_001 }, 'IndexValue', 'out_of_range'],
    ['bad date format', { ...X, TradingDate: '2025/11/27' }, 'TradingDate', 'bad_date'],
    ['impossible date', { ...R, TradingDate: '31/02/2025' }, 'TradingDate', 'bad_date'],
    ['month 13', { ...MI, TradingDate: '01/13/2025' }, 'TradingDate', 'bad_date'],
    ['bad time', { ...X, Time: '25:00:00' }, 'Time', 'bad_time'],
    ['time junk', { ...MI, Time: 'noon' }, 'Time', 'bad_time'],
    ['lowercase symbol', { ...X, Symbol: 'fpt' }, 'Symbol', 'bad_symbol'],
    ['symbol with punctuation', { ...R, Symbol: 'FPT;DROP' }, 'Symbol', 'bad_symbol'],
    ['symbol too long', { ...X, Symbol: 'A'.repeat(21) }, 'Symbol', 'bad_symbol'],
    ['symbol not a string', { ...X, Symbol: 42 }, 'Symbol', 'bad_format'],
    ['bad index id', { ...MI, IndexId: 'VN 30' }, 'IndexId', 'bad_symbol'],
    ['missing RType', (({ RType: _, ...r }) => r)(X), 'RType', 'missing'],
    ['RType not a string', { ...X, RType: 7 }, 'RType', 'bad_format'],
  ];
  it.each(cases)('%s', (_name, raw, field, reason) => {
    const err = errorOf(raw);
    expect(err.code).toBe('BC_FEED_MESSAGE_INVALID');
    expect(err.context).toMatchObject({ field, reason });
    expect(err.message).toContain(field);
    expect(err.message).toContain(reason);
  });

  it('rejects non-objects', () => {
    for (const raw of [null, undefined, 42, 'X', [X], true]) expect(errorOf(raw).context).toMatchObject({ reason: 'not_an_object' });
  });

  it('throws unknown_type for an RType it does not handle', () => {
    expect(errorOf({ RType: 'B', Symbol: 'FPT' }).context).toMatchObject({ reason: 'unknown_type', rtype: 'B' });
  });
});

describe('date and time parsing', () => {
  it('parses SSI and ISO dates, real days only', () => {
    expect(parseTradingDate('05/01/2026')).toBe('2026-01-05');
    expect(parseTradingDate('5/1/2026')).toBe('2026-01-05');
    expect(parseTradingDate('2026-01-05')).toBe('2026-01-05');
    expect(parseTradingDate('29/02/2024')).toBe('2024-02-29');
    expect(parseTradingDate('29/02/2025')).toBeUndefined();
    expect(parseTradingDate('00/01/2025')).toBeUndefined();
  });
  it('parses times', () => {
    expect(parseTime('9:05:07')).toBe('09:05:07');
    expect(parseTime('14:30')).toBe('14:30:00');
    expect(parseTime('14:60:00')).toBeUndefined();
  });
});

describe('Normalizer', () => {
  it('counts accepted, rejected by reason, unknown by RType', () => {
    const n = new Normalizer();
    expect(n.accept(X)?.type).toBe('quote');
    expect(n.accept(R)?.type).toBe('foreign');
    expect(n.accept(MI)?.type).toBe('index');
    expect(n.accept({ ...X, LastVol: -1 })).toBeUndefined();
    expect(n.accept({ ...X, TradingDate: 'x' })).toBeUndefined();
    expect(n.accept({ ...X, LastVol: -2 })).toBeUndefined();
    expect(n.accept({ RType: 'B' })).toBeUndefined();
    expect(n.accept({ RType: 'OL', Symbol: 'FPT' })).toBeUndefined();
    expect(n.accept({ RType: 'OL' })).toBeUndefined();
    expect(n.counters()).toEqual({ accepted: 3, rejected: { negative: 2, bad_date: 1 }, unknownType: { B: 1, OL: 2 } });
    expect(n.rejectedTotal).toBe(3);
  });

  it('never throws on garbage', () => {
    const onReject = vi.fn();
    const n = new Normalizer({ onReject });
    const cyclic: Record<string, unknown> = { RType: 'X' };
    cyclic.Symbol = cyclic;
    const garbage: unknown[] = [
      null, undefined, 0, -1, NaN, Infinity, '', 'X', '{"RType":"X"}', [], [X], [[[]]], true, Symbol('x'), () => X, 10n,
      {}, { RType: null }, { RType: {} }, { RType: ['X'] }, { RType: 'X' }, { RType: 'MI' }, { RType: 'R', Symbol: {} },
      { RType: '__proto__' }, { RType: 'constructor' }, { RType: 'toString' }, { RType: 'x'.repeat(10_000) },
      cyclic, Object.create(null), new Date(), new Map(), { ...X, Time: { toString: () => { throw new Error('boom'); } } },
      { ...X, TotalVol: { valueOf: () => 5 } }, { ...X, Symbol: 'FPT\u0000' }, { a: { b: { c: { d: [1, 2, { e: null }] } } } },
    ];
    for (const g of garbage) expect(() => n.accept(g)).not.toThrow();
    expect(n.accepted).toBe(0);
    expect(n.unknownType['__proto__']).toBe(1);
    expect(n.unknownType.constructor).toBe(1);
    expect(n.rejectedTotal + Object.values(n.unknownType).reduce((a, b) => a + b, 0)).toBe(garbage.length);
    expect(onReject).toHaveBeenCalledTimes(n.rejectedTotal);
  });

  it('survives an onReject hook that throws', () => {
    const n = new Normalizer({ onReject: () => { throw new Error('hook'); } });
    expect(n.accept({ ...X, LastVol: -1 })).toBeUndefined();
    expect(n.rejected.negative).toBe(1);
  });
});

describe('F (security status) and the auction fields of X', () => {
  const F = { RType: 'F', MarketId: 'HOSE', Exchange: 'HOSE', Symbol: 'FPT', TradingDate: '27/11/2025', Time: '10:15:30', TradingSession: 'LO', TradingStatus: 'N' };

  it('reads status codes and sessions; HALT as a session means halted; an unknown code is kept as unknown, not refused', () => {
    expect(normalize(F)).toEqual({ type: 'status', symbol: 'FPT', timeMs: localTimeToMs('2025-11-27', '10:15:30'), tradingDate: '2025-11-27', status: 'normal', session: 'LO', rawStatus: 'N' });
    const st = (o: Record<string, unknown>) => (normalize({ ...F, ...o }) as { status: string }).status;
    expect(st({ TradingStatus: 'H' })).toBe('halted');
    expect(st({ TradingStatus: 's' })).toBe('suspended');
    expect(st({ TradingStatus: 'SA' })).toBe('suspended');
    expect(st({ TradingStatus: 'D' })).toBe('delisted');
    expect(st({ TradingStatus: 'ST' })).toBe('special');
    expect(st({ TradingStatus: 'SP' })).toBe('normal'); // only put-through is suspended
    expect(st({ TradingSession: 'HALT', TradingStatus: 'N' })).toBe('halted');
    expect(st({ TradingStatus: 'NT' })).toBe('unknown');
    expect(st({ TradingStatus: undefined })).toBe('unknown'); // the session alone is enough
    // FastConnect's published example: "Rtype" and a Time with spaces.
    const { RType: _r, ...rest } = F;
    expect(normalize({ ...rest, Rtype: 'F', Time: '15: 00: 16' })).toMatchObject({ type: 'status', timeMs: localTimeToMs('2025-11-27', '15:00:16') });
  });

  it('refuses an F it cannot use, naming the field: no status and no session, a non-string code, a bad time', () => {
    const reason = (o: Record<string, unknown>) => {
      try {
        normalize({ ...F, ...o });
      } catch (err) {
        return `${(err as FeedMessageError).context.field}:${(err as FeedMessageError).context.reason}`;
      }
      return 'accepted';
    };
    expect(reason({ TradingStatus: '', TradingSession: null })).toBe('TradingStatus:missing');
    expect(reason({ TradingStatus: 7 })).toBe('TradingStatus:bad_format');
    expect(reason({ TradingSession: 'L O!' })).toBe('TradingSession:bad_format');
    expect(reason({ Time: '25:00:00' })).toBe('Time:bad_time');
    expect(reason({ Symbol: undefined })).toBe('Symbol:missing');
  });

  it('EstMatchedPrice: the projected match, its volume from every level the message carries (market orders too); 0 or absent: none', () => {
    const auction = {
      ...X, TradingSession: 'ATO', LastPrice: 0, TotalVol: 0, EstMatchedPrice: 95_600,
      BidPrice1: 'ATO', BidVol1: 2_000, BidPrice2: 95_700, BidVol2: 3_000, BidPrice3: 95_600, BidVol3: 1_000, BidPrice4: 95_500, BidVol4: 9_000,
      AskPrice1: 'ATO', AskVol1: 500, AskPrice2: 95_500, AskVol2: 2_500, AskPrice3: 95_600, AskVol3: 1_500, AskPrice4: 95_700, AskVol4: 8_000,
    };
    // At 95,600: buyers 2,000 + 3,000 + 1,000 = 6,000; sellers 500 + 2,500 + 1,500 = 4,500.
    expect((normalize(auction) as { projected?: unknown }).projected).toEqual({ price: 95_600, volume: 4_500, inAuction: true });
    expect((normalize({ ...auction, TradingSession: 'LO' }) as { projected?: unknown }).projected).toMatchObject({ inAuction: false });
    expect((normalize({ ...auction, TradingSession: undefined }) as { projected?: unknown }).projected).toMatchObject({ inAuction: undefined });
    expect(normalize({ ...auction, EstMatchedPrice: 0 })).not.toHaveProperty('projected');
    expect(normalize(X)).not.toHaveProperty('projected');
    // A bad one refuses the message like any other bad price (counted as not_a_number; the board keeps the previous quote).
    expect(() => normalize({ ...auction, EstMatchedPrice: 'abc' })).toThrow(/X\.EstMatchedPrice: not_a_number/);
  });
});
