// Number formatting for the board, the Vietnamese way whatever the label language: '.'
// groups thousands, ',' marks decimals (25.500 VND; 1.234,56 points; +1,96%). Pure
// functions; an empty string means "leave the cell blank" (no trade, no level yet).
// The table writes prices and volumes in one of two unit systems (BoardFormat): full VND
// and shares, or — as Vietnamese boards do, to fit a laptop — thousands of VND written the
// way every bảng điện writes them (26.75 = 26.750 VND) and volumes in lots of ten.

const int = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const dec2 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dec1 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The sign a signed value is written with: '+' above zero, '-' below, nothing at zero. */
export function sign(n: number): '+' | '-' | '' {
  return n > 0 ? '+' : n < 0 ? '-' : '';
}

/** A price in VND with thousands separators (25.500); blank when there is none (0). */
export function formatPrice(vnd: number): string {
  return vnd > 0 ? int.format(vnd) : '';
}

/** A volume in shares with thousands separators; blank when 0. */
export function formatVolume(shares: number): string {
  return shares !== 0 && Number.isFinite(shares) ? int.format(shares) : '';
}

/** A signed integer amount (a change in VND, a net volume): +500, -1.200, 0. */
export function formatSigned(n: number): string {
  if (!Number.isFinite(n)) return '';
  return `${sign(n)}${int.format(Math.abs(n))}`;
}

/** A signed percentage with two decimals: +1,96%, -0,50%, 0,00%. */
export function formatPct(pct: number): string {
  if (!Number.isFinite(pct)) return '';
  return `${sign(pct)}${dec2.format(Math.abs(pct))}%`;
}

/** An index value (points) with two decimals: 1.234,56. */
export function formatIndex(points: number): string {
  return Number.isFinite(points) && points !== 0 ? dec2.format(points) : '';
}

/** A signed index change with two decimals: +3,20. */
export function formatIndexChange(points: number): string {
  if (!Number.isFinite(points)) return '';
  return `${sign(points)}${dec2.format(Math.abs(points))}`;
}

/** A large amount in VND as billions (tỷ) with one decimal: 1.234,5. */
export function formatBillions(vnd: number): string {
  return Number.isFinite(vnd) ? `${sign(vnd) === '-' ? '-' : ''}${dec1.format(Math.abs(vnd) / 1e9)}` : '';
}

/** A share of a whole as a whole percentage: 62%. */
export function formatShare(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : '';
}

/** Frame latency in ms: "12 ms", "1,2 s" from one second up. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const v = Math.max(0, ms);
  return v < 1000 ? `${Math.round(v)} ms` : `${dec1.format(v / 1000)} s`;
}

/** The market clock, HH:MM:SS in Asia/Ho_Chi_Minh. */
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
export function formatMarketTime(ms: number): string {
  return ms > 0 ? clock.format(ms) : '';
}

/** Table units: 'short' = thousands of VND and tens of shares (the boards' default), 'full' = VND and shares. */
export type Units = 'short' | 'full';

// Every HOSE/HNX tick is a multiple of 10 VND: two decimals of a thousand are exact.
const k2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** A price in thousands of VND, as the boards write it: 26.750 VND → "26.75"; blank without one. */
export function formatPriceK(vnd: number): string {
  return vnd > 0 && Number.isFinite(vnd) ? k2.format(vnd / 1000) : '';
}

/** A signed price change in thousands of VND: +0.50, -1.20, 0.00. */
export function formatSignedK(vnd: number): string {
  if (!Number.isFinite(vnd)) return '';
  return `${sign(vnd)}${k2.format(Math.abs(vnd) / 1000)}`;
}

/** Tens of shares, rounded (an odd lot under 5 shares still shows as 0, not blank). */
const tens = (shares: number): number => Math.round(shares / 10);

/** A volume in lots of ten shares with thousands separators: 1.234.500 shares → "123.450"; blank at 0. */
export function formatVolumeTens(shares: number): string {
  return shares !== 0 && Number.isFinite(shares) ? int.format(tens(shares)) : '';
}

/** How the table writes prices and volumes in one unit system. */
export interface BoardFormat {
  units: Units;
  price(vnd: number): string;
  volume(shares: number): string;
  /** A signed change of price (VND). */
  signedPrice(vnd: number): string;
  /** A signed volume (a net flow, shares). */
  signedVolume(shares: number): string;
}

export const FULL_UNITS: BoardFormat = {
  units: 'full',
  price: formatPrice,
  volume: formatVolume,
  signedPrice: formatSigned,
  signedVolume: formatSigned,
};

export const SHORT_UNITS: BoardFormat = {
  units: 'short',
  price: formatPriceK,
  volume: formatVolumeTens,
  signedPrice: formatSignedK,
  signedVolume: (shares) => (Number.isFinite(shares) ? formatSigned(tens(shares)) : ''),
};

export function boardFormat(units: Units): BoardFormat {
  return units === 'full' ? FULL_UNITS : SHORT_UNITS;
}
