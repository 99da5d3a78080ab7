// Runs the compiled CLI (as users do) against a tiny ws server in this process that
// speaks the frame contract: a FULL first, then a DELTA every 20 ms.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { pb, FrameKind } from '../../src/wire/proto.js';
import { ensureLoadgenBuilt, runLoadgenCli as runCli } from '../helpers/loadgen-cli.js';

beforeAll(ensureLoadgenBuilt, 120_000);

interface FrameServer {
  url: string;
  /** Pongs that echoed the server's ping payload. */
  pongs: () => number;
  /** Close codes the clients sent (1006: the TCP connection ended without a close frame). */
  closeCodes: number[];
  close(): Promise<void>;
}

interface FrameServerOptions {
  /** Seq jumps by two every that many frames. */
  skipEvery?: number;
  /** Each connection is pinged when it opens and closed (1001) this long after. */
  closeAfterMs?: number;
}

/** Sends a FULL on connect, then a DELTA every 20 ms to every client. */
async function startFrameServer({ skipEvery, closeAfterMs }: FrameServerOptions = {}): Promise<FrameServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => wss.once('listening', r));
  let seq = 1;
  let pongs = 0;
  const closeCodes: number[] = [];
  const closers = new Set<NodeJS.Timeout>();
  const frame = (kind: number) =>
    pb.Frame.encode({ seq, epoch: 'test-epoch', producedAtUs: Date.now() * 1000, kind, baseSeq: seq - 1, snapshot: { tradingDate: '2025-01-02' } }).finish();
  wss.on('connection', (ws: WebSocket) => {
    ws.send(frame(FrameKind.FULL));
    ws.on('close', (code) => closeCodes.push(code));
    if (closeAfterMs === undefined) return;
    ws.on('pong', (data) => { if (data.toString() === 'are you there') pongs++; });
    ws.ping('are you there');
    const t = setTimeout(() => { closers.delete(t); ws.close(1001, 'going away'); }, closeAfterMs);
    closers.add(t);
  });
  const timer = setInterval(() => {
    seq += skipEvery && seq % skipEvery === 0 ? 2 : 1;
    const bytes = frame(FrameKind.DELTA);
    for (const c of wss.clients) c.send(bytes);
  }, 20);
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    pongs: () => pongs,
    closeCodes,
    close: () => {
      clearInterval(timer);
      for (const t of closers) clearTimeout(t);
      for (const c of wss.clients) c.terminate();
      return new Promise((r) => wss.close(() => r()));
    },
  };
}

/** A TCP server that answers every upgrade request with `reply`, then hangs up. */
async function startUpgradeRefuser(reply: string): Promise<{ url: string; close(): Promise<void> }> {
  const srv = createServer((sock) => {
    sock.on('error', () => {});
    sock.once('data', () => sock.end(reply));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/ws`, close: () => new Promise((r) => srv.close(() => r())) };
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
    server = await startFrameServer({ skipEvery: 10 });
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

// Both receive paths count the same way (decode header: the raw path's only mode).
describe.each(['ws', 'raw'] as const)('loadgen CLI, --client %s', (client) => {
  const header = ['--clients', '10', '--duration', '2', '--warmup', '0.5', '--threads', '1', '--decode', 'header', '--client', client];
  let server: FrameServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it('answers pings, and counts a server close as a disconnect after echoing its code', async () => {
    // Closed 1.5 s after connecting: about 1 s into the 2 s window (it opens 0.5 s after the ramp).
    server = await startFrameServer({ closeAfterMs: 1500 });
    const run = await runCli(['--url', server.url, ...header]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.result).toMatchObject({ client, clientsConnected: 10, connectFailures: 0, disconnects: 10, seqGaps: 0, decodeErrors: 0 });
    // Frames came in the window until the close, none after it: fewer than a whole 2 s
    // window at 50 a second (the exact count depends on where the close timer lands).
    expect(run.result.frames).toBeGreaterThan(0);
    expect(run.result.frames).toBeLessThan(10 * 50 * 2);
    expect(server.pongs()).toBe(10);
    expect(server.closeCodes).toEqual(Array(10).fill(1001));
  });

  it.each([
    ['a non-101 status', 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n', 'Unexpected server response: 403'],
    ['a wrong accept hash', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSBoYXNoIGF0IGFsbA==\r\n\r\n', 'Invalid Sec-WebSocket-Accept header'],
  ])('counts %s as a connect failure and says why', async (_what, reply, sample) => {
    const refuser = await startUpgradeRefuser(reply);
    try {
      const run = await runCli(['--url', refuser.url, ...header]);
      expect(run.code).toBe(2);
      expect(run.result).toMatchObject({ client, clientsConnected: 0, connectFailures: 10, disconnects: 0, passed: false });
      expect(run.result.errorSamples).toContain(sample);
    } finally {
      await refuser.close();
    }
  });
});
