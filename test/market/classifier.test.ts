import { describe, expect, it } from 'vitest';
import { classifyTrade } from '../../src/market/rules/classifier.js';
import { MarketPhase } from '../../src/wire/proto.js';

const C = MarketPhase.CONTINUOUS;

describe('classifyTrade', () => {
  it('continuous trade at or above the previous best ask is an active buy', () => {
    expect(classifyTrade(25_100, 25_000, 25_100, C)).toBe('buy');
    expect(classifyTrade(25_150, 25_000, 25_100, C)).toBe('buy');
  });

  it('continuous trade at or below the previous best bid is an active sell', () => {
    expect(classifyTrade(25_000, 25_000, 25_100, C)).toBe('sell');
    expect(classifyTrade(24_950, 25_000, 25_100, C)).toBe('sell');
  });

  it('continuous trade strictly inside the spread is neutral', () => {
    expect(classifyTrade(25_050, 25_000, 25_100, C)).toBe('neutral');
  });

  it.each([MarketPhase.ATO, MarketPhase.ATC, MarketPhase.PUT_THROUGH, MarketPhase.LUNCH_BREAK, MarketPhase.PRE_OPEN, MarketPhase.CLOSED])(
    'every trade in phase %s is neutral, even at the ask or bid',
    (phase) => {
      expect(classifyTrade(25_100, 25_000, 25_100, phase)).toBe('neutral');
      expect(classifyTrade(25_000, 25_000, 25_100, phase)).toBe('neutral');
    },
  );

  it('an empty side (0) never matches; the other side still can', () => {
    expect(classifyTrade(25_000, 0, 0, C)).toBe('neutral');
    expect(classifyTrade(25_100, 0, 25_100, C)).toBe('buy');
    expect(classifyTrade(1, 0, 25_100, C)).toBe('neutral');
    expect(classifyTrade(24_000, 25_000, 0, C)).toBe('sell');
    expect(classifyTrade(99_000, 25_000, 0, C)).toBe('neutral');
  });

  it('works on fractional futures prices', () => {
    expect(classifyTrade(1342.5, 1342.1, 1342.5, C)).toBe('buy');
    expect(classifyTrade(1342.1, 1342.1, 1342.5, C)).toBe('sell');
    expect(classifyTrade(1342.3, 1342.1, 1342.5, C)).toBe('neutral');
  });
});
