// Realistic boards for the benches: the seeded simulator driven through the real
// normalizer and processor for a simulated trading day, so frames carry full books,
// flows and a day's intraday series.
import { MarketSim } from '../../src/market/sim/market-sim.js';
import { normalize } from '../../src/market/normalizer.js';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { universe, type UniverseName } from '../../src/market/rules/universe.js';
import type { SnapshotProps, SymbolStateProps } from '../../src/wire/proto.js';

export interface SimBoard {
  sim: MarketSim;
  processor: MarketProcessor;
  /** Advances the market by `wallMs` of simulated time and applies what it produced. */
  step(wallMs: number): number;
}

export function simBoard(seed = 1, startTime = '09:00:00', clockSpeed = 60, market: UniverseName = 'vn30'): SimBoard {
  const sim = new MarketSim({ seed, startTime, clockSpeed, tradesPerSecond: 40, universe: market });
  const u = universe(market);
  const processor = new MarketProcessor({ basket: [...sim.symbols], indexIds: [...u.indexIds], exchangeOf: u.exchangeOf });
  const apply = (msgs: ReturnType<MarketSim['advance']>) => {
    for (const m of msgs) processor.apply(normalize(m));
    return msgs.length;
  };
  apply(sim.snapshot());
  return { sim, processor, step: (ms) => apply(sim.advance(ms)) };
}

/** A board late in the session: ~5 h of intraday points per index. */
export function lateSessionBoard(seed = 1, market: UniverseName = 'vn30'): SimBoard {
  const b = simBoard(seed, '09:00:00', 60, market);
  // 5 simulated hours at 60× = 300 s of sim wall time, in 1 s steps.
  for (let i = 0; i < 330; i++) b.step(1000);
  return b;
}

const copies = new WeakMap<object, SymbolStateProps[]>();

/**
 * A whole-exchange board: the basket's symbols repeated under new names up to `n`. The
 * copies of an unchanged row are the same objects from call to call, as the processor's
 * own rows are, so the encoder's caches behave as they would on a real wide board.
 */
export function wideSnapshot(base: SnapshotProps, n: number): SnapshotProps {
  const src = base.symbols ?? [];
  const symbols: SymbolStateProps[] = [];
  for (let i = 0; i < n; i++) {
    const s = src[i % src.length]!;
    if (i < src.length) {
      symbols.push(s);
      continue;
    }
    let list = copies.get(s);
    if (!list) copies.set(s, (list = []));
    const k = Math.floor(i / src.length) - 1;
    list[k] ??= { ...s, symbol: `${s.symbol!.slice(0, 3)}${k}` };
    symbols.push(list[k]);
  }
  return { ...base, symbols };
}
