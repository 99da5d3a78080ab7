import { describe, expect, it } from 'vitest';
import { DerivativesTracker, basisOf } from '../../src/market/processor/derivatives-tracker.js';
import { isFuturesSymbol } from '../../src/market/rules/futures.js';
import { Premium } from '../../src/wire/proto.js';
import { quote } from './fixtures.js';

const fut = (symbol: string, last: number, totalVolume = 1_000) =>
  quote(symbol, '10:00', { reference: 1_335, ceiling: 1_428.4, floor: 1_241.6, last, totalVolume, bids: [{ price: last - 0.1, volume: 5 }], asks: [{ price: last + 0.1, volume: 7 }] });

describe('basisOf', () => {
  it('premium, discount, par', () => {
    expect(basisOf(1_342.5, 1_340)).toEqual({ basis: 2.5, basisPct: 0.187, premium: Premium.PREMIUM });
    expect(basisOf(1_337.9, 1_340.12)).toEqual({ basis: -2.22, basisPct: -0.166, premium: Premium.DISCOUNT });
    expect(basisOf(1_340, 1_340)).toEqual({ basis: 0, basisPct: 0, premium: Premium.PAR });
  });

  it('no basis without both prices', () => {
    expect(basisOf(0, 1_340)).toEqual({ basis: 0, basisPct: 0, premium: Premium.PREMIUM_UNSPECIFIED });
    expect(basisOf(1_340, 0)).toEqual({ basis: 0, basisPct: 0, premium: Premium.PREMIUM_UNSPECIFIED });
  });
});

describe('DerivativesTracker', () => {
  it('recognizes futures symbols', () => {
    expect(isFuturesSymbol('VN30F2506')).toBe(true);
    expect(isFuturesSymbol('VN30')).toBe(false);
  });

  it('shows the preferred contract when it has quotes', () => {
    const d = new DerivativesTracker();
    d.apply(fut('VN30F2506', 1_342.5, 12_000));
    d.apply(fut('VN30F2507', 1_345, 50_000));
    expect(d.state('VN30F2506', '2025-06-19', 1_340)).toEqual({
      symbol: 'VN30F2506',
      feedCode: 'VN30F2506',
      expiryDate: '2025-06-19',
      last: 1_342.5,
      change: 7.5,
      changePct: 0.56,
      reference: 1_335,
      totalVolume: 12_000,
      bid: 1_342.4,
      ask: 1_342.6,
      basis: 2.5,
      basisPct: 0.187,
      premium: Premium.PREMIUM,
      openInterest: 0,
    });
  });

  it('falls back to the most traded quoted contract, with its own expiry', () => {
    const d = new DerivativesTracker();
    d.apply(fut('VN30F2507', 1_345, 50_000));
    d.apply(fut('VN30F2509', 1_348, 100));
    const s = d.state('VN30F2506', '2025-06-19', 1_340);
    expect(s.symbol).toBe('VN30F2507');
    expect(s.expiryDate).toBe('2025-07-17');
    expect(s.basis).toBe(5);
  });

  it('with no quotes shows the preferred contract, empty', () => {
    const s = new DerivativesTracker().state('VN30F2506', '2025-06-19', 1_340);
    expect(s).toMatchObject({ symbol: 'VN30F2506', expiryDate: '2025-06-19', last: 0, change: 0, basis: 0, premium: Premium.PREMIUM_UNSPECIFIED });
  });
});
