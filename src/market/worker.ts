// The market worker thread: owns the feed, the normalizer and the processor (all market
// state), and runs the frame loop. Talks to the main thread only through messages.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../log.js';
import { LogLimiter } from '../log-limiter.js';
import type { MainToWorker, WorkerStartup, WorkerToMain } from '../messages.js';
import type { SnapshotProps } from '../wire/proto.js';
import type { FeedEvent } from './events.js';
import { createFeed } from './feed/create-feed.js';
import type { FeedStatus, RawFeedMessage } from './feed/feed.js';
import { feedHealth } from './feed/feed-health.js';
import { FrameLoop } from './frame-loop.js';
import { MarketClock } from './market-clock.js';
import { Normalizer } from './normalizer.js';
import { MarketProcessor } from './processor/processor.js';
import { HistoryTap } from './history-tap.js';
import { AlertEngine, DEFAULT_ALERT_SETTINGS, type AlertRecord } from './alerts/engine.js';
import { AlertQueue } from './alerts/alert-queue.js';
import { CandleBook } from './candles/candle-book.js';
import { TradeTape } from './trade-tape.js';
import { universe } from './rules/universe.js';

if (!parentPort) throw new Error('the market worker must run in a worker thread');
const port = parentPort;
const startup = workerData as WorkerStartup;
const log = createLogger(startup.logLevel, { thread: 'market', epoch: startup.epoch });
const limiter = new LogLimiter();
const post = (msg: WorkerToMain, transfer?: ArrayBuffer[]) => port.postMessage(msg, transfer);

const normalizer = new Normalizer({
  onReject: (err, raw) =>
    limiter.run(`reject:${err.context.reason}`, (suppressed) =>
      log.warn({ code: err.code, reason: err.context.reason, field: err.context.field, rtype: (raw as RawFeedMessage | null)?.RType, suppressed }, err.message),
    ),
});
const feed = await createFeed(startup, log);
// The board's phases follow the exchange calendar on this clock while the feed is quiet.
const clock = new MarketClock({ rate: feed.clockRate ?? 1, wallIsMarket: feed.realTime });
let feedStatus: FeedStatus = { state: 'connecting' };
let processor: MarketProcessor | undefined;
// Messages that arrive while the feed is still starting wait here for the processor.
const early: FeedEvent[] = [];
let applyErrors = 0;
// History: accepted rows go to the writer thread on the tap's own timer, off the frame loop.
const history = startup.history
  ? new HistoryTap({ channel: startup.history.channel, epoch: startup.epoch, flushMs: startup.history.flushMs, processor: () => processor })
  : undefined;

// Alerts: the engine checks every board the frame loop builds, and on its own timer while
// no frames are built (nobody connected), so alerts are raised and stored regardless.
const alertEngine = new AlertEngine(startup.alerts?.settings ?? DEFAULT_ALERT_SETTINGS);
const alertQueue = new AlertQueue(startup.alerts?.replay ?? 20);
let alertsCheckedAt = 0;

function checkAlerts(snapshot: SnapshotProps): void {
  alertsCheckedAt = Date.now();
  let raised: AlertRecord[];
  try {
    raised = alertEngine.check(snapshot);
  } catch (err) {
    limiter.run('alerts', (suppressed) => log.error({ err, suppressed }, 'alert engine failed'));
    return;
  }
  if (raised.length === 0) return;
  alertQueue.push(raised);
  history?.recordAlerts(raised);
  for (const a of raised) log.debug({ alert: a.id, severity: a.severity }, a.message);
}

// The live channels: the trade tape and the 1-minute candles, fed by the processor's
// accepted trades (onTrade) and accepted index points, read once per frame.
const tape = new TradeTape(startup.tradesReplay);
const candles = new CandleBook();

function apply(ev: FeedEvent): void {
  if (!processor) {
    early.push(ev);
    return;
  }
  try {
    if (processor.apply(ev)) {
      clock.observe(ev.timeMs);
      history?.record(ev);
      if (ev.type === 'index') candles.onIndex(ev);
    }
  } catch (err) {
    // A processor bug on one message must not take the board down; count and log it.
    applyErrors++;
    limiter.run('apply', (suppressed) => log.error({ err, symbol: 'symbol' in ev ? ev.symbol : ev.id, type: ev.type, suppressed }, 'processor failed on a feed event'));
  }
}

