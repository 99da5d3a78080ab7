// The load generator's floor: a trivial uWebSockets.js server that publishes a pre-built
// Frame every INTERVAL_MS to every socket: only seq and produced_at_us change, the rest is
// filler of PAD_BYTES carried in an unknown field (the loadgen's header decode skips it),
// so messages have boardcast's size but cost the server nothing to make. What the bench
// measures against it is the load generator's own cost on this machine.
//
// env: HOST (127.0.0.1), PORT (0), INTERVAL_MS (100), PAD_BYTES (0)
// stdout: {"msg":"floor listening","port":N}
import { pb, FrameKind } from '../../src/wire/proto.js';
import { loadUws } from '../../src/server/uws.js';
import type { Logger } from '../../src/log.js';
import { nowUs } from '../../src/util/clock.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const intervalMs = Number(process.env.INTERVAL_MS ?? 100);
const padBytes = Number(process.env.PAD_BYTES ?? 0);

const { uws } = loadUws(false, { warn: () => undefined } as unknown as Logger);
const app = uws.App();
const TOPIC = 'floor';

/** An unknown length-delimited field 15 holding `n` bytes: tag, varint length, filler. */
function padding(n: number): Uint8Array {
  if (n <= 0) return new Uint8Array(0);
  const len: number[] = [];
  let v = n;
  while (v > 0x7f) { len.push((v & 0x7f) | 0x80); v >>>= 7; }
  len.push(v);
  const out = new Uint8Array(1 + len.length + n);
  out[0] = (15 << 3) | 2;
  out.set(len, 1);
  out.fill(0x61, 1 + len.length);
  return out;
}

const pad = padding(padBytes);
let seq = 0;
let latest: Uint8Array | undefined;
const frame = () => {
  const head = pb.Frame.encode({ seq: ++seq, epoch: 'floor', producedAtUs: nowUs(), kind: FrameKind.FULL }).finish();
  const out = new Uint8Array(head.length + pad.length);
  out.set(head);
  out.set(pad, head.length);
  return out;
};

app.ws('/ws', {
  compression: uws.DISABLED,
  maxBackpressure: 1024 * 1024,
  idleTimeout: 120,
  open: (ws) => {
    if (latest) ws.send(latest, true);
    ws.subscribe(TOPIC);
  },
});
app.any('/*', (res) => { res.writeStatus('404 Not Found').end(); });
app.listen(host, port, (ls) => {
  if (!ls) { process.stderr.write('floor: cannot listen\n'); process.exit(1); }
  process.stdout.write(`${JSON.stringify({ msg: 'floor listening', port: uws.us_socket_local_port(ls as never) })}\n`);
});
setInterval(() => {
  latest = frame();
  app.publish(TOPIC, latest, true);
}, intervalMs);
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
