import { describe, expect, it } from 'vitest';
import {
  activeContracts,
  contractSymbol,
  displaySymbol,
  expiryDate,
  frontMonthContract,
  isFuturesSymbol,
  krxCode,
  parseContract,
} from '../../src/market/rules/futures.js';
import { isTradingDay } from '../../src/market/rules/calendar.js';

describe('expiryDate: third Thursday, moved back over holidays', () => {
  it('matches the real 2025 expiries', () => {
    const real = [
      '2025-01-16', '2025-02-20', '2025-03-20', '2025-04-17', '2025-05-15', '2025-06-19',
      '2025-07-17', '2025-08-21', '2025-09-18', '2025-10-16', '2025-11-20', '2025-12-18',
    ];
    expect(real.map((_, i) => expiryDate(2025, i + 1))).toEqual(real);
  });

  // Third Thursdays counted by hand from the weekday of each month's 1st:
  // 2026: 1st falls Thu, Sun, Sun, Wed, Fri, Mon, Wed, Sat, Tue, Thu, Sun, Tue.
  it('2026 from the rule, with February moved off Tết', () => {
    expect([...Array(12)].map((_, i) => expiryDate(2026, i + 1))).toEqual([
      '2026-01-15',
      // Third Thursday 19/02/2026 is inside the Tết closure 16–20/02; the previous trading
      // day is Friday 13/02 (14–15 are a weekend).
      '2026-02-13',
      '2026-03-19', '2026-04-16', '2026-05-21', '2026-06-18',
      '2026-07-16', '2026-08-20', '2026-09-17', '2026-10-15', '2026-11-19', '2026-12-17',
    ]);
  });

  // 2027: 1st falls Fri, Mon, Mon, Thu, Sat, Tue, Thu, Sun, Wed, Fri, Mon, Wed.
  it('2027 from the rule', () => {
    expect([...Array(12)].map((_, i) => expiryDate(2027, i + 1))).toEqual([
      '2027-01-21', '2027-02-18', '2027-03-18', '2027-04-15', '2027-05-20', '2027-06-17',
      '2027-07-15', '2027-08-19', '2027-09-16', '2027-10-21', '2027-11-18', '2027-12-16',
    ]);
  });

  it('every expiry is a trading-day Thursday or earlier in the same week', () => {
    for (const y of [2025, 2026, 2027]) {
      for (let m = 1; m <= 12; m++) {
        const d = expiryDate(y, m);
        expect(isTradingDay(d)).toBe(true);
        const day = Number(d.slice(8, 10));
        expect(day).toBeGreaterThanOrEqual(15 - 6);
        expect(day).toBeLessThanOrEqual(21);
      }
    }
  });

  it('knows weekends and holidays', () => {
    expect(isTradingDay('2026-02-19')).toBe(false); // Tết
    expect(isTradingDay('2026-02-14')).toBe(false); // Saturday
    expect(isTradingDay('2026-02-13')).toBe(true);
    expect(isTradingDay('2025-09-02')).toBe(false); // National Day
  });
});

