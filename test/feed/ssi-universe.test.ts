// UNIVERSE=hose|all on the live adapter: it learns the universe from FastConnect's
// Market/Securities lists (paged, cached for basketTtlMs), subscribes with ALL, and tells
// the processor each stock's board. Against the fake FastConnect on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { SsiFeed, type SsiFeedOptions } from '../../src/market/feed/ssi/ssi-feed.js';
import { syntheticTickers } from '../../src/market/rules/universe.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { FakeSsi } from './fake-ssi.js';
import { until } from '../helpers/until.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Listings the size of the real markets (the names are generated: the fake is not the exchange).
const taken = new Set<string>(VN30_SYMBOLS);
const HOSE = [...VN30_SYMBOLS, ...syntheticTickers(370, taken, 1)];
const HNX = syntheticTickers(300, taken, 2);
const UPCOM = syntheticTickers(850, taken, 3);

async function start(opts: Partial<SsiFeedOptions>, now = () => Date.now()) {
  const fake = await new FakeSsi({ components: [...VN30_SYMBOLS], maxPageSize: 100, listings: { HOSE, HNX, UPCOM } }).start();
  cleanups.push(() => fake.stop());
  const feed = new SsiFeed({ consumerId: fake.consumerId, consumerSecret: fake.consumerSecret, baseUrl: fake.baseUrl, streamUrl: fake.streamUrl, backoff: { initialMs: 20, maxMs: 200, jitter: 0 }, requestTimeoutMs: 2000, connectTimeoutMs: 2000, now, ...opts });
  cleanups.push(() => feed.stop());
  await feed.start({ onMessage: () => {}, onStatus: () => {} });
  return { fake, feed };
}

describe('SsiFeed over a wider universe', () => {
  it('UNIVERSE=all: every market list read page by page (100 a page), VN30 first, each stock tagged with its board', async () => {
    const { fake, feed } = await start({ universe: 'all' });
    const pages = (m: string) => fake.securitiesPages.filter((p) => p.market === m).map((p) => p.page);
    expect(pages('HOSE')).toEqual([1, 2, 3, 4]);
    expect(pages('HNX')).toEqual([1, 2, 3]);
    expect(pages('UPCOM')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const basket = feed.basket();
    expect(basket).toHaveLength(400 + 300 + 850);
    expect(basket.slice(0, 30)).toEqual(VN30_SYMBOLS);
    expect(new Set(basket)).toEqual(new Set([...HOSE, ...HNX, ...UPCOM]));
    expect(feed.exchangeOf(HNX[7]!)).toBe('HNX');
    expect(feed.exchangeOf(UPCOM[849]!)).toBe('UPCOM');
    expect(feed.exchangeOf('FPT')).toBe('HOSE');
    const boards = feed.boards();
    expect(boards.HNX).toEqual(HNX);
    expect(boards.UPCOM).toEqual(UPCOM);
    expect(boards.VN30).toEqual(VN30_SYMBOLS);
    // The whole market is subscribed with ALL, not a 1,550-name list.
    expect(feed.channels()).toEqual(['F:ALL', 'R:ALL', 'MI:VN30-VNINDEX-VN100-HNXIndex-HNX30-HNXUpcomIndex', 'X:ALL']);
    await until('the stream subscribed', () => fake.channels.includes('X:ALL'), 5000);
  });

  it('UNIVERSE=hose reads only the HOSE list; UNIVERSE=vn30 (the default) reads none and keeps its channel lists', async () => {
    const hose = await start({ universe: 'hose' });
    expect(new Set(hose.fake.securitiesPages.map((p) => p.market))).toEqual(new Set(['HOSE']));
    expect(hose.feed.basket()).toHaveLength(400);
    const vn30 = await start({});
    expect(vn30.fake.securitiesPages.filter((p) => p.market !== 'DER')).toEqual([]);
    expect(vn30.feed.basket()).toEqual(VN30_SYMBOLS);
    expect(vn30.feed.channels().at(-1)).toMatch(/^X:ACB-/);
  });

  it('keeps the lists for basketTtlMs: a restart within it fetches nothing again, after it fetches anew', async () => {
    let t = Date.parse('2026-12-02T03:00:00Z');
    const { fake, feed } = await start({ universe: 'all', basketTtlMs: 60_000 }, () => t);
    const first = fake.securitiesPages.length;
    await feed.stop();
    t += 30_000;
    await feed.start({ onMessage: () => {}, onStatus: () => {} });
    expect(fake.securitiesPages.length).toBe(first);
    await feed.stop();
    t += 60_000;
    await feed.start({ onMessage: () => {}, onStatus: () => {} });
    expect(fake.securitiesPages.length).toBe(2 * first);
  });
});
