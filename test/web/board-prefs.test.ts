// The board page's units and column chooser, the detail panel's data rules, type-to-find and
// the alert filter: pure parts, no browser.
import { describe, expect, it } from 'vitest';
import type { SymbolState } from '@boardcast/client';
import { visibleAlerts, type AlertItem } from '../../web/src/alerts.js';
import { DEFAULT_PREFS, loadPrefs, OPTIONAL_COLUMNS, savePrefs, setColumn, visibleColumns } from '../../web/src/column-prefs.js';
import { COLUMNS } from '../../web/src/columns.js';
import { chartTime, localDayStart, TickCursor } from '../../web/src/detail-data.js';
import { boardFormat, formatPriceK, formatSignedK, formatVolumeTens, FULL_UNITS, SHORT_UNITS } from '../../web/src/format.js';
import { Typeahead } from '../../web/src/typeahead.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('thousands of VND and lots of ten (the boards\' short units)', () => {
  it('prices in thousands with two decimals, as the boards write them; blank without a price', () => {
    expect(formatPriceK(26_750)).toBe('26.75');
    expect(formatPriceK(25_500)).toBe('25.50');
    expect(formatPriceK(9_990)).toBe('9.99');
    expect(formatPriceK(157_000)).toBe('157.00');
    expect(formatPriceK(1_234_000)).toBe('1234.00'); // no grouping: a '.' here is the decimal point
    expect(formatPriceK(950)).toBe('0.95');
    expect(formatPriceK(0)).toBe('');
    expect(formatPriceK(NaN)).toBe('');
  });

  it('signed changes in thousands', () => {
    expect(formatSignedK(500)).toBe('+0.50');
    expect(formatSignedK(-1_750)).toBe('-1.75');
    expect(formatSignedK(0)).toBe('0.00');
    expect(formatSignedK(Infinity)).toBe('');
  });

  it('volumes in tens, grouped the Vietnamese way, rounded; blank at zero', () => {
    expect(formatVolumeTens(1_234_500)).toBe('123.450');
    expect(formatVolumeTens(100)).toBe('10');
    expect(formatVolumeTens(15)).toBe('2');
    expect(formatVolumeTens(4)).toBe('0'); // an odd lot still says there was volume
    expect(formatVolumeTens(0)).toBe('');
    expect(SHORT_UNITS.signedVolume(-2_500)).toBe('-250');
    expect(SHORT_UNITS.signedVolume(12_340)).toBe('+1.234');
  });

  it('the units switch between the two systems', () => {
    expect(boardFormat('short')).toBe(SHORT_UNITS);
    expect(boardFormat('full')).toBe(FULL_UNITS);
    expect(FULL_UNITS.price(26_750)).toBe('26.750');
    expect(FULL_UNITS.volume(1_234_500)).toBe('1.234.500');
  });

  it('the columns write the chosen units', () => {
    const s = {
      symbol: 'FPT', lastPrice: 26_750, lastVolume: 1_200, change: 1_750, changePct: 7, reference: 25_000, ceiling: 26_750, floor: 23_250,
      open: 0, high: 26_750, low: 25_000, bids: [{ price: 26_700, volume: 3_000 }], asks: [], totalVolume: 1_234_500, totalValue: 0,
      ato: null, continuous: null, atc: null,
      foreign: { buyVolume: 10_000, sellVolume: 12_500, buyValue: 0, sellValue: 0, netVolume: -2_500, netValue: 0, room: 45_000_000, speedPerMinute: 0, acceleration: 0 },
      updatedAtMs: 0, status: 'STATUS_UNSPECIFIED', projectedPrice: 0, projectedVolume: 0,
    } as SymbolState;
    const text = (id: string, units: 'short' | 'full') => COLUMNS.find((c) => c.id === id)!.cell(s, boardFormat(units)).text;
    expect([text('last', 'short'), text('last', 'full')]).toEqual(['26.75', '26.750']);
    expect([text('change', 'short'), text('change', 'full')]).toEqual(['▲ +1.75', '▲ +1.750']);
    expect([text('bid1v', 'short'), text('bid1v', 'full')]).toEqual(['300', '3.000']);
    expect([text('totalVol', 'short'), text('totalVol', 'full')]).toEqual(['123.450', '1.234.500']);
    expect([text('fNet', 'short'), text('fNet', 'full')]).toEqual(['-250', '-2.500']);
    expect([text('fRoom', 'short'), text('fRoom', 'full')]).toEqual(['4.500.000', '45.000.000']);
    expect(text('changePct', 'short')).toBe('+7,00%'); // percentages do not change with the units
  });
});

