// bench:serialize — the cost of a frame: building the snapshot and encoding it, protobuf
// against JSON.stringify of the same content (the baseline), decoding both, and bytes per
// frame; for the 30-symbol VN30 board and a 400-symbol whole-exchange board. Then the
// worker's own path (snapshot + packed parts, FULL and DELTA) over the whole simulated
// market (UNIVERSE=all, ~1,550 stocks) against the VN30 board.
import { encodeJsonText, encodeProto, type FrameInput } from '../src/wire/reference-codec.js';
import { pb } from '../src/wire/proto.js';
import { lateSessionBoard, simBoard, wideSnapshot } from '../test/helpers/board.js';
import { jsonLine, printTable, round, time } from './lib/stats.js';
import { packParts } from '../src/wire/frame-parts.js';
import { diffSnapshots } from '../src/wire/delta.js';

const board = lateSessionBoard(1);
// Between two frames at 10 frames/s the simulator's default pace (40 trades a second)
// makes ~4 trades and their quotes: one 100 ms step.
const betweenFrames = () => void board.step(100);
const frame = (snapshot: FrameInput['snapshot']): FrameInput => ({ seq: 123_456, epoch: 'bench-epoch', producedAtUs: Date.now() * 1000, kind: 'FULL', baseSeq: 0, snapshot });

const rows: Array<Record<string, unknown>> = [];
for (const symbols of [30, 400]) {
  const snap = () => (symbols === 30 ? board.processor.snapshot() : wideSnapshot(board.processor.snapshot(), symbols));
  // "build+encode" lets the market move between samples (untimed), as between two frames
  // at 10 frames/s and the simulator's default pace; "encode" re-encodes one fixed frame.
  const fixed = frame(snap());
  const protoBytes = encodeProto(fixed);
  const jsonText = encodeJsonText(fixed);
  const jsonBytes = Buffer.byteLength(jsonText);
  const runs = symbols === 30 ? 5000 : 1000;

  const buildProto = time(`build+encode proto`, () => encodeProto(frame(snap())), runs, 500, betweenFrames);
  const buildJson = time(`build+encode json`, () => encodeJsonText(frame(snap())), runs, 500, betweenFrames);
  const encProto = time(`encode proto`, () => encodeProto(fixed), runs);
  const encJson = time(`encode json`, () => encodeJsonText(fixed), runs);
  const u8 = new Uint8Array(protoBytes);
  const decProto = time(`decode proto`, () => pb.Frame.decode(u8), runs);
  const decJson = time(`decode json`, () => JSON.parse(jsonText), runs);

  for (const [p, j] of [[buildProto, buildJson], [encProto, encJson], [decProto, decJson]] as const) {
    const op = p.name.replace(' proto', '');
    const row = { symbols, op, protoMedianUs: p.medianUs, protoP99Us: p.p99Us, jsonMedianUs: j.medianUs, jsonP99Us: j.p99Us, speedup: round(j.medianUs / p.medianUs) };
    rows.push(row);
    jsonLine('serialize', row);
  }
  const sizes = { symbols, op: 'bytes', protoBytes: protoBytes.byteLength, jsonBytes, ratio: round(protoBytes.byteLength / jsonBytes, 3) };
  jsonLine('serialize', sizes);
  rows.push({ symbols, op: 'bytes/frame', protoMedianUs: protoBytes.byteLength, protoP99Us: '', jsonMedianUs: jsonBytes, jsonP99Us: '', speedup: `${round(jsonBytes / protoBytes.byteLength)}× smaller` });
}
printTable('bench:serialize — µs per FULL frame (median / p99), protobuf vs JSON baseline, same run', rows);

// ---- the whole market (UNIVERSE=all) on the worker's own path -------------------------------
// What the market worker does per frame: the processor's snapshot, packed into separable
// parts once per wire format (FULL), or the diff against the previous frame packed (DELTA,
// the typical frame: ~100 ms of trading between two frames). The VN30 board (UNIVERSE=vn30)
// is the baseline from the same run. Real time from 10:30 (the simulator warms the day up
// to there), so every sample is mid-session continuous trading at the default pace.
const midSession = (market: 'vn30' | 'all') => {
  const b = simBoard(1, '10:30:00', 1, market);
  for (let i = 0; i < 60; i++) b.step(1000);
  return b;
};
const whole = midSession('all');
const vn30 = midSession('vn30');
const partRows: Array<Record<string, unknown>> = [];
const baseline = new Map<string, number>();
for (const [name, b] of [['vn30', vn30], ['all', whole]] as const) {
  const runs = name === 'vn30' ? 3000 : 300;
  const between = () => void b.step(100);
  for (const format of ['proto', 'json'] as const) {
    let bytes: number[] = [];
    const full = time(`FULL ${format}`, () => bytes.push(packParts(b.processor.snapshot(), format).bytes.byteLength), runs, 50, between);
    const fullBytes = median(bytes);
    bytes = [];
    let prev = b.processor.snapshot();
    const delta = time(
      `DELTA ${format}`,
      () => {
        const next = b.processor.snapshot();
        const d = diffSnapshots(prev, next);
        prev = next;
        bytes.push(packParts(d.delta, format).bytes.byteLength);
      },
      runs,
      50,
      between,
    );
    const deltaBytes = median(bytes);
    for (const [kind, t, size] of [['FULL', full, fullBytes], ['DELTA', delta, deltaBytes]] as const) {
      const key = `${kind} ${format}`;
      if (name === 'vn30') baseline.set(key, t.medianUs);
      const row = { universe: name, symbols: b.sim.symbols.length, frame: kind, format, medianUs: t.medianUs, p99Us: t.p99Us, bytes: size, vsVn30: name === 'vn30' ? 1 : round(t.medianUs / baseline.get(key)!) };
      partRows.push(row);
      jsonLine('serialize-universe', row);
    }
  }
}
printTable('bench:serialize — the worker\'s frame (snapshot + pack, DELTA incl. diff) per format, whole market vs VN30, same run', partRows);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
