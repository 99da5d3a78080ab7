// The capacity bench's floor on the same bytes: the most trivial uWebSockets.js broadcaster
// there is — one topic, app.publish of each frame it receives from an upstream boardcast
// (lib/upstream.ts), the latest frame to a new socket — with none of boardcast's views,
// assembly, backpressure sweep or metrics. What boardcast spends beyond it per frame and
// per socket is boardcast's own overhead.
//
// env: UPSTREAM (ws://…/ws?format=…&delta=…), HOST (127.0.0.1), PORT (0)
// stdout: {"msg":"uws relay listening","port":N}
import { loadUws } from '../../src/server/uws.js';
import type { Logger } from '../../src/log.js';
import { relayFrom } from './upstream.js';

const upstreamUrl = process.env.UPSTREAM;
if (!upstreamUrl) {
  process.stderr.write('uws-relay: UPSTREAM is required\n');
  process.exit(78);
}
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const { uws } = loadUws(false, { warn: () => undefined } as unknown as Logger);
const app = uws.App();
const TOPIC = 'all';
let latest: { data: Buffer; isBinary: boolean } | undefined;

app.ws('/ws', {
  compression: uws.DISABLED,
  maxBackpressure: 1024 * 1024,
  idleTimeout: 120,
  open: (ws) => {
    if (latest) ws.send(latest.data, latest.isBinary);
    ws.subscribe(TOPIC);
  },
});
app.any('/*', (res) => { res.writeStatus('404 Not Found').end(); });
app.listen(host, port, (ls) => {
  if (!ls) { process.stderr.write('uws-relay: cannot listen\n'); process.exit(1); }
  process.stdout.write(`${JSON.stringify({ msg: 'uws relay listening', port: uws.us_socket_local_port(ls as never) })}\n`);
});
relayFrom(upstreamUrl, 'uws-relay', (data, isBinary) => {
  latest = { data, isBinary };
  app.publish(TOPIC, data, isBinary);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
