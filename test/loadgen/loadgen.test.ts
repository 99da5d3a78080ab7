// Runs the compiled CLI (as users do) against a tiny ws server in this process that
// speaks the frame contract: a FULL first, then a DELTA every 20 ms.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { pb, FrameKind } from '../../src/wire/proto.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${root}dist/src/loadgen/cli.js`;

/** `npm test` builds first; when run alone (vitest run test/loadgen) build if dist is stale. */
beforeAll(() => {
  const src = `${root}src/loadgen/`;
  const newest = Math.max(...readdirSync(src).map((f) => statSync(src + f).mtimeMs));
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest) return;
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' });
  } catch {
    // tsc still emits when files elsewhere in the tree do not type-check; only a missing
    // CLI is fatal here.
    if (!existsSync(cli)) throw new Error(`build did not produce ${cli}`);
  }
}, 120_000);

interface FrameServer { url: string; close(): Promise<void> }

/** Sends a frame every 20 ms; with skipEvery set, seq jumps by two every that many frames. */
async function startFrameServer(skipEvery?: number): Promise<FrameServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => wss.once('listening', r));
  let seq = 1;
  const frame = (kind: number) =>
    pb.Frame.encode({ seq, epoch: 'test-epoch', producedAtUs: Date.now() * 1000, kind, baseSeq: seq - 1, snapshot: { tradingDate: '2025-01-02' } }).finish();
  wss.on('connection', (ws: WebSocket) => ws.send(frame(FrameKind.FULL)));
  const timer = setInterval(() => {
    seq += skipEvery && seq % skipEvery === 0 ? 2 : 1;
    const bytes = frame(FrameKind.DELTA);
    for (const c of wss.clients) c.send(bytes);
  }, 20);
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    close: () => {
      clearInterval(timer);
      for (const c of wss.clients) c.terminate();
      return new Promise((r) => wss.close(() => r()));
    },
  };
}

interface CliRun { code: number | null; stdout: string; stderr: string; result: Record<string, any> }

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, timeout: 20_000 });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let result = {};
      try { result = JSON.parse(last); } catch { /* asserted below */ }
      resolve({ code, stdout, stderr, result });
    });
  });
}

const common = ['--clients', '20', '--duration', '2', '--warmup', '0.5', '--threads', '2'];

describe('loadgen CLI', () => {
  let server: FrameServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it('connects every client, measures frames and latency, reports progress', async () => {
    server = await startFrameServer();
    const run = await runCli(['--url', server.url, ...common]);
    expect(run.code, run.stderr).toBe(0);
    const r = run.result;
    expect(r.type).toBe('loadgen-result');
    expect(r).toMatchObject({ clientsAsked: 20, clientsConnected: 20, connectFailures: 0, disconnects: 0, seqGaps: 0, resyncs: 0, epochChanges: 0, decodeErrors: 0 });
    // 20 clients × ~50 frames/s × 2 s; loose bounds for a busy machine.
    expect(r.frames).toBeGreaterThan(20 * 20);
    expect(r.messagesPerSecond).toBeGreaterThan(200);
    expect(r.bytesPerSecond).toBeGreaterThan(0);
    expect(r.latencyMs.p50).toBeGreaterThan(0);
    expect(r.latencyMs.p99).toBeGreaterThanOrEqual(r.latencyMs.p50);
    expect(r.latencyMs.max).toBeLessThan(5000);
    expect(r.durationS).toBeCloseTo(2, 1);
    expect(run.stdout).toContain('clients asked / connected');
    expect(run.stderr).toMatch(/\[loadgen\]\s+\d+s\s+connected \d+\/\d+\s+frames\/s \d+\s+p99 .*errors \d+/);
  });

  it('detects seq gaps when the server skips a seq', async () => {
    server = await startFrameServer(10);
    const run = await runCli(['--url', server.url, ...common, '--format', 'proto']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.result.clientsConnected).toBe(20);
    // The server skips once every 10 frames (200 ms): every client sees several gaps.
    expect(run.result.seqGaps).toBeGreaterThanOrEqual(20);
    expect(run.result.framesMissed).toBe(run.result.seqGaps);
  });

  it('exits 2 and reports connect failures against a closed port', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const run = await runCli(['--url', `ws://127.0.0.1:${port}/ws`, ...common]);
    expect(run.code).toBe(2);
    expect(run.result).toMatchObject({ clientsAsked: 20, clientsConnected: 0, connectFailures: 20, passed: false });
    expect(run.stderr).toContain("exceed --max-fail-ratio");
  });

  it('exits 1 naming the bad flag', async () => {
    const run = await runCli(['--url', 'ws://127.0.0.1:1/ws', '--clients', 'many']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--clients must be a positive integer');
  });
});
