// bench:serialize — the cost of a frame: building the snapshot and encoding it, protobuf
// against JSON.stringify of the same content (the baseline), decoding both, and bytes per
// frame; for the 30-symbol VN30 board and a 400-symbol whole-exchange board.
import { encodeJsonText, encodeProto, type FrameInput } from '../src/wire/reference-codec.js';
import { pb } from '../src/wire/proto.js';
import { lateSessionBoard, wideSnapshot } from '../test/helpers/board.js';
import { jsonLine, printTable, round, time } from './lib/stats.js';

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
