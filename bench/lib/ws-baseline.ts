// The baseline the fan-out bench compares boardcast against: a broadcaster built on the
// `ws` library the way its README shows (one WebSocketServer, a loop over `wss.clients`
// calling `send` per socket), run as its own child process.
//
// It does not simulate the market itself: it opens ONE client connection to a boardcast
// instance (UPSTREAM) and re-broadcasts every frame it receives, byte for byte, to its own
// clients: same seq, epoch and produced_at_us, same size, same rate. That makes the two
// systems carry identical payloads on an identical schedule; the baseline's latency
// includes one extra loopback hop (boardcast → this relay), which it measures and reports
// on GET /stats (`hopUs`) so readers can subtract it. See bench/README.md.
//
// env: UPSTREAM (ws://…/ws?format=proto), HOST (127.0.0.1), PORT (0)
// stdout: one JSON line {"msg":"baseline listening","port":N} once listening.
// GET /stats → {"clients","frames","broadcastSeconds":{"sum","count"},"hopUs":{"p50","p99","count"}}
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import { relayFrom } from './upstream.js';

const upstreamUrl = process.env.UPSTREAM;
if (!upstreamUrl) {
  process.stderr.write('ws-baseline: UPSTREAM is required\n');
  process.exit(78);
}
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

let latest: { data: Buffer; isBinary: boolean } | undefined;
let frames = 0;
let broadcastSum = 0;
let broadcastCount = 0;
// The upstream hop of the last 10,000 frames, µs (a ring: enough for p99 over any window).
const hops = new Float64Array(10_000);
let hopCount = 0;

const http = createServer((req, res) => {
  if (req.url === '/stats') {
    const n = Math.min(hopCount, hops.length);
    const sorted = Array.from(hops.subarray(0, n)).sort((a, b) => a - b);
    const pick = (p: number) => (n === 0 ? 0 : Math.round(sorted[Math.min(n - 1, Math.floor(n * p))]!));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ clients: wss.clients.size, frames, broadcastSeconds: { sum: broadcastSum, count: broadcastCount }, hopUs: { p50: pick(0.5), p99: pick(0.99), count: n } }));
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server: http, path: '/ws', perMessageDeflate: false, clientTracking: true });
wss.on('connection', (ws) => {
  // Like boardcast: the latest frame first, so a new socket never waits an interval.
  if (latest) ws.send(latest.data, { binary: latest.isBinary });
  ws.on('error', () => { /* a client dropping is not the relay's problem */ });
});

relayFrom(upstreamUrl, 'ws-baseline', (data, isBinary, hopUs) => {
  hops[hopCount++ % hops.length] = hopUs;
  latest = { data, isBinary };
  frames++;
  const t0 = performance.now();
  for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
  broadcastSum += (performance.now() - t0) / 1000;
  broadcastCount++;
});
http.listen(port, host, () => {
  const addr = http.address();
  process.stdout.write(`${JSON.stringify({ msg: 'baseline listening', port: typeof addr === 'object' && addr ? addr.port : port })}\n`);
});
const stop = () => { for (const c of wss.clients) c.terminate(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
