// A latency-percentile chart in the HdrHistogram style, as a hand-written SVG: the x axis
// is the percentile on a log scale of 1/(1-p) (0%, 90%, 99%, 99.9%, 99.99%, …), the y axis
// latency in ms; one line per series, with a legend. No dependency.
import type { PercentilePoint } from '../../src/loadgen/stats.js';

export interface ChartSeries {
  label: string;
  points: PercentilePoint[];
  /** Dashed lines tell systems apart when colours repeat (e.g. the baseline). */
  dashed?: boolean;
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** x = log10(1/(1-p)): 0 at 0%, 1 at 90%, 2 at 99% … The 100% point (max) sits one step past the last finite one. */
function xOf(percentile: number, maxX: number): number {
  if (percentile >= 100) return maxX;
  return Math.log10(1 / (1 - percentile / 100));
}

/** A "nice" axis maximum ≥ v: 1, 2, 5 × 10^k. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

export function percentileChartSvg(title: string, series: ChartSeries[], opts: { width?: number; height?: number; subtitle?: string } = {}): string {
  const width = opts.width ?? 900;
  const height = opts.height ?? 540;
  const m = { left: 70, right: 250, top: 56, bottom: 56 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;

  const finite = series.flatMap((s) => s.points.filter((p) => p.percentile < 100));
  const lastX = Math.max(1, ...finite.map((p) => xOf(p.percentile, 0)));
  const maxX = Math.ceil(lastX) + 0.25; // room for the max point
  const maxY = niceMax(Math.max(0.001, ...series.flatMap((s) => s.points.map((p) => p.ms))));
  const X = (x: number) => m.left + (x / maxX) * pw;
  const Y = (ms: number) => m.top + ph - (ms / maxY) * ph;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${m.left}" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`);
  if (opts.subtitle) out.push(`<text x="${m.left}" y="42" fill="#555">${esc(opts.subtitle)}</text>`);

  // Grid and axes: one vertical line per decade of nines, five horizontal lines.
  for (let d = 0; d <= Math.floor(lastX); d++) {
    const label = d === 0 ? '0%' : `${(100 - 100 / 10 ** d).toFixed(Math.max(0, d - 2))}%`;
    out.push(`<line x1="${X(d)}" y1="${m.top}" x2="${X(d)}" y2="${m.top + ph}" stroke="#ddd"/>`);
    out.push(`<text x="${X(d)}" y="${m.top + ph + 18}" text-anchor="middle">${label}</text>`);
  }
  out.push(`<line x1="${X(maxX)}" y1="${m.top}" x2="${X(maxX)}" y2="${m.top + ph}" stroke="#eee" stroke-dasharray="3,3"/>`);
  out.push(`<text x="${X(maxX)}" y="${m.top + ph + 18}" text-anchor="middle">max</text>`);
  for (let i = 0; i <= 5; i++) {
    const v = (maxY * i) / 5;
    out.push(`<line x1="${m.left}" y1="${Y(v)}" x2="${m.left + pw}" y2="${Y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${m.left - 8}" y="${Y(v) + 4}" text-anchor="end">${Number(v.toPrecision(3))}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${m.left + pw / 2}" y="${height - 14}" text-anchor="middle">percentile (log scale of 1/(1−p))</text>`);
  out.push(`<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">latency (ms)</text>`);

  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = s.points.map((p) => `${X(xOf(p.percentile, maxX)).toFixed(1)},${Y(p.ms).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6,4"' : '';
    if (pts) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${pts}"/>`);
    const ly = m.top + 10 + i * 20;
    const lx = m.left + pw + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 26}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 32}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
