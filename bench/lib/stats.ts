// Small timing helpers shared by the benches: run a function many times, report median
// and p99 in µs, print a table and JSON lines (machine-readable, one object per result).

export interface Timing {
  name: string;
  medianUs: number;
  p99Us: number;
  meanUs: number;
  runs: number;
}

/** Times fn `runs` times after `warmup` untimed runs; each sample is one call, `between` runs untimed before each. */
export function time(name: string, fn: () => unknown, runs = 5000, warmup = 500, between?: () => void): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    between?.();
    const t0 = performance.now();
    fn();
    samples[i] = (performance.now() - t0) * 1000;
  }
  samples.sort();
  let sum = 0;
  for (const s of samples) sum += s;
  return { name, medianUs: round(samples[Math.floor(runs / 2)]!), p99Us: round(samples[Math.floor(runs * 0.99)]!), meanUs: round(sum / runs), runs };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function printTable(title: string, rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i]!)).join('  ');
  console.log(`\n${title}`);
  console.log(line(cols));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}

export function jsonLine(bench: string, result: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench, ...result }));
}
