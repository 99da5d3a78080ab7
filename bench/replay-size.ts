// bench:replay — the size of the FULL a `trades` socket gets when it connects or resyncs
// (the replay: the last TRADES_REPLAY trades of each symbol of its view) against the
// regular FULL of the same view (the trades since the previous frame), both wire formats,
// for TRADES_REPLAY 10 / 20 / 50, on the VN30 board and on the whole simulated market.
// Sizes only (seeded simulator: the same figures every run); no timing.
import { simBoard } from '../test/helpers/board.js';
import { TradeTape } from '../src/market/trade-tape.js';
import { CHANNELS, DEFAULT_CHANNELS, packParts, type Channel } from '../src/wire/frame-parts.js';
import { assembleView, type ViewSpec } from '../src/wire/views.js';
import { WIRE_FORMATS } from '../src/wire/formats.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const meta = { seq: 1, epoch: 'bench', producedAtUs: 1 };
const rows: Array<Record<string, unknown>> = [];

for (const market of ['vn30', 'all'] as const) {
  // An hour of continuous trading at the default pace, so most active symbols are past any replay size.
  const b = simBoard(1, '09:30:00', 60, market);
  const tapes = [10, 20, 50].map((n) => ({ n, tape: new TradeTape(n) }));
  for (let i = 0; i < 60; i++) {
    b.step(1000);
    for (const t of b.processor.drainTrades()) for (const { tape } of tapes) tape.add(t);
    for (const { tape } of tapes) tape.drain(); // the frames that went out meanwhile
  }
  // One more frame's worth of trading: the regular FULL's trades.
  b.step(100);
  for (const t of b.processor.drainTrades()) for (const { tape } of tapes) tape.add(t);
  const snapshot = b.processor.snapshot();
  const watch = new Set((snapshot.symbols ?? []).slice(0, 5).map((s) => s.symbol!));
  for (const { n, tape } of tapes) {
    const since = tape.drain();
    const replay = tape.replay();
    const traded = replay.size;
    for (const format of WIRE_FORMATS) {
      const parts = packParts(snapshot, format, { lists: { trades: since }, replay: { trades: replay } });
      const views: Array<[string, Channel[], ReadonlySet<string> | null]> = [
        ['board+trades', [...DEFAULT_CHANNELS, 'trades'], null],
        ['trades only', ['trades'], null],
        ['all channels, 5 symbols', [...CHANNELS], watch],
      ];
      for (const [name, channels, symbols] of views) {
        const v: ViewSpec = { format, channels: new Set(channels), symbols, delta: true };
        const regular = assembleView(meta, 'FULL', 0, parts, v).byteLength;
        const connect = assembleView(meta, 'FULL', 0, parts, v, true).byteLength;
        const row = { market, symbolsTraded: traded, replay: n, format, view: name, regularFullBytes: regular, replayFullBytes: connect, ratio: round(connect / regular) };
        jsonLine('replay-size', row);
        rows.push(row);
      }
    }
  }
}
printTable('bench:replay — bytes of the connect/resync FULL (with the trade replay) vs the regular FULL of the same view', rows);
