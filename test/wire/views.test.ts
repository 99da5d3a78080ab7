// A watchlist's rows: looked up by symbol when the watchlist is small against the board (a
// 20-symbol watchlist over 1,550 rows), scanned otherwise — either way exactly its symbols,
// in board order, in both formats.
import { describe, expect, it } from 'vitest';
import { packParts } from '../../src/wire/frame-parts.js';
import { assembleView } from '../../src/wire/views.js';
import { MarketPhase } from '../../src/wire/proto.js';
import { decode } from '../helpers/ws-client.js';

const symbols = Array.from({ length: 40 }, (_, i) => `S${String(i).padStart(2, '0')}`);
const snapshot = {
  marketTimeMs: 1_700_000_000_000,
  tradingDate: '2026-12-02',
  phase: MarketPhase.CONTINUOUS,
  symbols: symbols.map((symbol, i) => ({ symbol, lastPrice: 10_000 + 100 * i, reference: 10_000 })),
  indices: [{ id: 'VN30', value: 1300.5 }],
};
const meta = { seq: 7, epoch: 'e1', producedAtUs: 1 };

describe('watchlist views', () => {
  for (const format of ['proto', 'json'] as const) {
    it(`${format}: a small watchlist (looked up) and a large one (scanned) get their rows in board order`, () => {
      const parts = packParts(snapshot, format);
      const small = ['S31', 'S02', 'S17', 'NOPE'];
      const large = symbols.filter((_, i) => i % 3 === 0).reverse();
      for (const list of [small, large]) {
        const bytes = assembleView(meta, 'FULL', 0, parts, { format, channels: new Set(['board', 'indices']), symbols: new Set(list), delta: true });
        const f = decode({ data: Buffer.from(bytes), isBinary: format === 'proto', at: 0 });
        const rows = (f.json.snapshot as { symbols: Array<{ symbol: string; lastPrice: number }> }).symbols;
        expect(rows.map((r) => r.symbol)).toEqual(symbols.filter((s) => list.includes(s)));
        expect(rows.map((r) => Number(r.lastPrice))).toEqual(rows.map((r) => 10_000 + 100 * symbols.indexOf(r.symbol)));
      }
    });
  }
});
