// The three Vietnamese stock boards and what differs between them besides the tick
// (tick.ts) and the timetable (calendar.ts): the daily price band and the board lot.
//
// Sources: the exchanges' trading regulations as the brokers restate them (HSC's "HSX
// trading regulations" and "HNX trading regulations", BSC's "Trading session on the
// market", SBSC's "HNX trading regulations"; read 2026). Band widths: HOSE ±7%, HNX ±10%,
// UPCoM ±15%. The band is around the day's reference price: on HOSE and HNX the previous
// session's close, on UPCoM the previous session's volume-weighted AVERAGE matched price
// (not the close) — a feed sends the reference it has, the simulator uses the average.

export type Exchange = 'HOSE' | 'HNX' | 'UPCOM';
export const EXCHANGES: readonly Exchange[] = ['HOSE', 'HNX', 'UPCOM'];

/** The daily band's half-width in percent of the reference (integers: the arithmetic stays exact). */
export const BAND_PERCENT: Readonly<Record<Exchange, number>> = { HOSE: 7, HNX: 10, UPCOM: 15 };

/** Board lot in shares (the smallest even-lot order); 100 on all three boards since 2021–2022. */
export const BOARD_LOTS: Readonly<Record<Exchange, number>> = { HOSE: 100, HNX: 100, UPCOM: 100 };

/** The exchange a feed's Exchange / MarketId field names (HOSE/HSX, HNX, UPCOM/UPCoM); undefined otherwise. */
export function exchangeOf(code: unknown): Exchange | undefined {
  if (typeof code !== 'string') return undefined;
  const k = code.trim().toUpperCase();
  return k === 'HOSE' || k === 'HSX' ? 'HOSE' : k === 'HNX' ? 'HNX' : k === 'UPCOM' ? 'UPCOM' : undefined;
}
