// What the load generator prints: a progress line a second (stderr), a table for people
// and one JSON line for machines (stdout, always the last line).
import type { LoadgenProgress, LoadgenResult } from './run.js';

/** Marks the machine-readable line: `grep '"type":"loadgen-result"'` or take the last line. */
export const RESULT_TYPE = 'loadgen-result';

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatProgress(p: LoadgenProgress): string {
  const p99 = p.p99Ms === null ? 'warming' : `${p.p99Ms.toFixed(2)} ms`;
  return `[loadgen] ${p.elapsedS.toFixed(0).padStart(4)}s  connected ${fmtInt(p.connected)}/${fmtInt(p.attempted)}` +
    `  frames/s ${fmtInt(p.framesPerS)}  p99 ${p99}  errors ${fmtInt(p.errors)}`;
}

export function formatTable(r: LoadgenResult): string {
  const l = r.latencyMs;
  const rows: [string, string][] = [
    ['target', `${r.url} (${r.format})`],
    ['threads / client path', `${r.threads} / ${r.client}`],
    ['clients asked / connected', `${fmtInt(r.clientsAsked)} / ${fmtInt(r.clientsConnected)}`],
    ['connect failures', r.connectsUnfinished > 0 ? `${fmtInt(r.connectFailures)} (${fmtInt(r.connectsUnfinished)} still connecting at the end)` : fmtInt(r.connectFailures)],
    ['disconnects', fmtInt(r.disconnects)],
    ['measured', `${r.durationS.toFixed(2)} s`],
    ['frames delivered', fmtInt(r.frames)],
    ['messages / s', fmtInt(r.messagesPerSecond)],
    ['MB / s', (r.bytesPerSecond / 1e6).toFixed(2)],
    ['latency p50 / p90 ms', `${l.p50.toFixed(3)} / ${l.p90.toFixed(3)}`],
    ['latency p99 / p99.9 / max ms', `${l.p99.toFixed(3)} / ${l.p999.toFixed(3)} / ${l.max.toFixed(3)}`],
    ['seq gaps (frames missed)', `${fmtInt(r.seqGaps)} (${fmtInt(r.framesMissed)})`],
    ['epoch changes / resyncs', `${fmtInt(r.epochChanges)} / ${fmtInt(r.resyncs)}`],
    ['decode errors', fmtInt(r.decodeErrors)],
    ['loadgen event-loop lag p99 / max ms', `${r.loopLagMs.p99.toFixed(1)} / ${r.loopLagMs.max.toFixed(1)}`],
    ['result', r.passed ? 'PASS' : `FAIL (fail ratio ${(r.failRatio * 100).toFixed(2)}%)`],
  ];
  if (r.clientsAttempted < r.clientsAsked) rows.splice(3, 0, ['clients attempted', fmtInt(r.clientsAttempted)]);
  if (r.negativeLatencies > 0) rows.push(['negative latencies (clock skew)', fmtInt(r.negativeLatencies)]);
  for (const e of r.errorSamples) rows.push(['error sample', e]);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

export function formatJsonLine(r: LoadgenResult): string {
  return JSON.stringify({ type: RESULT_TYPE, ...r });
}
