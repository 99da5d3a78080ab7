// End to end: the built board page in a real Chromium (Debian's, driven by playwright-core)
// against the compiled server (dist/src/main.js, built by `npm test`) with a seeded
// simulator. Seed 29 started at 14:25 has names sitting at their ceiling.
// Without /usr/bin/chromium the file is skipped, unless CI is set (CI installs it: .ci/run).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE } from '../../web/src/colors.js';
import { CHROMIUM, haveChromium, launchChromium } from '../helpers/chromium.js';
import { MAIN, startChild, type Child } from '../helpers/child.js';

const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const onCi = Boolean(process.env.CI);
if (!haveChromium && !onCi) {
  console.warn(`[board.e2e] skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y --no-install-recommends chromium; CI does)`);
}

const SERVER_ENV = { SIM_SEED: '29', SIM_START_TIME: '14:25:00', BROADCAST_INTERVAL_MS: '100', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' };

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * Starts the compiled server. On a fixed port it retries while the port is still held: the
 * previous server's closed connections sit in TIME_WAIT for up to 60 s on its side, and the
 * uWS listen socket does not set SO_REUSEADDR, so an immediate re-listen fails.
 */
async function startServer(port = 0, deadlineMs = 90_000, env: Record<string, string> = {}): Promise<{ child: Child; port: number }> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const child = startChild({ ...SERVER_ENV, ...env, PORT: String(port) });
    const line = await Promise.race([
      child.waitLog((l) => l.msg === 'boardcast listening', 30_000),
      child.exited.then(() => undefined),
    ]).catch((err: Error) => {
      child.proc.kill('SIGKILL');
      throw new Error(`${err.message}\nserver log: ${child.logs.map((l) => JSON.stringify(l)).join('\n')}`);
    });
    if (line) return { child, port: Number(line.port) };
    // Exited before listening: the port is still held (or the process failed to start).
    const why = child.logs.map((l) => String(l.msg)).concat(child.stderr).join(' | ');
    if (Date.now() > until) throw new Error(`the server did not come back on port ${port} within ${deadlineMs} ms: ${why}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function stopServer(child: Child | undefined): Promise<void> {
  if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 8000);
  await child.exited;
  clearTimeout(timer);
}

/** Text of one column's cells by symbol. */
const columnText = (page: Page, col: string) =>
  page.$$eval(`#board tbody tr`, (rows, c) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.symbol!, r.querySelector(`[data-col="${c}"]`)!.textContent ?? ''])), col);

describe.skipIf(!haveChromium && !onCi)('board page in a real browser', () => {
  let browser: Browser | undefined;
  let page: Page;
  let server: { child: Child; port: number } | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
    if (!existsSync(MAIN) || !existsSync(WEB_INDEX)) throw new Error('dist/src/main.js or dist/web/index.html is missing: run `npm run build` first (npm test does)');
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1000 }, locale: 'vi-VN', deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`http://127.0.0.1:${server.port}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server?.child);
  });

  it('shows the 30 VN30 rows within a few seconds, live', async () => {
    await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 8000 });
    await page.waitForFunction(() => document.body.dataset.link === 'live', undefined, { timeout: 5000 });
    expect(await page.textContent('#ix-VN30 .ix-value')).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
    expect(await page.textContent('#futures .fu-symbol')).toMatch(/^VN30F\d{4}$/);
    expect(Number(await page.getAttribute('#latency', 'data-ms'))).toBeLessThan(5000);
    // Prices in thousands of VND by default, as the boards write them (26.75 = 26.750 VND).
    const refs = Object.values(await columnText(page, 'ref'));
    expect(refs.every((r) => /^\d{1,3}\.\d{2}$/.test(r))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('updates price cells as the market moves', async () => {
    const before = JSON.stringify([await columnText(page, 'last'), await columnText(page, 'bid1p'), await columnText(page, 'ask1p')]);
    await page.waitForFunction(
      (b) => {
        const col = (c: string) => Object.fromEntries([...document.querySelectorAll('#board tbody tr')].map((r) => [(r as HTMLElement).dataset.symbol!, r.querySelector(`[data-col="${c}"]`)!.textContent ?? '']));
        return JSON.stringify([col('last'), col('bid1p'), col('ask1p')]) !== b;
      },
      before,
      { timeout: 8000 },
    );
  });

  it('paints a last price at the ceiling in the ceiling colour (purple), with an up arrow', async () => {
    const handle = await page.waitForFunction(
      () => {
        for (const r of document.querySelectorAll('#board tbody tr')) {
          const last = r.querySelector('[data-col="last"]')!.textContent;
          if (last && last === r.querySelector('[data-col="ceil"]')!.textContent) return (r as HTMLElement).dataset.symbol!;
        }
        return null;
      },
      undefined,
      { timeout: 15_000 },
    );
    const symbol = (await handle.jsonValue()) as string;
    const last = page.locator(`#board tbody tr[data-symbol="${symbol}"] [data-col="last"]`);
    expect(await last.getAttribute('class')).toContain('c-ceil');
    expect(await last.evaluate((el) => getComputedStyle(el).color)).toBe(rgb(PALETTE.ceil));
    expect(await page.locator(`#board tbody tr[data-symbol="${symbol}"] [data-col="change"]`).textContent()).toMatch(/^▲ \+/);
  });

  it('lists the alerts of the alerts channel as they fire (names at their ceiling)', async () => {
    await page.waitForSelector('#alerts:not([hidden]) .al-list li', { timeout: 15_000 });
    expect(await page.locator('#alerts .al-list li').count()).toBeGreaterThan(0);
    expect(await page.textContent('#alerts .al-list li:first-child .al-symbol')).toMatch(/^[A-Z0-9]{3,}/);
  });

  it('looks like a price board (screenshot saved to test-artifacts/board.png)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}board.png`, fullPage: true });
    expect(existsSync(`${ARTIFACTS}board.png`)).toBe(true);
  });

  it('sorts by a column from the keyboard and moves between cells with the arrow keys', async () => {
    await page.focus('#board thead th[data-col="totalVol"] button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#board thead th[data-col="totalVol"]')!.getAttribute('aria-sort') === 'descending');
    await page.waitForFunction(() => {
      const v = [...document.querySelectorAll('#board tbody [data-col="totalVol"]')].map((c) => Number((c.textContent ?? '').replace(/\./g, '')));
      return v.every((x, i) => i === 0 || v[i - 1]! >= x);
    });
    await page.focus('#board tbody tr:first-child [data-col="symbol"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { col: el.dataset.col, row: (el.parentElement as HTMLTableRowElement).sectionRowIndex, tabIndex: el.tabIndex };
    });
    expect(focused).toEqual({ col: 'ref', row: 1, tabIndex: 0 });
  });

  it('switches labels between Vietnamese and English', async () => {
    const label = () => page.textContent('#board thead th[data-col="ceil"] button span');
    const first = await label();
    await page.click('#lang');
    const second = await label();
    expect(new Set([first, second])).toEqual(new Set(['Trần', 'Ceil']));
    await page.click('#lang');
    expect(await label()).toBe(first);
  });

  it('filters to the watchlist through the protocol and back', async () => {
    const symbols = Object.keys(await columnText(page, 'symbol')).slice(0, 2);
    for (const s of symbols) await page.click(`#board tbody tr[data-symbol="${s}"] button.star`);
    await page.check('#watch-only');
    await page.waitForFunction((n) => document.querySelectorAll('#board tbody tr').length === n, symbols.length, { timeout: 5000 });
    expect((Object.keys(await columnText(page, 'symbol'))).sort()).toEqual([...symbols].sort());
    await page.uncheck('#watch-only');
    await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 5000 });
    for (const s of symbols) await page.click(`#board tbody tr[data-symbol="${s}"] button.star`);
  });

  it('opens a watchlist from a link (?symbols=), ignoring names outside the basket', async () => {
    const other = await page.context().newPage();
    try {
      await other.goto(`http://127.0.0.1:${server!.port}/?symbols=fpt,VNM,NOPE`);
      await other.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length === 2, undefined, { timeout: 8000 });
      expect((await other.$$eval('#board tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.symbol))).sort()).toEqual(['FPT', 'VNM']);
      expect(await other.isChecked('#watch-only')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('shows the disconnected state when the server stops, keeps the board greyed, and recovers when it is back', async () => {
    const port = server!.port;
    await stopServer(server!.child);
    await page.waitForFunction(() => document.body.dataset.link === 'reconnecting' && document.body.classList.contains('stale'), undefined, { timeout: 8000 });
    // The banner is drawn on the next animation frame: wait for it rather than race it.
    await page.waitForSelector('#banner', { state: 'visible', timeout: 3000 });
    expect(await page.locator('#board tbody tr').count()).toBe(30);
    // Greyed (after its short fade).
    await page.waitForFunction(() => Number(getComputedStyle(document.querySelector('#board')!).opacity) < 0.6, undefined, { timeout: 3000 });
    await page.screenshot({ path: `${ARTIFACTS}board-disconnected.png` });

    // Still disconnected while the server is away: waiting to retry, or a retry in flight
    // (the SDK goes reconnecting → connecting → reconnecting until the server answers).
    const away = await page.evaluate(() => ({ link: document.body.dataset.link, stale: document.body.classList.contains('stale') }));
    expect(['reconnecting', 'connecting']).toContain(away.link);
    expect(away.stale).toBe(true);
    server = await startServer(port);
    await page.waitForFunction(() => document.body.dataset.link === 'live' && !document.body.classList.contains('stale'), undefined, { timeout: 15_000 });
    expect(await page.isVisible('#banner')).toBe(false);
    await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 5000 });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

// A replay of the hand-made SSI recording of an ATO (test/fixtures/ssi-auction.ndjson) at 50×:
// projections from 09:05 (6 s in) to the 09:15 match (18 s in), VNM halted at 09:21 (25 s in),
// then the recording ends and the feed goes stale.
describe.skipIf(!haveChromium && !onCi)('board page: projected auction prices, halted symbols, a delayed feed', () => {
  const AUCTION = fileURLToPath(new URL('../fixtures/ssi-auction.ndjson', import.meta.url));
  let browser: Browser | undefined;
  let child: Child | undefined;
  let page: Page;

  beforeAll(async () => {
    child = startChild({ FEED: 'replay', REPLAY_FILE: AUCTION, REPLAY_SPEED: '50', FEED_STALE_MS: '1500', BROADCAST_INTERVAL_MS: '100', PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' });
    const line = await child.waitLog((l) => l.msg === 'boardcast listening', 30_000);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1920, height: 600 }, locale: 'en-US' })).newPage();
    await page.goto(`http://127.0.0.1:${Number(line.port)}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(child);
  });

  it('shows the projected match in the match columns, marked; then the trade, a halted badge, and "data delayed" once the feed is stale', async () => {
    const cell = (sym: string, col: string) => page.locator(`#board tbody tr[data-symbol="${sym}"] [data-col="${col}"]`);
    await page.waitForFunction(() => document.querySelector('#board tbody tr[data-symbol="FPT"] [data-col="last"]')?.classList.contains('projected'), undefined, { timeout: 20_000 });
    expect(await cell('FPT', 'last').textContent()).toMatch(/^121\.(00|50)$/);
    expect(await cell('FPT', 'lastVol').textContent()).toBe('750'); // 7.500 shares, in tens
    expect(await cell('FPT', 'lastVol').getAttribute('class')).toContain('projected');
    expect(await page.isVisible('#feed-banner')).toBe(false);
    // The opening match: a trade, no longer marked.
    await page.waitForFunction(() => document.querySelector('#board tbody tr[data-symbol="FPT"] [data-col="last"]')?.classList.contains('projected') === false, undefined, { timeout: 20_000 });
    expect(await cell('FPT', 'last').textContent()).toBe('121.50');
    // VNM halted: the row and a badge say so.
    await page.waitForFunction(() => (document.querySelector('#board tbody tr[data-symbol="VNM"]') as HTMLElement | null)?.dataset.status === 'STATUS_HALTED', undefined, { timeout: 20_000 });
    expect(await page.locator('#board tbody tr[data-symbol="VNM"] .st-badge').textContent()).toBe('Halted');
    expect(await page.isVisible('#board tbody tr[data-symbol="FPT"] .st-badge')).toBe(false);
    // The recording is over: nothing more from the feed, the server says it is stale.
    await page.waitForFunction(() => !(document.querySelector('#feed-banner') as HTMLElement).hidden, undefined, { timeout: 10_000 });
    expect(await page.textContent('#feed-banner')).toMatch(/Data delayed/);
    expect(await page.evaluate(() => document.body.dataset.feed)).toBe('FEED_STALE');
    expect(await page.isVisible('#banner')).toBe(false); // our own socket is fine
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}board-feed-delayed.png` });
  }, 90_000);
});

describe.skipIf(!haveChromium && !onCi)('board page with auth on (WS_AUTH_TOKEN)', () => {
  const TOKEN = 'board-e2e-token-5f0c2a9d81';
  let browser: Browser | undefined;
  let server: { child: Child; port: number } | undefined;
  const pageErrors: string[] = [];
  const url = (path: string) => `http://127.0.0.1:${server!.port}${path}`;
  const newPage = async () => {
    const context = await browser!.newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  };

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
    server = await startServer(0, 90_000, { WS_AUTH_TOKEN: TOKEN });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server?.child);
    // The token was in links and headers, never in a log line.
    expect(JSON.stringify(server?.child.logs ?? [])).not.toContain(TOKEN);
  });

  it('without a token the page shows the sign-in panel and says the server answered 401; no board, no socket', async () => {
    const page = await newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(url('/'));
    await page.waitForSelector('#signin:not([hidden])', { timeout: 8000 });
    expect(await page.evaluate(() => document.body.dataset.auth)).toBe('missing');
    expect(await page.textContent('#signin-message')).toMatch(/401/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-token');
    expect(await page.locator('#board tbody tr').count()).toBe(0);
    expect(await page.isVisible('#banner')).toBe(false);
    expect(sockets).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}board-signin.png` });
    await page.context().close();
  });

  it('with ?token= it shows the live board, keeps the token for the tab only and takes it out of the address bar', async () => {
    const page = await newPage();
    await page.goto(url(`/?token=${TOKEN}&symbols=FPT,VNM`));
    await page.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length === 2, undefined, { timeout: 10_000 });
    expect(await page.isVisible('#signin')).toBe(false);
    expect(new URL(page.url()).search).toBe('?symbols=FPT,VNM');
    expect(await page.evaluate(() => [sessionStorage.getItem('boardcast.token'), localStorage.getItem('boardcast.token')])).toEqual([TOKEN, null]);
    // A reload in the same tab stays signed in (sessionStorage), with nothing in the URL.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.link === 'live', undefined, { timeout: 10_000 });
    expect(page.url()).not.toContain(TOKEN);
    // Another tab of the same browser profile does not inherit it.
    const other = await page.context().newPage();
    await other.goto(url('/'));
    await other.waitForSelector('#signin:not([hidden])', { timeout: 8000 });
    await page.context().close();
  });

  it('a refused token says so; the sign-in panel takes a good one and the board goes live', async () => {
    const page = await newPage();
    await page.goto(url('/?token=not-the-token'));
    await page.waitForSelector('#signin:not([hidden])', { timeout: 8000 });
    expect(await page.evaluate(() => document.body.dataset.auth)).toBe('refused');
    expect(await page.textContent('#signin-message')).toMatch(/refused.*401/);
    expect(await page.evaluate(() => sessionStorage.getItem('boardcast.token'))).toBeNull(); // a refused token is not kept
    await page.fill('#signin-token', TOKEN);
    await page.press('#signin-token', 'Enter');
    await page.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 10_000 });
    expect(await page.isVisible('#signin')).toBe(false);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});

// The page at the sizes traders use, the symbol detail and responsiveness. A seeded simulation
// on a fast clock (30 market seconds a second) with SQLite history in a temp dir, so a
// symbol has 1-minute candles within seconds.
describe.skipIf(!haveChromium && !onCi)('board page at traders\' screen sizes, with the symbol detail', () => {
  let browser: Browser | undefined;
  let child: Child | undefined;
  let port = 0;
  let dataDir = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'boardcast-e2e-'));
    child = startChild({ SIM_SEED: '7', SIM_START_TIME: '09:20:00', SIM_CLOCK_SPEED: '30', BROADCAST_INTERVAL_MS: '100', DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' });
    const line = await child.waitLog((l) => l.msg === 'boardcast listening', 30_000);
    port = Number(line.port);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(width: number, height: number, touch = false): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width, height }, locale: 'vi-VN', deviceScaleFactor: 1, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 10_000 });
    return page;
  }

  /** Whether the element is what the browser paints at the middle of its box (not covered, not scrolled away). */
  const onTop = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 8), r.top + r.height / 2);
      return r.width > 0 && hit !== null && (hit === el || el.contains(hit));
    });

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const box = document.querySelector('#board-box')!;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, board: box.scrollWidth - box.clientWidth };
    });

  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`${width} × ${height}: no sideways scrolling with the default columns; header row and symbol column stay visible when the board scrolls`, async () => {
      const page = await open(width, height);
      try {
        expect(await page.evaluate(() => document.body.dataset.layout)).toBe('table');
        expect(await overflow(page)).toEqual({ page: 0, board: 0 });
        await page.screenshot({ path: `${ARTIFACTS}board-${width}x${height}.png` });
        // Down: the header rows stay on top of the board.
        await page.$eval('#board-box', (b) => b.scrollTo(0, b.scrollHeight));
        if (await page.$eval('#board-box', (b) => b.scrollHeight > b.clientHeight)) {
          expect(await page.$eval('#board-box', (b) => b.scrollTop)).toBeGreaterThan(0);
          expect(await page.$eval('#board tbody tr:first-child', (tr) => tr.getBoundingClientRect().bottom < document.querySelector('#board-box')!.getBoundingClientRect().top + 44)).toBe(true);
        }
        expect(await onTop(page, '#board thead th[data-col="symbol"]')).toBe(true);
        expect(await onTop(page, '#board thead th[data-col="bid1p"]')).toBe(true);
        // Every optional column on: now the board (not the page) scrolls sideways, and the symbol column stays.
        await page.click('#columns summary');
        for (const box of await page.$$('#column-list input:not(:checked)')) await box.check();
        await page.click('#columns summary');
        await page.waitForFunction(() => document.querySelector<HTMLElement>('#board tbody tr [data-col="fRoom"]')?.hidden === false);
        expect((await overflow(page)).page).toBe(0);
        if ((await overflow(page)).board > 0) {
          await page.$eval('#board-box', (b) => b.scrollTo(b.scrollWidth, 0));
          expect(await page.$eval('#board-box', (b) => b.scrollLeft)).toBeGreaterThan(0);
          expect(await onTop(page, '#board tbody tr:nth-child(3) th.k-symbol')).toBe(true);
          expect(await onTop(page, '#board thead th[data-col="symbol"]')).toBe(true);
          await page.screenshot({ path: `${ARTIFACTS}board-${width}x${height}-all-columns.png` });
        }
        // Remembered per browser: a reload keeps the choice.
        await page.reload();
        await page.waitForFunction(() => document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 10_000 });
        expect(await page.$eval('#board tbody tr [data-col="fRoom"]', (c) => (c as HTMLElement).hidden)).toBe(false);
      } finally {
        await page.context().close();
      }
    }, 60_000);
  }

  it('390 × 844 (a phone): the list layout, a compact index strip, tap opens the detail', async () => {
    const page = await open(390, 844, true);
    try {
      expect(await page.evaluate(() => document.body.dataset.layout)).toBe('list');
      expect(await overflow(page)).toEqual({ page: 0, board: 0 });
      const shown = await page.$eval('#board tbody tr', (tr) => [...tr.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => (c as HTMLElement).dataset.col));
      expect(shown).toEqual(['symbol', 'last', 'change', 'changePct', 'totalVol']);
      expect(await page.$eval('#header', (h) => h.getBoundingClientRect().height)).toBeLessThan(200);
      // Colour rules unchanged: a price keeps its direction class in the list.
      expect(await page.$$eval('#board tbody [data-col="last"]', (cs) => cs.some((c) => /\bc-(up|down|ref|ceil|floor)\b/.test(c.className)))).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}board-390x844.png` });
      await page.tap('#board tbody tr:nth-child(2) [data-col="last"]');
      await page.waitForSelector('#detail:not([hidden])', { timeout: 5000 });
      expect((await overflow(page)).page).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}board-390x844-detail.png` });
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('the detail panel draws the 1-minute candles and the tape; type to find, Enter opens, Esc closes', async () => {
    const page = await open(1366, 768);
    try {
      await page.click('#board tbody tr[data-symbol="FPT"] [data-col="last"]');
      await page.waitForSelector('#detail:not([hidden])', { timeout: 5000 });
      expect(await page.getAttribute('#detail', 'data-symbol')).toBe('FPT');
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#detail')!.dataset.candles ?? 0) >= 3, undefined, { timeout: 20_000 });
      expect(await page.$$eval('#detail .dt-chart canvas', (cs) => cs.filter((c) => (c as HTMLCanvasElement).width > 0).length)).toBeGreaterThan(0);
      await page.waitForFunction(() => document.querySelectorAll('#detail .dt-tape tbody tr').length > 0, undefined, { timeout: 20_000 });
      expect(await page.textContent('#detail .dt-buy')).toMatch(/\d+%/);
      await page.screenshot({ path: `${ARTIFACTS}board-detail-1366x768.png` });
      await page.keyboard.press('Escape');
      await page.waitForSelector('#detail', { state: 'hidden', timeout: 2000 });
      // Typing letters moves to the first symbol starting with them; Enter opens it.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.type('ss');
      const focused = await page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.symbol);
      expect(focused).toMatch(/^SS/);
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelector<HTMLElement>('#detail')!.dataset.symbol === s, focused, { timeout: 5000 });
      await page.keyboard.press('Escape');
      await page.waitForSelector('#detail', { state: 'hidden', timeout: 2000 });
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('the open panel\'s tape gets trades from the live trades channel, not by polling history; closing it drops the channel', async () => {
    const page = await open(1366, 768);
    const ticks: string[] = [];
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/ticks')) ticks.push(r.url());
    });
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(typeof f.payload === 'string' ? f.payload : Buffer.from(f.payload).toString('latin1'))));
    try {
      // The page's socket opened before the listener: a reload puts the listener first.
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length === 30, undefined, { timeout: 10_000 });
      expect(sent.some((m) => m.includes('trades'))).toBe(false); // not asked for while the panel is shut
      await page.click('#board tbody tr[data-symbol="HPG"] [data-col="last"]');
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#detail')!.dataset.liveTrades ?? 0) > 0, undefined, { timeout: 20_000 });
      await page.waitForFunction(() => document.querySelectorAll('#detail .dt-tape tbody tr').length > 0, undefined, { timeout: 10_000 });
      expect(sent.some((m) => m.includes('trades') && m.includes('candles'))).toBe(true);
      // History asked once, when the panel opened; the tape then grows from the socket.
      expect(ticks).toHaveLength(1);
      const shown = Number(await page.getAttribute('#detail', 'data-live-trades'));
      await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#detail')!.dataset.liveTrades ?? 0) > n, shown, { timeout: 20_000 });
      expect(ticks).toHaveLength(1);
      const asked = sent.length;
      await page.keyboard.press('Escape');
      await page.waitForSelector('#detail', { state: 'hidden', timeout: 2000 });
      // The unsubscribe goes out with the close.
      await expect.poll(() => sent.slice(asked).some((m) => m.includes('trades')), { timeout: 3000 }).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  // The page's main-thread cost is a figure for `npm run bench:page` (a timed assertion flakes
  // on a busy machine); what keeps it low is asserted here, deterministically: over N frames
  // with the panel open, the table's DOM writes are text changes of cells of rows whose data
  // changed in those frames (the SDK shares an unchanged row's object between boards), no row
  // is added, removed or rebuilt, and the chart is updated in place, never re-created.
  it('at 10 frames a second with the panel open: only changed cells of changed rows are written, no rows rebuilt, the chart updated in place', async () => {
    const page = await open(1366, 768);
    try {
      await page.click('#board tbody tr[data-symbol="HPG"] [data-col="last"]');
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#detail')!.dataset.candles ?? 0) >= 1, undefined, { timeout: 20_000 });
      const result = await page.evaluate(
        (want) =>
          new Promise<{ frames: number; draws: number; written: number; sameText: number; outsideChanged: string[]; rowOps: number; maxPerDraw: number; cells: number; rowsKept: boolean; canvasKept: boolean; charts: string | undefined; chartUpdates: [number, number] }>((resolve) => {
            type S = { symbol: string };
            const bc = (window as unknown as { boardcast: { client: { on(ev: 'board', fn: (e: { board: { symbols: S[] } }) => void): () => void; board?: { symbols: S[] } } } }).boardcast;
            const tbody = document.querySelector<HTMLTableSectionElement>('#board tbody')!;
            const detail = document.querySelector<HTMLElement>('#detail')!;
            const rowsBefore = [...tbody.rows];
            const canvas = detail.querySelector('.dt-chart canvas');
            const chartUpdates0 = Number(detail.dataset.chartUpdates ?? 0);
            let prev = new Map((bc.client.board?.symbols ?? []).map((x) => [x.symbol, x] as const));
            let changed = new Set<string>();
            let frames = 0;
            let draws = 0;
            let written = 0;
            let sameText = 0;
            let rowOps = 0;
            let maxPerDraw = 0;
            const outsideChanged: string[] = [];
            const off = bc.client.on('board', (e) => {
              frames++;
              for (const x of e.board.symbols) if (prev.get(x.symbol) !== x) changed.add(x.symbol);
              prev = new Map(e.board.symbols.map((x) => [x.symbol, x] as const));
            });
            // Delivered after each drawing task (a microtask): every board before it has been drawn.
            // A board that arrived before this script may be drawn after it: the first drawing is
            // only the starting line; from then on every drawing follows boards seen here.
            let primed = false;
            const obs = new MutationObserver((list) => {
              if (!primed) {
                primed = true;
                changed = new Set();
                return;
              }
              let n = 0;
              for (const m of list) {
                if (m.type === 'childList') {
                  rowOps += m.addedNodes.length + m.removedNodes.length;
                  continue;
                }
                if (m.type !== 'characterData') continue;
                const cell = m.target.parentElement?.closest('td, th') as HTMLElement | null;
                const symbol = cell?.closest('tr')?.dataset.symbol ?? '?';
                n++;
                if (m.oldValue === m.target.nodeValue) sameText++;
                if (!changed.has(symbol)) outsideChanged.push(`${symbol}/${cell?.dataset.col}`);
              }
              if (n > 0) draws++;
              written += n;
              maxPerDraw = Math.max(maxPerDraw, n);
              changed = new Set();
              if (frames < want) return;
              obs.disconnect();
              off();
              resolve({
                frames,
                draws,
                written,
                sameText,
                outsideChanged,
                rowOps,
                maxPerDraw,
                cells: tbody.querySelectorAll('td:not([hidden]), th:not([hidden])').length,
                rowsKept: rowsBefore.length === tbody.rows.length && rowsBefore.every((r, i) => r === tbody.rows[i]),
                canvasKept: canvas !== null && canvas.isConnected,
                charts: detail.dataset.charts,
                chartUpdates: [chartUpdates0, Number(detail.dataset.chartUpdates ?? 0)],
              });
            });
            obs.observe(tbody, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
          }),
        50,
      );
      expect(result.frames).toBeGreaterThanOrEqual(50);
      expect(result.draws).toBeGreaterThan(0); // the market moved: cells were written
      expect(result.sameText).toBe(0); // no cell rewritten with the text it had
      expect(result.outsideChanged).toEqual([]); // only rows whose data changed
      expect(result.rowOps).toBe(0); // no row added, removed or rebuilt (the sort is off)
      expect(result.rowsKept).toBe(true);
      expect(result.maxPerDraw).toBeLessThan(result.cells); // never the whole table
      // The chart: one, kept (same canvas), updated in place when the candle changed.
      expect(result.canvasKept).toBe(true);
      expect(result.charts).toBe('1');
      await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#detail')!.dataset.chartUpdates ?? 0) > n, result.chartUpdates[1], { timeout: 20_000 });
      expect(await page.getAttribute('#detail', 'data-charts')).toBe('1');
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});

// The whole market (UNIVERSE=all): exchange / basket tabs, a search over the universe, and a
// board of hundreds of rows of which only those in view are in the DOM (virtualised rows).
describe.skipIf(!haveChromium && !onCi)('board page over the whole market (UNIVERSE=all)', () => {
  let browser: Browser | undefined;
  let child: Child | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  type Bc = { boardcast: { table: { size: number; drawnRows: number }; client: { board?: { symbols: { symbol: string }[] } }; boards: string[] } };

  beforeAll(async () => {
    child = startChild({ ...SERVER_ENV, UNIVERSE: 'all', PORT: '0' });
    const line = await child.waitLog((l) => l.msg === 'boardcast listening', 60_000);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', deviceScaleFactor: 1 })).newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`http://127.0.0.1:${Number(line.port)}/?board=UPCOM`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(child);
  });

  /** The board's symbols in the table's default order (by symbol). */
  const symbolsOnBoard = () => page.evaluate(() => ((window as unknown as Bc).boardcast.client.board?.symbols.map((s) => s.symbol) ?? []).sort((a, b) => a.localeCompare(b)));
  const domSymbols = () => page.$$eval('#board tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.symbol!));

  it('a board of hundreds of rows: only the rows in view are in the DOM, scrolling brings later symbols', async () => {
    await page.waitForFunction(() => document.body.dataset.link === 'live' && (window as unknown as Bc).boardcast.table.size > 500, undefined, { timeout: 20_000 });
    const tabs = await page.$$eval('#board-tabs button', (bs) => bs.map((b) => [b.textContent, b.getAttribute('aria-selected')]));
    expect(tabs.map(([name]) => name)).toEqual(expect.arrayContaining(['VN30', 'HOSE', 'HNX', 'UPCOM']));
    expect(tabs.find(([name]) => name === 'UPCOM')?.[1]).toBe('true');
    const all = await symbolsOnBoard();
    const drawn = await domSymbols();
    // 768 px of screen hold about 25 rows of 22 px: the DOM has those and a few either side.
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn).toEqual(all.slice(0, drawn.length));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    // The scroll box is as tall as every row: its end shows the board's last symbols.
    await page.$eval('#board-box', (b) => b.scrollTo(0, b.scrollHeight));
    const last = all.at(-1)!;
    await page.waitForSelector(`#board tbody tr[data-symbol="${last}"]`, { timeout: 5000 });
    const later = await domSymbols();
    expect(later.length).toBeLessThan(60);
    expect(later).not.toContain(all[0]);
    expect(await page.$eval('#board thead th[data-col="symbol"]', (el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 8, r.top + r.height / 2);
      return hit !== null && el.contains(hit);
    })).toBe(true);
    // Scrolling back up puts the first rows back.
    await page.$eval('#board-box', (b) => b.scrollTo(0, 0));
    await page.waitForSelector(`#board tbody tr[data-symbol="${all[0]}"]`, { timeout: 5000 });
    await page.screenshot({ path: `${ARTIFACTS}board-upcom-1366x768.png` });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('tabs switch the named board on the same socket, its rows in view update; the search opens any symbol, adding one off the board to the watchlist view', async () => {
    const upcom = await symbolsOnBoard();
    await page.click('#board-tabs button[data-board="HOSE"]');
    await page.waitForFunction((u) => {
      const s = (window as unknown as Bc).boardcast.client.board?.symbols ?? [];
      return s.length > 200 && !s.some((x) => x.symbol === u);
    }, upcom[0], { timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('board')).toBe('HOSE');
    expect(await page.getAttribute('#board-tabs button[data-board="HOSE"]', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as Bc).boardcast.table.drawnRows)).toBeLessThan(60);
    // The rows in view are live (HOSE's first rows by symbol include VN30 names; most UPCoM names trade rarely).
    const before = await page.$eval('#board tbody', (b) => b.textContent);
    await page.waitForFunction((b) => document.querySelector('#board tbody')!.textContent !== b, before, { timeout: 15_000 });
    // A HOSE symbol far down the board: the search scrolls to it and opens it.
    const hose = await symbolsOnBoard();
    const far = hose[hose.length - 3]!;
    await page.fill('#search-input', far.toLowerCase());
    await page.press('#search-input', 'Enter');
    await page.waitForFunction((s) => document.querySelector<HTMLElement>('#detail')!.dataset.symbol === s, far, { timeout: 5000 });
    expect(await page.$(`#board tbody tr[data-symbol="${far}"]`)).not.toBeNull();
    await page.keyboard.press('Escape');
    // An UPCoM symbol is not on HOSE: it joins the watchlist and the watchlist view shows it.
    const off = upcom[upcom.length - 1]!;
    await page.fill('#search-input', off);
    await page.press('#search-input', 'Enter');
    await page.waitForFunction((s) => document.querySelector<HTMLElement>('#detail')!.dataset.symbol === s, off, { timeout: 5000 });
    await page.waitForSelector(`#board tbody tr[data-symbol="${off}"]`, { timeout: 10_000 });
    expect(await page.isChecked('#watch-only')).toBe(true);
    await page.keyboard.press('Escape');
    // Back to a board from the watchlist view.
    await page.click('#board-tabs button[data-board="VN30"]');
    await page.waitForFunction(() => ((window as unknown as Bc).boardcast.client.board?.symbols.length ?? 0) === 30, undefined, { timeout: 10_000 });
    expect(await page.isChecked('#watch-only')).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
