import { describe, expect, it } from 'vitest';
import { boardOf, HNX30_SYMBOLS, UNIVERSE_INDICES, listedFutures, syntheticTickers, universe, VNMIDCAP_SYMBOLS } from '../../src/market/rules/universe.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { loadConfig, UNIVERSES } from '../../src/config.js';

describe('universe', () => {
  it('UNIVERSE takes exactly the universes this module defines', () => {
    expect([...UNIVERSES]).toEqual(Object.keys(UNIVERSE_INDICES));
  });

  it('vn30 (the default) is the VN30 basket and its two indices, nothing else', () => {
    expect(loadConfig({}).UNIVERSE).toBe('vn30');
    const u = universe('vn30');
    expect(u.symbols).toEqual(VN30_SYMBOLS);
    expect(u.indexIds).toEqual(['VN30', 'VNINDEX']);
    expect([...u.boards.keys()]).toEqual(['VN30']);
    expect(boardOf(u, 'HNX')).toBeUndefined();
  });

  it('hose: 400 HOSE stocks, VN30 first, VN100 = VN30 + the 70 midcaps', () => {
    const u = universe('hose');
    expect(u.symbols).toHaveLength(400);
    expect(u.symbols.slice(0, 30)).toEqual(VN30_SYMBOLS);
    expect(boardOf(u, 'vn100')?.symbols).toEqual([...VN30_SYMBOLS, ...VNMIDCAP_SYMBOLS]);
    expect(VNMIDCAP_SYMBOLS).toHaveLength(70);
    expect(new Set(u.listings.map((l) => l.exchange))).toEqual(new Set(['HOSE']));
    expect(u.indexIds).toContain('VN100');
  });

  it('all: ~1,550 unique stocks, each tagged with its board; every named board and index', () => {
    const u = universe('all');
    expect(new Set(u.symbols).size).toBe(u.symbols.length);
    const count = (ex: string) => u.listings.filter((l) => l.exchange === ex).length;
    expect([count('HOSE'), count('HNX'), count('UPCOM')]).toEqual([400, 300, 850]);
    expect([...u.boards.keys()].sort()).toEqual(['HNX', 'HNX30', 'HOSE', 'UPCOM', 'VN100', 'VN30']);
    expect(boardOf(u, 'HNX30')?.symbols).toEqual(HNX30_SYMBOLS);
    for (const s of HNX30_SYMBOLS) expect(u.exchangeOf(s)).toBe('HNX');
    expect(u.exchangeOf('ACV')).toBe('UPCOM');
    expect(u.exchangeOf('FPT')).toBe('HOSE');
    expect(u.indexIds).toEqual(['VN30', 'VNINDEX', 'VN100', 'HNX-INDEX', 'HNX30', 'UPCOM-INDEX']);
    for (const l of u.listings) expect(l.symbol).toMatch(/^[A-Z0-9]{3}$/);
    // The real names are not synthetic; the fill is.
    expect(u.listings.filter((l) => !l.synthetic)).toHaveLength(100 + 30 + 20);
  });

  it('synthetic tickers are deterministic and never shadow a taken name', () => {
    const a = syntheticTickers(50, new Set(['AAA']), 0);
    const b = syntheticTickers(50, new Set(['AAA']), 0);
    expect(a).toEqual(b);
    expect(a).not.toContain('AAA');
    expect(new Set(a).size).toBe(50);
    expect(universe('all').symbols).toEqual(universe('all').symbols);
  });

  it('lists every VN30F contract front month first', () => {
    expect(listedFutures('2026-12-02')).toEqual(['VN30F2612', 'VN30F2701', 'VN30F2703', 'VN30F2706']);
  });
});

describe('index ids on the feed', () => {
  it('FastConnect HNXIndex / HNXUpcomIndex arrive as HNX-INDEX / UPCOM-INDEX, and are subscribed back under their feed ids', async () => {
    const { Normalizer } = await import('../../src/market/normalizer.js');
    const { feedIndexId } = await import('../../src/market/rules/feed-codes.js');
    const n = new Normalizer();
    const mi = (IndexId: string) => ({ RType: 'MI', IndexId, IndexValue: 230.5, PriorIndexValue: 229, TradingDate: '02/12/2026', Time: '10:00:00', TotalQtty: 100, TotalValue: 1000, Advances: 1, Declines: 2, NoChanges: 3, Ceilings: 0, Floors: 0 });
    expect(n.accept(mi('HNXIndex'))).toMatchObject({ type: 'index', id: 'HNX-INDEX' });
    expect(n.accept(mi('HNXUpcomIndex'))).toMatchObject({ type: 'index', id: 'UPCOM-INDEX' });
    expect(n.accept(mi('VN100'))).toMatchObject({ type: 'index', id: 'VN100' });
    expect(['VN30', 'HNX-INDEX', 'UPCOM-INDEX'].map(feedIndexId)).toEqual(['VN30', 'HNXIndex', 'HNXUpcomIndex']);
  });
});