/**
 * The adapter's own counters plus the normalizer's rejections by reason code (a fixed set)
 * and unknown message types in one sum (upstream names them, so they are not labels).
 */
function feedCounters(): Record<string, number> {
  const out: Record<string, number> = { ...feed.status().counters, processor_errors: applyErrors, unknown_rtype: 0 };
  for (const [reason, n] of Object.entries(normalizer.rejected)) out[`rejected_${reason}`] = n;
  for (const n of Object.values(normalizer.unknownType)) out.unknown_rtype! += n;
  return out;
}

/** The board with the feed's health as of now (the adapter's own status: it holds the last message time). */
function board(): SnapshotProps {
  const snapshot = { ...processor!.snapshot(clock.now()), feed: feedHealth(feed.status(), Date.now(), startup.feedStaleMs) };
  checkAlerts(snapshot);
  return snapshot;
}

const loop = new FrameLoop({
  epoch: startup.epoch,
  intervalMs: startup.intervalMs,
  keyframeEvery: startup.keyframeEvery,
  clients: startup.clients,
  build: board,
  lists: (snapshot) => {
    const trades = tape.drain();
    const c = candles.frame(snapshot.marketTimeMs ?? 0);
    const alerts = alertQueue.drain();
    return {
      full: { lists: { trades, candles: c.all, alerts: alerts.since }, replay: { trades: tape.replay(), alerts: alerts.replay } },
      delta: { trades, candles: c.changed, alerts: alerts.since },
    };
  },
  post,
  heartbeat: () => ({ feed: { ...feedStatus, counters: feedCounters() }, feedAccepted: normalizer.accepted, feedRejected: normalizer.rejectedTotal + applyErrors }),
  log,
});

port.on('message', async (msg: MainToWorker) => {
  switch (msg.type) {
    case 'clients':
      loop.setClients(msg.clients);
      break;
    case 'stop-loop':
      loop.stop();
      post({ type: 'loop-stopped' });
      break;
    case 'shutdown':
      loop.stop();
      try {
        await feed.stop();
      } catch (err) {
        log.warn({ err }, 'feed did not stop cleanly');
      }
      // Every accepted row goes to the writer before the main thread flushes and closes it.
      if (history && !(await history.end(2000))) log.warn('history writer did not acknowledge the last rows');
      post({ type: 'shutdown-done', tradesAccepted: processor?.acceptedTrades ?? 0, historyTicks: history?.ticks });
      break;
  }
});

await feed.start({
  onMessage: (raw) => {
    const ev = normalizer.accept(raw);
    if (ev) apply(ev);
  },
  onStatus: (status) => {
    if (status.state !== feedStatus.state) log.info({ feed: feed.name, state: status.state, lastError: status.lastError }, 'feed state');
    feedStatus = status;
  },
});
feedStatus = feed.status();
// The universe's indices and boards; a symbol it does not list (EXTRA_SYMBOLS) trades on HOSE's timetable.
const market = universe(startup.universe ?? 'vn30');
const exchangeOf = (symbol: string) => feed.exchangeOf?.(symbol) ?? market.exchangeOf(symbol);
processor = new MarketProcessor({
  basket: feed.basket(),
  indexIds: [...market.indexIds],
  exchangeOf,
  onTrade: (t) => {
    tape.add(t);
    candles.onTrade(t);
  },
});
for (const ev of early.splice(0)) apply(ev);
log.info({ feed: feed.name, symbols: feed.basket().length, intervalMs: startup.intervalMs }, 'market worker started');
post({ type: 'ready', epoch: startup.epoch, basket: feed.basket(), ...(feed.boards ? { boards: feed.boards() } : {}) });
loop.start();
history?.start();
setInterval(() => {
  if (Date.now() - alertsCheckedAt >= startup.intervalMs) checkAlerts(processor!.snapshot(clock.now()));
}, startup.intervalMs).unref();
