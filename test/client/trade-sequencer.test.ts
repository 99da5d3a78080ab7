// The SDK's trades rule: repeats (a replay overlapping what was delivered) dropped by
// trade_seq, a skipped trade_seq flagged as a gap, a new epoch starting over.
import { describe, expect, it } from 'vitest';
import { TradeSequencer } from '@boardcast/client';

const t = (symbol: string, tradeSeq: number) => ({ symbol, tradeSeq, price: 1, volume: 1, side: 'NEUTRAL' as const, session: 'CONTINUOUS' as const, timeMs: tradeSeq });
const seqs = (ev: Array<{ symbol: string; tradeSeq: number; gap: boolean; missed: number }>) => ev.map((e) => `${e.symbol}#${e.tradeSeq}${e.gap ? `+gap${e.missed}` : ''}`);

describe('TradeSequencer', () => {
  it('drops repeats, flags gaps, per symbol; a new epoch starts over', () => {
    const s = new TradeSequencer();
    expect(seqs(s.accept('e1', [t('FPT', 5), t('FPT', 6), t('VNM', 1)]))).toEqual(['FPT#5', 'FPT#6', 'VNM#1']);
    // A replay after a reconnect: 4..8 of FPT, of which 7 and 8 are new.
    expect(seqs(s.accept('e1', [t('FPT', 4), t('FPT', 5), t('FPT', 6), t('FPT', 7), t('FPT', 8), t('VNM', 1)]))).toEqual(['FPT#7', 'FPT#8']);
    expect(s.duplicates).toBe(4);
    expect(seqs(s.accept('e1', [t('FPT', 11), t('VNM', 2)]))).toEqual(['FPT#11+gap2', 'VNM#2']);
    expect(s.missed).toBe(2);
    expect(seqs(s.accept('e2', [t('FPT', 1)]))).toEqual(['FPT#1']);
  });
});