describe('column chooser', () => {
  it('offers the optional columns in table order, foreign room among them', () => {
    expect(OPTIONAL_COLUMNS).toEqual(['high', 'low', 'fNet', 'fRoom', 'active']);
  });

  it('defaults: short units, foreign net shown, the other optional columns hidden; fixed columns always drawn', () => {
    const p = loadPrefs(undefined);
    expect(p).toEqual({ shown: ['fNet'], units: 'short' });
    const ids = visibleColumns(p).map((i) => COLUMNS[i]!.id);
    expect(ids).toContain('symbol');
    expect(ids).toContain('fBuy');
    expect(ids).toContain('fNet');
    expect(ids).not.toContain('fRoom');
    expect(ids).not.toContain('high');
    expect(ids).toHaveLength(COLUMNS.length - 4);
  });

  it('shows and hides a column, keeping table order; a fixed column cannot be hidden', () => {
    let p = loadPrefs(undefined);
    p = setColumn(p, 'active', true);
    p = setColumn(p, 'high', true);
    expect(p.shown).toEqual(['high', 'fNet', 'active']);
    p = setColumn(p, 'fNet', false);
    expect(p.shown).toEqual(['high', 'active']);
    expect(setColumn(p, 'symbol', false)).toBe(p);
    expect(setColumn(p, 'nope', true)).toBe(p);
    const ids = visibleColumns(p).map((i) => COLUMNS[i]!.id);
    expect(ids.indexOf('high')).toBeLessThan(ids.indexOf('active'));
    expect(ids).not.toContain('fNet');
  });

  it('is remembered per browser and survives garbage or a column that no longer exists', () => {
    const st = memoryStorage();
    savePrefs(st, { shown: ['fRoom', 'high'], units: 'full' });
    expect(loadPrefs(st)).toEqual({ shown: ['high', 'fRoom'], units: 'full' });
    st.map.set('boardcast.board', JSON.stringify({ shown: ['gone', 'low'], units: 'weird' }));
    expect(loadPrefs(st)).toEqual({ shown: ['low'], units: 'short' });
    st.map.set('boardcast.board', '{not json');
    expect(loadPrefs(st)).toEqual({ ...DEFAULT_PREFS, shown: [...DEFAULT_PREFS.shown] });
    // Nothing hidden by accident: an empty choice stays empty (not the defaults).
    savePrefs(st, { shown: [], units: 'short' });
    expect(loadPrefs(st).shown).toEqual([]);
  });
});

describe('symbol detail data', () => {
  it('the tick cursor resumes at the last trade without counting the trades at that instant twice', () => {
    const c = new TickCursor();
    expect(c.from(1_000)).toBe(1_000);
    const a = [{ timeMs: 1_000 }, { timeMs: 2_000 }, { timeMs: 2_000 }];
    expect(c.take(a)).toEqual(a);
    expect(c.from(0)).toBe(2_000);
    // The next answer starts at 2000 inclusive: the two seen there are skipped, a third is new.
    const b = [{ timeMs: 2_000 }, { timeMs: 2_000 }, { timeMs: 2_000, n: 3 }, { timeMs: 3_000 }];
    expect(c.take(b)).toEqual([{ timeMs: 2_000, n: 3 }, { timeMs: 3_000 }]);
    expect(c.take([{ timeMs: 1_500 }, { timeMs: 3_000 }])).toEqual([]);
  });

  it('the trading day and the chart axis are Hanoi time (UTC+7) whatever the browser zone', () => {
    // 2026-11-27 09:25 in Hanoi = 02:25 UTC; that day starts at 2026-11-26 17:00 UTC.
    const t = Date.UTC(2026, 10, 27, 2, 25);
    expect(localDayStart(t)).toBe(Date.UTC(2026, 10, 26, 17, 0));
    expect(chartTime(t)).toBe(Date.UTC(2026, 10, 27, 9, 25) / 1000);
  });
});

describe('type to find a symbol', () => {
  it('letters typed within the pause build a prefix; a pause starts over; other keys are ignored', () => {
    const ta = new Typeahead(1000);
    expect(ta.key('f', 0)).toBe('F');
    expect(ta.key('p', 300)).toBe('FP');
    expect(ta.key('Shift', 400)).toBeUndefined();
    expect(ta.key('t', 900)).toBe('FPT');
    expect(ta.key('v', 2_500)).toBe('V');
  });
});

describe('alerts filter', () => {
  const alert = (id: string, symbol: string): AlertItem => ({ id, type: 'ceiling', severity: 'INFO', symbol, value: 1, timeMs: 0, message: '' });
  it('drops dismissed alerts, and those off the watchlist when "watchlist only" is on', () => {
    const list = [alert('3', 'VNM'), alert('2', 'FPT'), alert('1', 'HPG')];
    const watched = (s: string) => s === 'FPT' || s === 'HPG';
    expect(visibleAlerts(list, new Set(), false, watched).map((a) => a.id)).toEqual(['3', '2', '1']);
    expect(visibleAlerts(list, new Set(), true, watched).map((a) => a.id)).toEqual(['2', '1']);
    expect(visibleAlerts(list, new Set(['1']), true, watched).map((a) => a.id)).toEqual(['2']);
  });
});
