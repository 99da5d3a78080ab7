// bench:handoff — the market worker → main thread hand-off, three ways in the same run,
// across a real worker_threads Worker:
//   (a) transfer  the pre-encoded protobuf frame, its ArrayBuffer transferred (what
//                 boardcast does: src/market/frame-loop.ts → src/server/app.ts)
//   (b) clone     the snapshot object posted by structured clone
//   (c) json      the snapshot as a JSON string, JSON.parse'd on receipt
// Per frame: latency from post to receipt (both sides stamp performance.timeOrigin + now,
// the same clock family), the worker's cost of posting (structured-clone serialization and
// JSON.stringify happen synchronously in the sender), the main thread's message-handler
// time, and the main thread's event-loop active time per frame (performance.
// eventLoopUtilization over each run): for structured clone the deserialization happens in
// Node's MessagePort code before the 'message' listener runs, so only the event-loop
// active time sees it. Ratios are against (a), measured in the same run, interleaved.
//
// The worker and the main thread ping-pong (the worker posts the next frame when the main
// thread acknowledges the last), so each latency is an unloaded hand-off, never a queue.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { encodeProto, type FrameInput } from '../src/wire/reference-codec.js';
import type { SnapshotProps } from '../src/wire/proto.js';
import { lateSessionBoard, wideSnapshot } from '../test/helpers/board.js';
import { jsonLine, printTable, round } from './lib/stats.js';
import { nowUsFine as nowUs } from '../src/util/clock.js';

type Mode = 'transfer' | 'clone' | 'json';
const MODES: Mode[] = ['transfer', 'clone', 'json'];
const LABEL: Record<Mode, string> = { transfer: '(a) proto frame, ArrayBuffer transferred', clone: '(b) snapshot object, structured clone', json: '(c) JSON string (parsed on receipt)' };


type ToWorker = { type: 'go'; mode: Mode; symbols: number } | { type: 'ack' } | { type: 'exit' };
type ToMain =
  | { type: 'frame'; mode: Mode; postedAtUs: number; sendUs: number; bytes: number; payload: ArrayBuffer | SnapshotProps | string }
  | { type: 'ready' };

// ───────────────────────────── worker side ─────────────────────────────
function workerMain(): void {
  const port = parentPort!;
  const board = lateSessionBoard(1);
  let seq = 0;
  let mode: Mode = 'transfer';
  let symbols = 30;
  // The last post's sender-side cost, reported with the next frame (a post cannot report its own duration).
  let lastSendUs = 0;
  const snap = (): SnapshotProps => {
    // Between two frames at 10 frames/s the market makes ~4 trades: one 100 ms step (untimed).
    board.step(100);
    const s = board.processor.snapshot();
    return symbols === 30 ? s : wideSnapshot(s, symbols);
  };
  const sendOne = () => {
    const snapshot = snap();
    seq++;
    if (mode === 'transfer') {
      // The worker encodes for the wire in every design; the hand-off starts after it.
      const frame: FrameInput = { seq, epoch: 'bench', producedAtUs: Math.round(nowUs()), kind: 'FULL', baseSeq: 0, snapshot };
      const bytes = encodeProto(frame);
      const t0 = performance.now();
      const postedAtUs = nowUs();
      port.postMessage({ type: 'frame', mode, postedAtUs, sendUs: lastSendUs, bytes: bytes.byteLength, payload: bytes } satisfies ToMain, [bytes]);
      lastSendUs = (performance.now() - t0) * 1000;
    } else if (mode === 'clone') {
      const t0 = performance.now();
      const postedAtUs = nowUs();
      port.postMessage({ type: 'frame', mode, postedAtUs, sendUs: lastSendUs, bytes: 0, payload: snapshot } satisfies ToMain);
      lastSendUs = (performance.now() - t0) * 1000;
    } else {
      const t0 = performance.now();
      const postedAtUs = nowUs();
      const text = JSON.stringify(snapshot);
      port.postMessage({ type: 'frame', mode, postedAtUs, sendUs: lastSendUs, bytes: Buffer.byteLength(text), payload: text } satisfies ToMain);
      lastSendUs = (performance.now() - t0) * 1000;
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'go') {
      mode = m.mode;
      symbols = m.symbols;
      lastSendUs = 0;
      sendOne();
    } else if (m.type === 'ack') sendOne();
    else process.exit(0);
  });
  port.postMessage({ type: 'ready' } satisfies ToMain);
}

