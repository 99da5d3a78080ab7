// Foreign investors' part of the simulated trading, pure over a stock's flow state and the
// Rng: each day a stock has a probability that a trade's buyer (seller) is foreign, and
// foreigners never buy beyond the room the ownership limit leaves.
import { BOARD_LOT } from '../rules/tick.js';
import type { Rng } from './rng.js';

export interface ForeignFlow {
  fBuyVol: number;
  fSellVol: number;
  fBuyVal: number;
  fSellVal: number;
  /** Probability that a trade's buyer / seller is foreign, today. */
  qfb: number;
  qfs: number;
  /** Shares foreigners may hold in all, and hold now. */
  totalRoom: number;
  held: number;
}

/**
 * Foreign participation in `vol` shares at `price`: `aggregate` (many trades at once, the
 * warm-up and the auctions) takes the expected share in board lots, otherwise one trade is
 * wholly foreign on either side or not.
 */
export function accrueForeign(s: ForeignFlow, vol: number, price: number, aggregate: boolean, rng: Rng): void {
  let fb: number;
  let fs: number;
  if (aggregate) {
    fb = Math.round((vol * s.qfb * rng.uniform(0.7, 1.3)) / BOARD_LOT) * BOARD_LOT;
    fs = Math.round((vol * s.qfs * rng.uniform(0.7, 1.3)) / BOARD_LOT) * BOARD_LOT;
  } else {
    fb = rng.chance(s.qfb) ? vol : 0;
    fs = rng.chance(s.qfs) ? vol : 0;
  }
  fb = Math.min(fb, Math.max(0, s.totalRoom - s.held + fs)); // no buying beyond the room
  s.fBuyVol += fb;
  s.fSellVol += fs;
  s.fBuyVal += Math.round(fb * price);
  s.fSellVal += Math.round(fs * price);
  s.held = Math.max(0, s.held + fb - fs);
}
