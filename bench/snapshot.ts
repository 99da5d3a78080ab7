// bench:snapshot — what GET /api/snapshot costs the frames. A compiled server (its own
// process) at a 200 ms interval; a protobuf WebSocket reader measures frame latency
// (now − producedAtUs) and the largest gap between frames, first with no HTTP load (the
// baseline, same run), then while another process keeps 50 /api/snapshot requests in
// flight without pause, then idle again. Snapshots are answered from the main thread's
// latest frame (no worker round trip per request), so the frames should not notice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { pb } from '../src/wire/proto.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const PHASE_MS = Number(process.env.SNAPSHOT_PHASE_MS ?? 6000);
const CONCURRENCY = Number(process.env.SNAPSHOT_CONCURRENCY ?? 50);
const dataDir = mkdtempSync(join(tmpdir(), 'bc-bench-snapshot-'));
const srv = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', BROADCAST_INTERVAL_MS: '200', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve, reject) => {
  let buf = '';
  srv.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const m = /"port":(\d+)[^\n]*"msg":"boardcast listening"/.exec(buf);
    if (m) resolve(Number(m[1]));
  });
  srv.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});
srv.stdout!.resume();

const lat: number[] = [];
const at: number[] = [];
const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
ws.on('message', (d: Buffer) => {
  const f = pb.Frame.decode(d);
  if (!f.snapshot) return;
  lat.push(Date.now() - Number(f.producedAtUs) / 1000);
  at.push(Date.now());
});
await new Promise((r, j) => ws.once('open', r).once('error', j));

// The load runs in a process of its own so that the measuring reader does not share its event loop.
const LOAD = `let stop=false,n=0;process.on('message',()=>{stop=true});await Promise.all(Array.from({length:${CONCURRENCY}},async()=>{while(!stop){const r=await fetch('http://127.0.0.1:${port}/api/snapshot');await r.arrayBuffer();n++}}));process.send(n);process.exit(0)`;

async function phase(name: string, load: boolean) {
  lat.length = 0;
  at.length = 0;
  let requests = 0;
  const child = load ? spawn(process.execPath, ['--input-type=module', '-e', LOAD], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }) : undefined;
  const done = child ? new Promise<void>((r) => child.once('message', (n) => ((requests = n as number), r()))) : Promise.resolve();
  await new Promise((r) => setTimeout(r, PHASE_MS));
  child?.send('stop');
  await done;
  const s = [...lat].sort((a, b) => a - b);
  const gaps = at.slice(1).map((t, i) => t - at[i]!);
  return { phase: name, frames: s.length, requestsPerS: round(requests / (PHASE_MS / 1000), 0), p50Ms: round(s[s.length >> 1]!), p99Ms: round(s[Math.floor(s.length * 0.99)]!), maxGapMs: Math.max(...gaps) };
}

const rows = [await phase('idle (baseline)', false), await phase(`${CONCURRENCY} concurrent /api/snapshot`, true), await phase('idle again', false)];
printTable(`frame latency of a protobuf reader, 200 ms interval, ${PHASE_MS / 1000} s per phase`, rows);
jsonLine('snapshot', { phases: rows, ratioP50: round(rows[1]!.p50Ms / Math.max(rows[0]!.p50Ms, 0.01)), ratioMaxGap: round(rows[1]!.maxGapMs / Math.max(rows[0]!.maxGapMs, 1)) });
ws.close();
srv.kill('SIGTERM');
await new Promise((r) => srv.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
