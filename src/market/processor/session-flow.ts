// Per-symbol active buy / sell / neutral flow of the session, split by auction phase.
import { MarketPhase } from '../../wire/proto.js';
import type { TradeSide } from '../rules/classifier.js';

/** Same shape as the wire's ActiveFlow, every field present. */
export interface FlowTotals {
  buyVolume: number;
  sellVolume: number;
  neutralVolume: number;
  buyValue: number;
  sellValue: number;
  neutralValue: number;
}

export interface SymbolFlow {
  ato: FlowTotals;
  continuous: FlowTotals;
  atc: FlowTotals;
  /**
   * Every trade counted here, whatever the phase. Trades in other phases (put-through,
   * lunch break, pre-open, closed: late or off-book prints) are NOT put in any of the three
   * buckets, because the board's split means "matched in that session"; folding them into
   * "continuous" would inflate it. They still count here, so nothing is lost.
   */
  totalVolume: number;
  totalValue: number;
}

export function emptyFlow(): FlowTotals {
  return { buyVolume: 0, sellVolume: 0, neutralVolume: 0, buyValue: 0, sellValue: 0, neutralValue: 0 };
}

function emptySymbolFlow(): SymbolFlow {
  return { ato: emptyFlow(), continuous: emptyFlow(), atc: emptyFlow(), totalVolume: 0, totalValue: 0 };
}

function bucketOf(flow: SymbolFlow, phase: MarketPhase): FlowTotals | undefined {
  switch (phase) {
    case MarketPhase.ATO:
      return flow.ato;
    case MarketPhase.CONTINUOUS:
      return flow.continuous;
    case MarketPhase.ATC:
      return flow.atc;
    default:
      return undefined;
  }
}

export class SessionFlow {
  private readonly flows = new Map<string, SymbolFlow>();

  add(symbol: string, phase: MarketPhase, side: TradeSide, volume: number, value: number): void {
    let flow = this.flows.get(symbol);
    if (!flow) this.flows.set(symbol, (flow = emptySymbolFlow()));
    flow.totalVolume += volume;
    flow.totalValue += value;
    const b = bucketOf(flow, phase);
    if (!b) return;
    if (side === 'buy') {
      b.buyVolume += volume;
      b.buyValue += value;
    } else if (side === 'sell') {
      b.sellVolume += volume;
      b.sellValue += value;
    } else {
      b.neutralVolume += volume;
      b.neutralValue += value;
    }
  }

  /** Live state: read it, copy what you keep; it changes with the next trade. */
  get(symbol: string): Readonly<SymbolFlow> | undefined {
    return this.flows.get(symbol);
  }

  clear(): void {
    this.flows.clear();
  }
}