describe('contracts', () => {
  it('formats and parses VN30F + YYMM', () => {
    expect(contractSymbol(2026, 12)).toBe('VN30F2612');
    expect(contractSymbol(2027, 1)).toBe('VN30F2701');
    expect(parseContract('VN30F2612')).toEqual({ year: 2026, month: 12 });
    expect(parseContract('VN30F2613')).toBeUndefined();
    expect(parseContract('VN30F1M')).toBeUndefined();
  });

  it('the front month is the expiring contract on expiry day and rolls the day after', () => {
    expect(frontMonthContract('2025-06-18')).toEqual({ symbol: 'VN30F2506', krxCode: '41I1F6000', expiryDate: '2025-06-19' });
    expect(frontMonthContract('2025-06-19')).toEqual({ symbol: 'VN30F2506', krxCode: '41I1F6000', expiryDate: '2025-06-19' });
    expect(frontMonthContract('2025-06-20')).toEqual({ symbol: 'VN30F2507', krxCode: '41I1F7000', expiryDate: '2025-07-17' });
    expect(frontMonthContract('2025-12-19').symbol).toBe('VN30F2601');
    // The Tết-moved expiry rolls on its own date, not on the third Thursday.
    expect(frontMonthContract('2026-02-13').symbol).toBe('VN30F2602');
    expect(frontMonthContract('2026-02-23')).toEqual({ symbol: 'VN30F2603', krxCode: '41I1G3000', expiryDate: '2026-03-19' });
  });

  it('lists two serial months then the next two quarter months', () => {
    const syms = (d: string): string[] => activeContracts(d).map((c) => c.symbol);
    expect(syms('2025-06-10')).toEqual(['VN30F2506', 'VN30F2507', 'VN30F2509', 'VN30F2512']);
    expect(syms('2025-06-20')).toEqual(['VN30F2507', 'VN30F2508', 'VN30F2509', 'VN30F2512']);
    expect(syms('2025-02-25')).toEqual(['VN30F2503', 'VN30F2504', 'VN30F2506', 'VN30F2509']);
    expect(syms('2025-11-25')).toEqual(['VN30F2512', 'VN30F2601', 'VN30F2603', 'VN30F2606']);
    expect(activeContracts('2025-06-10', 2).map((c) => c.symbol)).toEqual(['VN30F2506', 'VN30F2507']);
    expect(activeContracts('2025-06-10')[3]).toEqual({ symbol: 'VN30F2512', krxCode: '41I1FC000', expiryDate: '2025-12-18' });
  });
});

describe('both contract code schemes', () => {
  // Every month of 2025–2027 in both forms, written out: year letters F, G, H; months 1–9 then A, B, C.
  const TABLE: Array<[year: number, month: number, classic: string, krx: string]> = [];
  const months = '123456789ABC';
  for (const [year, letter] of [[2025, 'F'], [2026, 'G'], [2027, 'H']] as const) {
    for (let m = 1; m <= 12; m++) TABLE.push([year, m, `VN30F${year % 100}${String(m).padStart(2, '0')}`, `41I1${letter}${months[m - 1]}000`]);
  }

  it('the table: the two samples the exchange published, and its shape', () => {
    expect(TABLE).toHaveLength(36);
    expect(TABLE.find(([, , c]) => c === 'VN30F2508')![3]).toBe('41I1F8000'); // August 2025
    expect(TABLE.find(([, , c]) => c === 'VN30F2606')![3]).toBe('41I1G6000'); // June 2026
    expect(TABLE.find(([, , c]) => c === 'VN30F2710')![3]).toBe('41I1HA000');
    expect(TABLE.find(([, , c]) => c === 'VN30F2512')![3]).toBe('41I1FC000');
  });

  it.each(TABLE)('%i-%i: %s ⇄ %s', (year, month, classic, krx) => {
    expect(contractSymbol(year, month)).toBe(classic);
    expect(krxCode(year, month)).toBe(krx);
    expect(parseContract(classic)).toEqual({ year, month });
    expect(parseContract(krx)).toEqual({ year, month });
    expect(displaySymbol(krx)).toBe(classic);
    expect(displaySymbol(classic)).toBe(classic);
    expect(isFuturesSymbol(krx)).toBe(true);
  });

  it('the resolver lists every contract under both names', () => {
    expect(activeContracts('2026-06-10', 2)).toEqual([
      { symbol: 'VN30F2606', krxCode: '41I1G6000', expiryDate: '2026-06-18' },
      { symbol: 'VN30F2607', krxCode: '41I1G7000', expiryDate: '2026-07-16' },
    ]);
  });

  it('refuses what is neither', () => {
    for (const bad of ['41I1G0000', '41I1GD000', '41I1G6001', '41I2G6000', '41I1I6000', 'VN30F2600', 'FPT']) {
      expect(parseContract(bad), bad).toBeUndefined();
      expect(displaySymbol(bad), bad).toBeUndefined();
    }
    expect(isFuturesSymbol('FPT')).toBe(false);
    expect(isFuturesSymbol('41I1G6001')).toBe(false);
    expect(() => krxCode(2019, 1)).toThrow(RangeError);
  });
});
