// The call auction's price rules (src/market/rules/auction.ts), on hand-made books.
import { describe, expect, it } from 'vitest';
import { matchedVolumeAt, projectedMatch, type AuctionBook } from '../../src/market/rules/auction.js';

const book = (bids: Array<[number, number]>, asks: Array<[number, number]>, market: { buy?: number; sell?: number } = {}): AuctionBook => ({
  bids: bids.map(([price, volume]) => ({ price, volume })),
  asks: asks.map(([price, volume]) => ({ price, volume })),
  marketBuy: market.buy,
  marketSell: market.sell,
});

describe('call auction', () => {
  it('matched volume at a price: bids at or above it against asks at or below it, plus market orders', () => {
    const b = book([[101, 300], [100, 200], [99, 500]], [[98, 100], [100, 400], [102, 900]], { buy: 50, sell: 20 });
    expect(matchedVolumeAt(b, 100)).toBe(Math.min(50 + 300 + 200, 20 + 100 + 400));
    expect(matchedVolumeAt(b, 99)).toBe(Math.min(50 + 1000, 20 + 100));
    expect(matchedVolumeAt(b, 103)).toBe(50); // only the market buy orders are left to buy
  });

  it('rule 1: the price that matches the most volume wins', () => {
    // demand: 101→300, 100→500, 99→1000; supply: 98→100, 99→100, 100→500, 102→1400
    const b = book([[101, 300], [100, 200], [99, 500]], [[98, 100], [100, 400], [102, 900]]);
    expect(projectedMatch(b, 99)).toEqual({ price: 100, volume: 500 });
  });

  it('books that do not cross: no projected match', () => {
    expect(projectedMatch(book([[99, 500]], [[100, 400]]), 100)).toBeUndefined();
    expect(projectedMatch(book([], []), 100)).toBeUndefined();
  });

  it('rule 2: on a volume tie, the price closest to the last matched price', () => {
    // 1000 matches at every price from 100 to 103 (bids all at 103, asks all at 100).
    const b = book([[103, 1000]], [[100, 1000]]);
    expect(projectedMatch(b, 102)).toEqual({ price: 102, volume: 1000 }); // the last price itself is among the best
    expect(projectedMatch(b, 110)).toEqual({ price: 103, volume: 1000 });
    expect(projectedMatch(b, 50)).toEqual({ price: 100, volume: 1000 });
    // A price where less matches loses to a farther one where more does.
    expect(projectedMatch(book([[103, 1000], [101, 500]], [[101, 1500]]), 100)).toEqual({ price: 101, volume: 1500 });
  });

  it('rule 3: equally close above and below, the higher price', () => {
    // The best prices form a range (demand falls, supply rises with the price), so a tie in
    // distance happens only with the last price inside it, where the last price itself wins;
    // without a last price (0) every best price is compared by its distance to 0.
    const b = book([[104, 1000]], [[100, 1000]]);
    expect(projectedMatch(b, 102)).toEqual({ price: 102, volume: 1000 });
    expect(projectedMatch(b, 0)).toEqual({ price: 100, volume: 1000 });
  });

  it('market orders count on both sides; with only market orders the match is at the last price', () => {
    expect(projectedMatch(book([], [[100, 300]], { buy: 500 }), 95)).toEqual({ price: 100, volume: 300 });
    expect(projectedMatch(book([], [], { buy: 500, sell: 200 }), 95)).toEqual({ price: 95, volume: 200 });
    expect(projectedMatch(book([], [], { buy: 500 }), 95)).toBeUndefined();
  });
});
