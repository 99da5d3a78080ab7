// The SDK on the trades and candles channels against the real server: `trade` events once
// each in trade_seq order across a reconnect (the replay's repeats dropped), `candle` events,
// and a board without the per-frame lists.
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoardClient, type Candle, type TradeEvent, type WebSocketConstructor } from '@boardcast/client';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { until } from '../helpers/until.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ SIM_TRADES_PER_SECOND: '300', SIM_CLOCK_SPEED: '30', BROADCAST_INTERVAL_MS: '100', TRADES_REPLAY: '50', LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await srv?.stop();
});

for (const format of ['proto', 'json'] as const) {
  it(`${format}: trade events once each, in order, across a reconnect; candle events; the board holds no lists`, async () => {
    const c = new BoardClient({ urls: srv.ws(), format, query: { channels: 'board,trades,candles' }, WebSocket: WebSocket as unknown as WebSocketConstructor, backoff: { initialMs: 20, maxMs: 50 } });
    const trades: TradeEvent[] = [];
    const candles: Candle[] = [];
    let opens = 0;
    c.on('trade', (t) => trades.push(t));
    c.on('candle', (x) => candles.push(x));
    c.on('state', (s) => {
      if (s.state === 'open') opens++;
    });
    c.on('error', () => undefined);
    c.connect();
    try {
      await until('trades', () => trades.length >= 300, 15_000);
      // Drop the socket: the SDK reconnects and its FULL replays the last 50 trades a symbol.
      (c as unknown as { ws: { close: () => void } }).ws.close();
      await until('reconnected', () => opens >= 2 && c.stats.tradeDuplicates > 0, 15_000);
      const n = trades.length;
      await until('more trades and a closed minute', () => trades.length >= n + 300 && candles.some((x) => x.closed), 15_000);
      const last = new Map<string, number>();
      for (const t of trades) {
        const prev = last.get(t.symbol);
        if (prev !== undefined) expect(t.tradeSeq, t.symbol).toBe(prev + 1 + t.missed);
        last.set(t.symbol, t.tradeSeq);
      }
      // The replay covers a short absence: nothing was missed.
      expect(trades.some((t) => t.gap)).toBe(false);
      expect(candles.some((x) => x.symbol === 'VN30')).toBe(true);
      expect(candles.some((x) => x.closed)).toBe(true);
      const board = c.board as unknown as Record<string, unknown>;
      expect(board).not.toHaveProperty('trades');
      expect(board).not.toHaveProperty('candles');
    } finally {
      c.close();
    }
  }, 60_000);
}
