// bench:page — what the board page costs the browser's main thread at 10 frames a second.
// Starts its own server (seeded simulator on a fast clock, SQLite history in a temp dir) on a
// free loopback port and Debian's Chromium (playwright-core), opens the page at a trader's
// laptop size and measures two windows of the same length in the same run: the board alone
// (the baseline) and the board with the symbol detail panel open (chart + tape). For each:
// PerformanceObserver long tasks (count, max), and the CDP Performance domain's task,
// script, layout and style-recalc time per second. Prints the figures, the ratio of the
// panel window to the baseline, and one JSON line.
//
//   npm run bench:page [-- --seconds 10 --width 1366 --height 768 --universe all --board HOSE --hide '#header']
// Timed figures belong here, not in `npm test` (issue 16: a busy CI machine flakes them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { haveChromium, launchChromium } from '../test/helpers/chromium.js';
import { startChildServer } from './lib/child-server.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    width: { type: 'string', default: '1366' },
    height: { type: 'string', default: '768' },
    universe: { type: 'string', default: 'vn30' },
    board: { type: 'string' },
    symbol: { type: 'string', default: 'HPG' },
    /** Diagnosis: hide parts of the page (a CSS selector) to see what their updates cost. */
    hide: { type: 'string' },
    /** threadTicks: CPU time of the main thread (default; steadier on a shared machine); timeTicks: wall time. */
    'time-domain': { type: 'string', default: 'threadTicks' },
  },
});
const SECONDS = Number(args.seconds);

interface Window {
  frames: number;
  longTasks: number;
  longTaskMaxMs: number;
  /** Main-thread ms per second, from CDP Performance.getMetrics. */
  taskMsPerS: number;
  scriptMsPerS: number;
  layoutMsPerS: number;
  styleMsPerS: number;
  layoutsPerS: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** One measuring window: the page observes long tasks and counts frames while CDP time is sampled around it. */
async function measure(page: Page, cdp: CDPSession, seconds: number): Promise<Window> {
  const before = await metrics(cdp);
  const inPage = await page.evaluate(
    (ms) =>
      new Promise<{ longTasks: number[]; frames: number }>((resolve) => {
        const longTasks: number[] = [];
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(e.duration);
        });
        obs.observe({ type: 'longtask' });
        const client = (window as unknown as { boardcast: { client: { on(ev: 'board', fn: () => void): () => void } } }).boardcast.client;
        let frames = 0;
        const off = client.on('board', () => frames++);
        setTimeout(() => {
          obs.disconnect();
          if (typeof off === 'function') off();
          resolve({ longTasks, frames });
        }, ms);
      }),
    seconds * 1000,
  );
  const after = await metrics(cdp);
  const per = (name: string) => ((after[name]! - before[name]!) * 1000) / seconds;
  return {
    frames: inPage.frames,
    longTasks: inPage.longTasks.length,
    longTaskMaxMs: Math.round(Math.max(0, ...inPage.longTasks)),
    taskMsPerS: Math.round(per('TaskDuration')),
    scriptMsPerS: Math.round(per('ScriptDuration')),
    layoutMsPerS: Math.round(per('LayoutDuration')),
    styleMsPerS: Math.round(per('RecalcStyleDuration')),
    layoutsPerS: Math.round((after.LayoutCount! - before.LayoutCount!) / seconds),
  };
}

function line(name: string, w: Window): string {
  return `${name.padEnd(22)} frames ${String(w.frames).padStart(4)}  long tasks ${w.longTasks} (max ${w.longTaskMaxMs} ms)  main thread ${w.taskMsPerS} ms/s  script ${w.scriptMsPerS}  layout ${w.layoutMsPerS} (${w.layoutsPerS}/s)  style ${w.styleMsPerS} ms/s`;
}

async function main(): Promise<void> {
  if (!haveChromium) throw new Error('bench:page needs Debian\'s chromium at /usr/bin/chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'boardcast-bench-page-'));
  const server = await startChildServer({
    SIM_SEED: '7',
    SIM_START_TIME: '09:20:00',
    SIM_CLOCK_SPEED: '30',
    BROADCAST_INTERVAL_MS: '100',
    UNIVERSE: args.universe!,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'info', // the 'listening' line is info
    SHUTDOWN_TIMEOUT_MS: '5000',
  }, { label: 'bench:page', timeoutMs: 60_000 }).catch(async (err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const browser = await launchChromium();
  try {
    const width = Number(args.width);
    const height = Number(args.height);
    const page = await (await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', deviceScaleFactor: 1 })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.http}/${args.board ? `?board=${args.board}` : ''}`);
    await page.waitForFunction(() => document.body.dataset.link === 'live' && document.querySelectorAll('#board tbody tr').length > 0, undefined, { timeout: 20_000 });
    const rows = await page.evaluate(() => (window as unknown as { boardcast: { table: { size: number } } }).boardcast.table.size);
    const domRows = await page.locator('#board tbody tr').count();
    // Through the CSSOM: the page's CSP refuses an injected <style>.
    if (args.hide) await page.$$eval(args.hide, (els) => {
        for (const el of els) (el as HTMLElement).style.setProperty('display', 'none', 'important');
      });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: args['time-domain'] === 'timeTicks' ? 'timeTicks' : 'threadTicks' });
    await page.waitForTimeout(1000); // settle: fonts, first FULL, the first flashes
    const board = await measure(page, cdp, SECONDS);
    // The panel on the asked symbol, or (not on this board) the board's most traded one: it has candles.
    const symbol = await page.evaluate((want) => {
      const s = (window as unknown as { boardcast: { client: { board?: { symbols: { symbol: string; totalVolume: number }[] } } } }).boardcast.client.board?.symbols ?? [];
      return s.some((x) => x.symbol === want) ? want : [...s].sort((a, b) => b.totalVolume - a.totalVolume)[0]?.symbol ?? want;
    }, args.symbol!);
    await page.evaluate((sym) => (window as unknown as { boardcast: { table: { focusSymbol(s: string): boolean } } }).boardcast.table.focusSymbol(sym), symbol);
    await page.click(`#board tbody tr[data-symbol="${symbol}"] [data-col="last"]`);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#detail')!.dataset.candles ?? 0) >= 1, undefined, { timeout: 30_000 });
    await page.waitForTimeout(1000);
    const panel = await measure(page, cdp, SECONDS);
    const ratio = board.taskMsPerS > 0 ? panel.taskMsPerS / board.taskMsPerS : NaN;
    console.log(`bench:page — ${width}×${height}, UNIVERSE=${args.universe}${args.board ? `, board ${args.board}` : ''}: ${rows} rows on the board, ${domRows} in the DOM, panel on ${symbol}; ${SECONDS} s windows at 10 frames/s`);
    console.log(line('board (baseline)', board));
    console.log(line('board + detail panel', panel));
    console.log(`panel / baseline main-thread time: ${ratio.toFixed(2)}×${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
    console.log(JSON.stringify({ bench: 'page', timeDomain: args['time-domain'], width, height, universe: args.universe, board: args.board ?? null, symbol, rows, domRows, seconds: SECONDS, baseline: board, panel, ratio: Number(ratio.toFixed(3)), errors }));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
