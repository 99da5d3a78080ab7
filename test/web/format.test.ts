// The board page's pure rules: Vietnamese number formatting, the colour rules of a price
// board and the palette's contrast, the columns (cells and sorting), the sparkline and the
// watchlist's subscribe/unsubscribe arithmetic.
import { describe, expect, it } from 'vitest';
import type { SymbolState } from '@boardcast/client';
import { arrow, BACKGROUND, changeDirection, contrastRatio, directionClass, PALETTE, priceDirection, SURFACE } from '../../web/src/colors.js';
import { activeBuyShare, COLUMNS, sortSymbols } from '../../web/src/columns.js';
import {
  formatBillions,
  formatIndex,
  formatIndexChange,
  formatLatency,
  formatMarketTime,
  formatPct,
  formatPrice,
  formatShare,
  formatSigned,
  formatVolume,
  FULL_UNITS,
} from '../../web/src/format.js';
import { linkLabel, phaseLabel, statusLabel, t } from '../../web/src/i18n.js';
import { sparkline } from '../../web/src/sparkline.js';
import { parseSymbolList, viewChange, loadWatchlist, saveWatchlist } from '../../web/src/watchlist.js';

function sym(over: Partial<SymbolState> = {}): SymbolState {
  return {
    symbol: 'FPT',
    lastPrice: 25_500,
    lastVolume: 1_200,
    change: 500,
    changePct: 2,
    reference: 25_000,
    ceiling: 26_750,
    floor: 23_250,
    open: 25_100,
    high: 25_600,
    low: 24_900,
    bids: [
      { price: 25_450, volume: 3_000 },
      { price: 25_400, volume: 5_000 },
      { price: 25_350, volume: 7_000 },
    ],
    asks: [
      { price: 25_500, volume: 1_000 },
      { price: 25_550, volume: 2_000 },
      { price: 25_600, volume: 4_000 },
    ],
    totalVolume: 1_234_500,
    totalValue: 31_000_000_000,
    ato: null,
    continuous: { buyVolume: 600, sellVolume: 400, neutralVolume: 0, buyValue: 0, sellValue: 0, neutralValue: 0 },
    atc: null,
    foreign: { buyVolume: 10_000, sellVolume: 12_500, buyValue: 0, sellValue: 0, netVolume: -2_500, netValue: 0, room: 0, speedPerMinute: 0, acceleration: 0 },
    updatedAtMs: 0,
    status: 'STATUS_UNSPECIFIED',
    projectedPrice: 0,
    projectedVolume: 0,
    ...over,
  };
}

const cell = (id: string, s: SymbolState) => COLUMNS.find((c) => c.id === id)!.cell(s, FULL_UNITS);

describe('number formatting (Vietnamese: "." groups thousands, "," marks decimals)', () => {
  it('prices in VND with thousands separators, blank without a price', () => {
    expect(formatPrice(25_500)).toBe('25.500');
    expect(formatPrice(157_000)).toBe('157.000');
    expect(formatPrice(1_000)).toBe('1.000');
    expect(formatPrice(9_990)).toBe('9.990');
    expect(formatPrice(950)).toBe('950');
    expect(formatPrice(0)).toBe('');
  });

  it('volumes grouped, blank at zero', () => {
    expect(formatVolume(1_234_500)).toBe('1.234.500');
    expect(formatVolume(100)).toBe('100');
    expect(formatVolume(0)).toBe('');
  });

  it('signed amounts and percentages carry their sign', () => {
    expect(formatSigned(500)).toBe('+500');
    expect(formatSigned(-1_200)).toBe('-1.200');
    expect(formatSigned(0)).toBe('0');
    expect(formatPct(1.956)).toBe('+1,96%');
    expect(formatPct(-0.5)).toBe('-0,50%');
    expect(formatPct(0)).toBe('0,00%');
    expect(formatPct(NaN)).toBe('');
  });

  it('index points with two decimals', () => {
    expect(formatIndex(1_234.567)).toBe('1.234,57');
    expect(formatIndex(0)).toBe('');
    expect(formatIndexChange(3.2)).toBe('+3,20');
    expect(formatIndexChange(-12.345)).toBe('-12,35');
  });

  it('billions, shares, latency and the market clock', () => {
    expect(formatBillions(1_234_500_000_000)).toBe('1.234,5');
    expect(formatBillions(-2_000_000_000)).toBe('-2,0');
    expect(formatShare(0.625)).toBe('63%');
    expect(formatLatency(12.4)).toBe('12 ms');
    expect(formatLatency(-3)).toBe('0 ms');
    expect(formatLatency(1_250)).toBe('1,3 s');
    expect(formatLatency(NaN)).toBe('—');
    // 2026-11-27 02:25:03 UTC is 09:25:03 in Hanoi (UTC+7, no DST).
    expect(formatMarketTime(Date.UTC(2026, 10, 27, 2, 25, 3))).toBe('09:25:03');
    expect(formatMarketTime(0)).toBe('');
  });
});

