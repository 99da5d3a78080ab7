// The colour rules of a Vietnamese price board (bảng điện): a price is purple at the
// ceiling, cyan at the floor, yellow at the reference, green above it, red below. Colour
// never carries direction alone: every direction also has an arrow (▲ ▼ ■) used next to
// changes. The palette lives here (the page copies it into CSS custom properties) so its
// contrast against the background is checked by a test.

export type Direction = 'ceil' | 'floor' | 'ref' | 'up' | 'down' | 'none';

export interface Band {
  reference: number;
  ceiling: number;
  floor: number;
}

/** The colour class of a price against its symbol's band; 'none' when there is no price. */
export function priceDirection(price: number, band: Band): Direction {
  if (!(price > 0) || !(band.reference > 0)) return 'none';
  if (band.ceiling > 0 && price >= band.ceiling) return 'ceil';
  if (band.floor > 0 && price <= band.floor) return 'floor';
  if (price === band.reference) return 'ref';
  return price > band.reference ? 'up' : 'down';
}

/** The direction of a signed change (an index, a futures contract, a net flow). */
export function changeDirection(change: number): Direction {
  if (!Number.isFinite(change)) return 'none';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'ref';
}

/** The arrow written before a change: colour-blind readers and screen readers get direction from it. */
export function arrow(dir: Direction): string {
  switch (dir) {
    case 'ceil':
    case 'up':
      return '▲';
    case 'floor':
    case 'down':
      return '▼';
    case 'ref':
      return '■';
    default:
      return '';
  }
}

/** The CSS class for a direction (c-ceil, c-up, ...); '' for none. */
export function directionClass(dir: Direction): string {
  return dir === 'none' ? '' : `c-${dir}`;
}

export const BACKGROUND = '#0b0e14';
export const SURFACE = '#131823';

/** Text colours per direction, plus the neutral ones, on the dark board background. */
export const PALETTE = {
  ceil: '#e36bff', // purple (tím)
  floor: '#38d9f0', // cyan (xanh lơ)
  ref: '#f2c94c', // yellow (vàng)
  up: '#33d17a', // green (xanh lá)
  down: '#ff5c5c', // red (đỏ)
  text: '#e6e9ef',
  muted: '#9aa4b5',
} as const;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two #rrggbb colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
