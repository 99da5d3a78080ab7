// The simulated ATO on a real server (uWS, market worker) read by the SDK: during the
// auction the board carries each symbol's projected match, the exchange's price for the
// crossing book it shows; after the opening match the trades take over.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardClient, type Board, type WebSocketConstructor } from '@boardcast/client';
import { projectedMatch } from '../../src/market/rules/auction.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

function boardWhere(c: BoardClient, pred: (b: Board) => boolean, what: string, timeoutMs = 20_000): Promise<Board> {
  if (c.board && pred(c.board)) return Promise.resolve(c.board);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for: ${what} (phase ${c.board?.phase})`));
    }, timeoutMs);
    const off = c.on('board', ({ board }) => {
      if (!pred(board)) return;
      clearTimeout(timer);
      off();
      resolve(board);
    });
  });
}

describe('projected prices during a simulated ATO', () => {
  let srv: TestServer;
  let client: BoardClient;
  beforeAll(async () => {
    // A few seconds before the opening match (09:14:59).
    srv = await startTestServer({ SIM_START_TIME: '09:14:53', SIM_SEED: '5' });
    client = new BoardClient({ urls: srv.ws(), WebSocket: WebSocket as unknown as WebSocketConstructor });
    client.connect();
  });
  afterAll(async () => {
    client?.close();
    await srv?.stop();
  });

  it('during the ATO each symbol shows the projected match of its crossing book; after the match, trades and no projection', async () => {
    const ato = await boardWhere(client, (b) => b.phase === 'ATO' && b.symbols.filter((s) => s.projectedPrice > 0).length >= 20, 'ATO board with projections');
    for (const s of ato.symbols.filter((x) => x.projectedPrice > 0)) {
      expect(s.lastPrice).toBe(0); // no trade yet today
      expect(s.bids[0]!.price).toBeGreaterThanOrEqual(s.asks[0]!.price); // the book crosses
      expect({ price: s.projectedPrice, volume: s.projectedVolume }).toEqual(projectedMatch({ bids: s.bids, asks: s.asks }, s.reference));
      expect(s.projectedPrice).toBeGreaterThanOrEqual(s.floor);
      expect(s.projectedPrice).toBeLessThanOrEqual(s.ceiling);
    }
    const open = await boardWhere(client, (b) => b.symbols.every((s) => s.lastPrice > 0), 'every symbol matched at the open');
    for (const s of open.symbols) {
      expect(s.projectedPrice).toBe(0);
      expect(s.projectedVolume).toBe(0);
    }
  });
});
