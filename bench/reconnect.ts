// bench:reconnect — what a reconnect loop costs everybody else. One steady protobuf reader
// counts the board frames it receives, first alone (the baseline, same run), then while
// `--sockets` JSON sockets reconnect in a loop (open, wait for the first message,
// terminate, open again). Work bounded by the interval means the steady reader sees
// 1000/interval frames a second in both windows, whatever the reconnect rate.
//
//   npm run bench:reconnect -- [--interval 200] [--duration 4] [--sockets 50] [--format json] [--server DIR]
//
// --server DIR runs boardcast from another built checkout (DIR/dist/src/main.js): the
// "before" of a change.
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { decodeMessage } from '../src/loadgen/decode.js';
import { connectOnce } from '../test/helpers/reconnect.js';
import { mainOf, startChildServer } from './lib/child-server.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const { values: argv } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    interval: { type: 'string', default: '200' },
    duration: { type: 'string', default: '4' },
    sockets: { type: 'string', default: '50' },
    format: { type: 'string', default: 'json' },
    server: { type: 'string' },
  },
});
const intervalMs = Number(argv.interval);
const durationS = Number(argv.duration);
const sockets = Number(argv.sockets);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = await startChildServer({ BROADCAST_INTERVAL_MS: String(intervalMs), SIM_SEED: '1', LOG_LEVEL: 'info' }, { main: mainOf(argv.server) });
try {
  let frames = 0;
  const steady = new WebSocket(server.ws('format=proto'), { perMessageDeflate: false });
  steady.on('message', (data: Buffer, isBinary: boolean) => {
    if (decodeMessage(data, isBinary, 'header').type === 'board') frames++;
  });
  await new Promise((r) => steady.once('message', r));
  await sleep(1000);

  const window = async () => {
    const f0 = frames;
    const t0 = performance.now();
    await sleep(durationS * 1000);
    return ((frames - f0) * 1000) / (performance.now() - t0);
  };
  const alone = await window();

  let reconnects = 0;
  let stopping = false;
  const loop = async () => {
    while (!stopping) {
      if (await connectOnce(server.ws(`format=${argv.format}`))) reconnects++;
    }
  };
  const loops = Array.from({ length: sockets }, loop);
  await sleep(500);
  const r0 = reconnects;
  const t0 = performance.now();
  const storm = await window();
  const reconnectsPerS = ((reconnects - r0) * 1000) / (performance.now() - t0);
  stopping = true;
  await Promise.all(loops);
  steady.terminate();

  const row = {
    intervalMs,
    expectedFramesPerS: round(1000 / intervalMs, 1),
    steadyAloneFramesPerS: round(alone, 1),
    steadyDuringStormFramesPerS: round(storm, 1),
    ratio: round(storm / alone, 2),
    reconnectsPerS: round(reconnectsPerS, 0),
    sockets,
  };
  printTable(`steady reader vs ${sockets} ${argv.format} sockets reconnecting in a loop`, [row]);
  jsonLine('reconnect', row);
} finally {
  await server.stop();
}
