import { describe, expect, it } from 'vitest';
import { SessionFlow, emptyFlow } from '../../src/market/processor/session-flow.js';
import { MarketPhase } from '../../src/wire/proto.js';

describe('SessionFlow', () => {
  it('splits buy / sell / neutral volume and value by ATO / continuous / ATC', () => {
    const f = new SessionFlow();
    f.add('FPT', MarketPhase.ATO, 'neutral', 1_000, 100_000_000);
    f.add('FPT', MarketPhase.CONTINUOUS, 'buy', 200, 20_100_000);
    f.add('FPT', MarketPhase.CONTINUOUS, 'buy', 300, 30_150_000);
    f.add('FPT', MarketPhase.CONTINUOUS, 'sell', 100, 10_000_000);
    f.add('FPT', MarketPhase.CONTINUOUS, 'neutral', 50, 5_025_000);
    f.add('FPT', MarketPhase.ATC, 'neutral', 700, 70_700_000);
    const s = f.get('FPT')!;
    expect(s.ato).toEqual({ ...emptyFlow(), neutralVolume: 1_000, neutralValue: 100_000_000 });
    expect(s.continuous).toEqual({
      buyVolume: 500,
      sellVolume: 100,
      neutralVolume: 50,
      buyValue: 50_250_000,
      sellValue: 10_000_000,
      neutralValue: 5_025_000,
    });
    expect(s.atc).toEqual({ ...emptyFlow(), neutralVolume: 700, neutralValue: 70_700_000 });
    expect(s.totalVolume).toBe(2_350);
    expect(f.get('VNM')).toBeUndefined();
  });

  it('counts other phases in the total only, not in any bucket', () => {
    const f = new SessionFlow();
    f.add('FPT', MarketPhase.PUT_THROUGH, 'neutral', 10_000, 1_000_000_000);
    f.add('FPT', MarketPhase.LUNCH_BREAK, 'neutral', 100, 10_000_000);
    const s = f.get('FPT')!;
    expect(s.ato).toEqual(emptyFlow());
    expect(s.continuous).toEqual(emptyFlow());
    expect(s.atc).toEqual(emptyFlow());
    expect(s.totalVolume).toBe(10_100);
    expect(s.totalValue).toBe(1_010_000_000);
  });

  it('clears', () => {
    const f = new SessionFlow();
    f.add('FPT', MarketPhase.CONTINUOUS, 'buy', 1, 1);
    f.clear();
    expect(f.get('FPT')).toBeUndefined();
  });
});