describe('colour rules of the board', () => {
  const band = { reference: 25_000, ceiling: 26_750, floor: 23_250 };

  it('purple at the ceiling, cyan at the floor, yellow at the reference, green up, red down', () => {
    expect(priceDirection(26_750, band)).toBe('ceil');
    expect(priceDirection(23_250, band)).toBe('floor');
    expect(priceDirection(25_000, band)).toBe('ref');
    expect(priceDirection(25_050, band)).toBe('up');
    expect(priceDirection(24_950, band)).toBe('down');
    expect(priceDirection(26_700, band)).toBe('up'); // one tick under the ceiling
    expect(priceDirection(23_300, band)).toBe('down');
  });

  it('no colour without a price or a band', () => {
    expect(priceDirection(0, band)).toBe('none');
    expect(priceDirection(25_000, { reference: 0, ceiling: 0, floor: 0 })).toBe('none');
    expect(directionClass('none')).toBe('');
    expect(directionClass('ceil')).toBe('c-ceil');
  });

  it('direction is carried by an arrow too, not only colour', () => {
    expect(arrow('up')).toBe('▲');
    expect(arrow('ceil')).toBe('▲');
    expect(arrow('down')).toBe('▼');
    expect(arrow('floor')).toBe('▼');
    expect(arrow('ref')).toBe('■');
    expect(arrow('none')).toBe('');
    expect(changeDirection(3.2)).toBe('up');
    expect(changeDirection(-0.1)).toBe('down');
    expect(changeDirection(0)).toBe('ref');
  });

  it('every colour reads on the board background and the header surface (WCAG AA, 4.5:1)', () => {
    for (const [name, colour] of Object.entries(PALETTE)) {
      expect(contrastRatio(colour, BACKGROUND), `${name} on background`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colour, SURFACE), `${name} on surface`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(() => contrastRatio('red', '#000000')).toThrow(TypeError);
  });

  it('the five price colours are distinct hues', () => {
    const colours = [PALETTE.ceil, PALETTE.floor, PALETTE.ref, PALETTE.up, PALETTE.down];
    expect(new Set(colours).size).toBe(5);
  });
});

describe('columns', () => {
  it('one row carries band, 3 bids, last trade, change, 3 asks, totals, high/low, foreign and active share', () => {
    expect(COLUMNS.map((c) => c.id)).toEqual([
      'symbol', 'ref', 'ceil', 'floor',
      'bid3p', 'bid3v', 'bid2p', 'bid2v', 'bid1p', 'bid1v',
      'last', 'lastVol', 'change', 'changePct',
      'ask1p', 'ask1v', 'ask2p', 'ask2v', 'ask3p', 'ask3v',
      'totalVol', 'high', 'low', 'fBuy', 'fSell', 'fNet', 'fRoom', 'active',
    ]);
  });

  it('cells: text the Vietnamese way, colour from the band', () => {
    const s = sym();
    expect(cell('ref', s)).toEqual({ text: '25.000', dir: 'ref' });
    expect(cell('ceil', s)).toEqual({ text: '26.750', dir: 'ceil' });
    expect(cell('floor', s)).toEqual({ text: '23.250', dir: 'floor' });
    expect(cell('bid1p', s)).toEqual({ text: '25.450', dir: 'up' });
    expect(cell('bid1v', s)).toEqual({ text: '3.000', dir: 'up' });
    expect(cell('ask3p', s)).toEqual({ text: '25.600', dir: 'up' });
    expect(cell('last', s)).toEqual({ text: '25.500', dir: 'up' });
    expect(cell('change', s)).toEqual({ text: '▲ +500', dir: 'up' });
    expect(cell('changePct', s)).toEqual({ text: '+2,00%', dir: 'up' });
    expect(cell('totalVol', s)).toEqual({ text: '1.234.500', dir: 'none' });
    expect(cell('fNet', s)).toEqual({ text: '-2.500', dir: 'down' });
    expect(cell('symbol', s)).toEqual({ text: 'FPT', dir: 'up' });
  });

  it('a last price at the ceiling is purple with an up arrow; at the floor cyan with a down arrow', () => {
    const up = sym({ lastPrice: 26_750, change: 1_750, changePct: 7 });
    expect(cell('last', up).dir).toBe('ceil');
    expect(cell('change', up).text).toBe('▲ +1.750');
    const down = sym({ lastPrice: 23_250, change: -1_750, changePct: -7 });
    expect(cell('last', down).dir).toBe('floor');
    expect(cell('change', down).text).toBe('▼ -1.750');
    const flat = sym({ lastPrice: 25_000, change: 0, changePct: 0 });
    expect(cell('change', flat)).toEqual({ text: '■ 0', dir: 'ref' });
  });

  it('during a call auction the match columns show the projected match, marked projected; the change stays blank', () => {
    const s = sym({ lastPrice: 0, lastVolume: 0, change: 0, changePct: 0, projectedPrice: 25_600, projectedVolume: 48_000 });
    expect(cell('last', s)).toEqual({ text: '25.600', dir: 'up', projected: true });
    expect(cell('lastVol', s)).toEqual({ text: '48.000', dir: 'up', projected: true });
    expect(cell('change', s)).toEqual({ text: '', dir: 'none' });
    expect(cell('last', sym())).not.toHaveProperty('projected');
  });

  it('a halted, suspended or delisted symbol gets a badge; normal or unknown status none', () => {
    expect(statusLabel('STATUS_HALTED', 'vi')).toBe('Tạm ngừng');
    expect(statusLabel('STATUS_SUSPENDED', 'en')).toBe('Suspended');
    expect(statusLabel('STATUS_DELISTED', 'en')).toBe('Delisted');
    expect(statusLabel('STATUS_NORMAL', 'vi')).toBe('');
    expect(statusLabel('STATUS_UNSPECIFIED', 'en')).toBe('');
  });

  it('blank cells before the first trade and for missing book levels', () => {
    const s = sym({ lastPrice: 0, change: 0, changePct: 0, bids: [], asks: [{ price: 25_100, volume: 500 }] });
    expect(cell('last', s)).toEqual({ text: '', dir: 'none' });
    expect(cell('change', s)).toEqual({ text: '', dir: 'none' });
    expect(cell('bid1p', s)).toEqual({ text: '', dir: 'none' });
    expect(cell('ask2v', s)).toEqual({ text: '', dir: 'none' });
    expect(cell('ask1p', s).text).toBe('25.100');
  });

  it('active buy vs sell share over the session phases', () => {
    expect(activeBuyShare(sym())).toBeCloseTo(0.6);
    expect(cell('active', sym())).toMatchObject({ text: '60% / 40%', dir: 'up', bar: 0.6 });
    const none = sym({ continuous: null });
    expect(Number.isNaN(activeBuyShare(none))).toBe(true);
    expect(cell('active', none).text).toBe('');
  });

  it('sorts by any column, both ways, ties by symbol', () => {
    const rows = [sym({ symbol: 'VNM', totalVolume: 10 }), sym({ symbol: 'ACB', totalVolume: 30 }), sym({ symbol: 'FPT', totalVolume: 10 })];
    expect(sortSymbols(rows, null, 'asc')).toEqual(['ACB', 'FPT', 'VNM']);
    expect(sortSymbols(rows, 'symbol', 'desc')).toEqual(['VNM', 'FPT', 'ACB']);
    expect(sortSymbols(rows, 'totalVol', 'desc')).toEqual(['ACB', 'FPT', 'VNM']);
    expect(sortSymbols(rows, 'totalVol', 'asc')).toEqual(['FPT', 'VNM', 'ACB']);
    // Untraded names sort below every traded one by change.
    const withBlank = [sym({ symbol: 'A', lastPrice: 0 }), sym({ symbol: 'B', change: -100 })];
    expect(sortSymbols(withBlank, 'change', 'desc')).toEqual(['B', 'A']);
  });
});

describe('labels', () => {
  it('Vietnamese and English', () => {
    expect(t('ceil', 'vi')).toBe('Trần');
    expect(t('ceil', 'en')).toBe('Ceil');
    expect(phaseLabel('CONTINUOUS', 'vi')).toBe('Liên tục');
    expect(phaseLabel('LUNCH_BREAK', 'en')).toBe('Lunch break');
    expect(linkLabel('reconnecting', 'en')).toBe('Disconnected');
    expect(linkLabel('live', 'vi')).toBe('Trực tuyến');
  });
});

describe('sparkline', () => {
  it('scales the series into the box with the prior close as reference', () => {
    const s = sparkline([{ timeMs: 0, value: 100 }, { timeMs: 60_000, value: 110 }, { timeMs: 120_000, value: 105 }], 100, 104, 24, 2);
    expect(s.path).toBe('M2.0,22.0L52.0,2.0L102.0,12.0');
    expect(s.refY).toBe(22);
  });

  it('nothing to draw under two points', () => {
    expect(sparkline([{ timeMs: 0, value: 1 }], 1, 100, 20)).toEqual({ path: '', refY: null });
  });
});

describe('watchlist', () => {
  it('subscribe what is new, unsubscribe what left', () => {
    expect(viewChange(new Set(['FPT', 'VNM']), new Set(['VNM', 'HPG', 'ACB']))).toEqual({ add: ['ACB', 'HPG'], remove: ['FPT'] });
    expect(viewChange(new Set(['FPT']), new Set(['FPT']))).toEqual({ add: [], remove: [] });
  });

  it('parses a typed list against the basket', () => {
    expect(parseSymbolList('fpt, VNM  hpg;xyz fpt', ['FPT', 'VNM', 'HPG'])).toEqual(['FPT', 'VNM', 'HPG']);
    expect(parseSymbolList('fpt,abc', [])).toEqual(['FPT', 'ABC']);
  });

  it('round-trips through storage and survives garbage', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    saveWatchlist(storage, { symbols: ['FPT', 'VNM'], only: true });
    expect(loadWatchlist(storage)).toEqual({ symbols: ['FPT', 'VNM'], only: true });
    map.set('boardcast.watchlist', '{not json');
    expect(loadWatchlist(storage)).toEqual({ symbols: [], only: false });
    expect(loadWatchlist(undefined)).toEqual({ symbols: [], only: false });
  });
});
