// The intraday sparkline of an index: an SVG path through its (≤ 1 a minute) points, scaled
// to a box, with the prior close drawn as a dashed reference line. Pure geometry here; the
// header writes the result into an <svg> only when it changed.
import type { IndexPoint } from '@boardcast/client';

export interface Sparkline {
  /** SVG path data ('' with fewer than two points). */
  path: string;
  /** y of the reference (prior close) line, or null when it is off the box. */
  refY: number | null;
}

export function sparkline(points: readonly IndexPoint[], reference: number, width: number, height: number, pad = 2): Sparkline {
  if (points.length < 2) return { path: '', refY: null };
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.value);
    hi = Math.max(hi, p.value);
  }
  if (reference > 0) {
    lo = Math.min(lo, reference);
    hi = Math.max(hi, reference);
  }
  const span = hi - lo || 1;
  const t0 = points[0]!.timeMs;
  const tSpan = points[points.length - 1]!.timeMs - t0 || 1;
  const x = (t: number) => pad + ((t - t0) / tSpan) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (v - lo) / span) * (height - 2 * pad);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.timeMs).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  return { path, refY: reference > 0 ? Number(y(reference).toFixed(1)) : null };
}