// ───────────────────────────── main side ─────────────────────────────
interface Samples { latency: number[]; handler: number[]; send: number[]; eluActiveMs: number; frames: number; bytes: number }

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

async function mainThread(): Promise<void> {
  const framesPerRound = Number(process.env.HANDOFF_FRAMES ?? 400);
  const rounds = Number(process.env.HANDOFF_ROUNDS ?? 5);
  const warmup = 200;
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'worker' } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: ToMain) => { if (m.type === 'ready') resolve(); });
  });

  // One run: `n` frames of `mode`, ping-pong; returns per-frame samples and the ELU of the run.
  const run = (mode: Mode, symbols: number, n: number) => new Promise<Samples>((resolve) => {
    const s: Samples = { latency: [], handler: [], send: [], eluActiveMs: 0, frames: 0, bytes: 0 };
    let sink = 0;
    const elu0 = performance.eventLoopUtilization();
    const onMessage = (m: ToMain) => {
      const receivedAtUs = nowUs();
      const h0 = performance.now();
      if (m.type !== 'frame') return;
      // What the main thread must do with each kind of payload before it can publish.
      if (m.mode === 'transfer') sink += (m.payload as ArrayBuffer).byteLength;
      else if (m.mode === 'clone') sink += (m.payload as SnapshotProps).symbols?.length ?? 0;
      else sink += (JSON.parse(m.payload as string) as SnapshotProps).symbols?.length ?? 0;
      const handlerUs = (performance.now() - h0) * 1000;
      s.latency.push(receivedAtUs - m.postedAtUs);
      s.handler.push(handlerUs);
      if (s.frames > 0) s.send.push(m.sendUs);
      s.bytes = m.bytes;
      s.frames++;
      if (s.frames < n) worker.postMessage({ type: 'ack' } satisfies ToWorker);
      else {
        worker.off('message', onMessage);
        s.eluActiveMs = performance.eventLoopUtilization(elu0).active;
        if (sink < 0) console.log(sink);
        resolve(s);
      }
    };
    worker.on('message', onMessage);
    worker.postMessage({ type: 'go', mode, symbols } satisfies ToWorker);
  });

  const rows: Array<Record<string, unknown>> = [];
  for (const symbols of [30, 400]) {
    const empty = (): Samples => ({ latency: [], handler: [], send: [], eluActiveMs: 0, frames: 0, bytes: 0 });
    const all: Record<Mode, Samples> = { transfer: empty(), clone: empty(), json: empty() };
    for (const m of MODES) await run(m, symbols, warmup);
    // Interleaved rounds: the machine's noise lands on every mode alike.
    for (let r = 0; r < rounds; r++) {
      for (const m of MODES) {
        const s = await run(m, symbols, framesPerRound);
        const a = all[m];
        a.latency.push(...s.latency);
        a.handler.push(...s.handler);
        a.send.push(...s.send);
        a.eluActiveMs += s.eluActiveMs;
        a.frames += s.frames;
        a.bytes = s.bytes;
      }
    }
    const base = all.transfer;
    const baseLat = pct(base.latency, 0.5);
    const baseMain = (base.eluActiveMs * 1000) / base.frames;
    for (const m of MODES) {
      const a = all[m];
      const mainUs = (a.eluActiveMs * 1000) / a.frames;
      const row = {
        symbols,
        mode: LABEL[m],
        bytes: m === 'clone' ? '-' : a.bytes,
        latencyP50Us: round(pct(a.latency, 0.5), 1),
        latencyP99Us: round(pct(a.latency, 0.99), 1),
        workerPostP50Us: round(pct(a.send, 0.5), 1),
        handlerP50Us: round(pct(a.handler, 0.5), 1),
        handlerP99Us: round(pct(a.handler, 0.99), 1),
        mainActiveUsPerFrame: round(mainUs, 1),
        latencyVsA: round(pct(a.latency, 0.5) / baseLat),
        mainVsA: round(mainUs / baseMain),
        frames: a.frames,
      };
      rows.push(row);
      jsonLine('handoff', row);
    }
  }
  printTable('bench:handoff — worker → main thread, per frame (µs; main = event-loop active time incl. deserialization), ratios vs (a), same run', rows);
  worker.postMessage({ type: 'exit' } satisfies ToWorker);
  await new Promise((r) => worker.once('exit', r));
}

if (isMainThread) {
  await mainThread();
} else if ((workerData as { role?: string } | null)?.role === 'worker') {
  workerMain();
}
