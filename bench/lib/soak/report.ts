// The soak's verdict: every figure with the bound it must keep, one table and one JSON
// line. A run passes only when every bound holds.

export interface Check {
  what: string;
  value: string | number;
  bound: string;
  ok: boolean;
}

export interface RssSample {
  atS: number;
  mib: number;
}

/** Least-squares slope of RSS over time, MiB per minute. */
export function rssSlopeMiBPerMin(samples: RssSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.atS, 0) / n;
  const my = samples.reduce((a, s) => a + s.mib, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.atS - mx) * (s.mib - my);
    den += (s.atS - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/** The bounds a soak keeps; one place, so the README and the code agree. */
export const BOUNDS = {
  /** A steady reader gets at least this share of the interval's frames (the machine is shared and busy)… */
  minFrameRateShare: 0.5,
  /** …and at most one frame a second more than the interval makes (work bounded by the interval). */
  extraFramesPerS: 1,
  p99Ms: 1000,
  /** RSS growth over the second half of the run (after warm-up effects), MiB per minute. */
  rssSlopeMiBPerMin: 20,
  peakRssMiB: 1024,
} as const;

export function printSoakTable(checks: Check[]): void {
  const cols = ['what', 'value', 'bound', 'ok'] as const;
  const rows = checks.map((c) => ({ what: c.what, value: String(c.value), bound: c.bound, ok: c.ok ? 'ok' : 'BROKEN' }));
  const widths = cols.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line([...cols]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((k) => r[k])));
}
