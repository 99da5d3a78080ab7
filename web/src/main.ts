// The board page: a BoardClient over /ws (protobuf) feeding the table and the header.
// Frames are only recorded as they arrive; drawing happens once per animation frame with
// the latest board, so at 10 frames/s (or a burst after a stall) the page never draws a
// board twice or one that is already stale.
import { BoardClient, type Board, type StateEvent } from '@boardcast/client';
import { authHeaders, authProblem, forgetToken, saveToken, takeToken, type AuthProblem } from './auth.js';
import { BACKGROUND, PALETTE, SURFACE } from './colors.js';
import { AlertList } from './alerts.js';
import { COLUMNS } from './columns.js';
import { loadPrefs, OPTIONAL_COLUMNS, savePrefs, setColumn, visibleColumns } from './column-prefs.js';
import { DetailPanel } from './detail.js';
import { tradeFromChannel } from './detail-data.js';
import { boardFormat, formatLatency } from './format.js';
import { Header, setField } from './header.js';
import { applyLabels, isLabelKey, linkLabel, t, type Lang, type LinkState } from './i18n.js';
import { BoardTable } from './table.js';
import { Typeahead } from './typeahead.js';
import { loadWatchlist, parseSymbolList, saveWatchlist, viewChange } from './watchlist.js';
import './styles.css';

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

// ---- access token (when the server asks for one) -----------------------------------------
const tabStorage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
})();
const { token, cleanUrl } = takeToken(location.href, tabStorage);
if (cleanUrl !== undefined) history.replaceState(history.state, '', cleanUrl); // the token never stays in the address bar
let signedOut: AuthProblem | undefined;

// ---- palette: one source (colors.ts), copied into CSS custom properties -------------------
const rootStyle = document.documentElement.style;
for (const [name, value] of Object.entries(PALETTE)) rootStyle.setProperty(`--${name}`, value);
rootStyle.setProperty('--bg', BACKGROUND);
rootStyle.setProperty('--surface', SURFACE);

// ---- language -----------------------------------------------------------------------------
const storedLang = storage?.getItem('boardcast.lang');
let lang: Lang = storedLang === 'en' || storedLang === 'vi' ? storedLang : navigator.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';

// ---- watchlist ----------------------------------------------------------------------------
const watch = loadWatchlist(storage);
const params = new URLSearchParams(location.search);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
/** GET /api/universe with the token: the universe and its named boards, or the 401 that says the token is missing or refused. */
async function askBasket(): Promise<{ symbols: string[]; boards: string[]; auth?: AuthProblem }> {
  try {
    const r = await fetch('/api/universe', { headers: authHeaders(token), signal: AbortSignal.timeout(3000) });
    const body = (await r.json().catch(() => ({}))) as { symbols?: unknown; boards?: unknown };
    const auth = authProblem(r.status, body);
    if (auth) return { symbols: [], boards: [], auth };
    if (!r.ok) return { symbols: [], boards: [] };
    const symbols = Array.isArray(body.symbols) ? strings(body.symbols.map((e: unknown) => (e as { symbol?: unknown } | null)?.symbol)) : [];
    const boards = body.boards && typeof body.boards === 'object' ? Object.keys(body.boards) : [];
    return { symbols, boards };
  } catch {
    return { symbols: [], boards: [] }; // the server is down: the socket's reconnect loop takes it from here
  }
}
/** The basket, asked once before connecting: the server refuses a watchlist naming anything else. */
const firstAsk = await askBasket();
const basket: string[] = firstAsk.symbols;
if (params.has('symbols')) {
  // A link with ?symbols=FPT,VNM opens that watchlist, filtered.
  watch.symbols = parseSymbolList(params.get('symbols') ?? '', basket);
  watch.only = watch.symbols.length > 0;
} else if (basket.length > 0) watch.symbols = watch.symbols.filter((s) => basket.includes(s));
// Without a basket (the server was down at load) a stored watchlist could name a symbol the
// server refuses; the page then starts on the whole board and the filter applies on a click.
if (basket.length === 0) watch.only = false;
/** The symbol set the server sends us; null = the whole board (or the named board). */
let serverView: Set<string> | null = watch.only && watch.symbols.length > 0 ? new Set(watch.symbols) : null;
/**
 * Named boards (tabs) when the universe is wider than VN30 (UNIVERSE=hose|all); with one
 * board the page shows the whole board as before (EXTRA_SYMBOLS included).
 */
const boards = firstAsk.boards;
const multiBoard = boards.length > 1;
const askedBoard = (params.get('board') ?? '').toUpperCase();
let currentBoard = boards.includes(askedBoard) ? askedBoard : boards.includes('VN30') ? 'VN30' : (boards[0] ?? '');
/** The socket's query for a view: a watchlist, a named board, or (one board) the whole board. */
function viewQuery(view: Set<string> | null): Record<string, string> {
  const q: Record<string, string> = token ? { token } : {};
  if (view) q.symbols = [...view].join(',');
  else if (multiBoard) q.board = currentBoard;
  return q;
}

// ---- rendering state ----------------------------------------------------------------------
let board: Board | undefined;
let latencyMs = NaN;
let link: LinkState = 'connecting';
let reconnectInfo = '';
/** The server says its upstream feed is not live (stale, reconnecting or failed). */
let feedDelayed = false;
let dirty = false;
let rafId = 0;

const header = new Header($('#header'));
let prefs = loadPrefs(storage);
const table = new BoardTable(
  $<HTMLTableElement>('#board'),
  {
    isWatched: (s) => watch.symbols.includes(s),
    onToggleWatch: (s) => {
      watch.symbols = watch.symbols.includes(s) ? watch.symbols.filter((x) => x !== s) : [...watch.symbols, s];
      watchlistChanged();
      table.refreshStar(s);
    },
    onSort: () => schedule(),
    onOpen: (s) => openDetail(s),
    onViewport: () => schedule(),
  },
  lang,
);
table.setFormat(boardFormat(prefs.units));
table.setVisible(visibleColumns(prefs));

// ---- symbol detail and alerts -------------------------------------------------------------
/** Where focus goes back to when the panel closes: the row that opened it. */
let detailOpener: HTMLElement | null = null;
const detail = new DetailPanel(
  $('#detail'),
  {
    getJson: async (path, signal) => {
      const r = await fetch(path, { headers: authHeaders(token), signal });
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json();
    },
    marketTime: () => board?.marketTimeMs ?? 0,
    onClose: () => {
      detailOpener?.focus({ preventScroll: true });
      detailOpener = null;
      setLiveChannels(false);
    },
  },
  boardFormat(prefs.units),
  lang,
);
function openDetail(symbol: string): void {
  const active = document.activeElement;
  if (!detail.isOpen) detailOpener = active instanceof HTMLElement && active !== document.body ? active : null;
  detail.open(symbol, board?.symbols.find((x) => x.symbol === symbol));
  setLiveChannels(true);
  applyLabels($('#detail'), lang);
}
/**
 * The `trades` and `candles` channels carry every symbol of the view: asked for only while
 * the panel is open (a subscribe / unsubscribe on the socket, kept across reconnects by the
 * SDK), and what arrives for other symbols is dropped.
 */
let liveChannels = false;
function setLiveChannels(on: boolean): void {
  if (on === liveChannels) return;
  liveChannels = on;
  if (on) client.subscribe(['trades', 'candles']);
  else client.unsubscribe(['trades', 'candles']);
  detail.setLive('trades', on);
  detail.setLive('candles', on);
}
const alerts = new AlertList($('#alerts'), { isWatched: (s) => watch.symbols.includes(s), onSymbol: (s) => openDetail(s), storage }, lang);
alerts.setWatchOnly(watch.only);

const client = new BoardClient({
  urls: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  format: 'proto',
  query: viewQuery(serverView),
  backoff: { initialMs: 250, maxMs: 5000 },
});

client.on('board', (ev) => {
  board = ev.board;
  latencyMs = Date.now() - ev.producedAtUs / 1000;
  if (link !== 'live') setLink('live');
  schedule();
});
client.on('state', (ev: StateEvent) => {
  if (signedOut) return;
  // A browser sees a refused upgrade (HTTP 401) only as a closed socket: ask REST whether the
  // token is the reason (an expired JWT, a revoked token) before trying again.
  if (ev.state === 'reconnecting') void askBasket().then((a) => a.auth && signIn(a.auth));
  if (ev.state === 'reconnecting') reconnectInfo = ev.delayMs !== undefined ? ` (${(ev.delayMs / 1000).toFixed(1)} s)` : '';
  // 'open' becomes 'live' with the first board on this socket.
  setLink(ev.state === 'open' && link === 'live' && client.board ? 'live' : ev.state);
});
client.on('feed', (ev) => {
  feedDelayed = ev.state !== 'FEED_LIVE' && ev.state !== 'FEED_STATE_UNSPECIFIED';
  document.body.dataset.feed = ev.state;
  schedule();
});
client.on('error', (err) => console.warn(`[boardcast] ${err.code}: ${err.message}`));
// Alerts are few: always asked for, by a subscribe (replayed on every socket) rather than the
// query, so a token whose channels leave them out gets an error frame, not a refused socket.
client.subscribe(['alerts']);
client.on('alert', (a) => alerts.applyAlert(a));
client.on('trade', (tr) => {
  if (tr.symbol === detail.symbol) detail.applyLiveTrade(tradeFromChannel(tr));
});
client.on('candle', (c) => {
  if (c.symbol === detail.symbol) detail.applyLiveCandle(c);
});

/** The server wants a (another) token: stop connecting, say why, show the sign-in panel. */
function signIn(problem: AuthProblem): void {
  signedOut = problem;
  client.close();
  if (problem !== 'missing') forgetToken(tabStorage); // a refused token is not offered again
  document.body.dataset.auth = problem;
  setLink('closed');
  const panel = $('#signin');
  panel.hidden = false;
  relabel();
  $<HTMLInputElement>('#signin-token').focus();
}
$<HTMLFormElement>('#signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = $<HTMLInputElement>('#signin-token').value.trim();
  if (!value) return;
  saveToken(tabStorage, value);
  location.reload(); // start over with the token: basket, socket, watchlist
});

function setLink(state: LinkState): void {
  link = state;
  const stale = state === 'reconnecting' || state === 'closed' || state === 'connecting';
  document.body.classList.toggle('stale', stale && board !== undefined);
  document.body.dataset.link = state;
  schedule();
}

function schedule(): void {
  dirty = true;
  if (rafId === 0) rafId = requestAnimationFrame(draw);
}

function draw(): void {
  rafId = 0;
  if (!dirty) return;
  dirty = false;
  if (board) {
    table.render(board.symbols);
    table.ensureTabStop();
    if (detail.symbol) detail.update(board.symbols.find((x) => x.symbol === detail.symbol));
    header.render(board, lang);
  }
  $('#waiting').hidden = board !== undefined || signedOut !== undefined;
  setField($('#latency'), board ? formatLatency(latencyMs) : '—');
  $('#latency').dataset.ms = Number.isFinite(latencyMs) ? String(Math.round(latencyMs)) : '';
  const pill = $('#link');
  setField(pill, linkLabel(link, lang) + (link === 'reconnecting' ? reconnectInfo : ''));
  pill.className = `link link-${link}`;
  $('#banner').hidden = !document.body.classList.contains('stale') || signedOut !== undefined;
  // Our socket down says more than the server's feed: one banner at a time.
  $('#feed-banner').hidden = !(feedDelayed && $('#banner').hidden && signedOut === undefined);
  const hint = $('#watch-hint');
  hint.hidden = !(watch.only && watch.symbols.length === 0);
  setField($('#watch-count'), `(${watch.symbols.length})`);
}

// ---- watchlist wiring ---------------------------------------------------------------------
const onlyBox = $<HTMLInputElement>('#watch-only');
onlyBox.checked = watch.only;
onlyBox.addEventListener('change', () => {
  watch.only = onlyBox.checked;
  alerts.setWatchOnly(watch.only);
  watchlistChanged();
  drawTabs();
});
const addForm = $<HTMLFormElement>('#watch-form');
const addInput = $<HTMLInputElement>('#watch-input');
addForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const added = parseSymbolList(addInput.value, basket).filter((s) => !watch.symbols.includes(s));
  if (added.length === 0) return;
  watch.symbols = [...watch.symbols, ...added];
  addInput.value = '';
  for (const s of added) table.refreshStar(s);
  watchlistChanged();
});

/** Brings the server's view in line with the watchlist: subscribe/unsubscribe with symbols. */
function watchlistChanged(): void {
  saveWatchlist(storage, watch);
  alerts.refilter();
  const want = watch.only && watch.symbols.length > 0 ? new Set(watch.symbols) : null;
  const have = serverView;
  if (want === null && have === null) return schedule();
  if (multiBoard && (want === null || have === null)) {
    // Between a named board (hundreds of rows) and a watchlist no subscribe message says
    // "exactly these": the socket is opened again with the other view.
    serverView = want;
    client.setQuery(viewQuery(want));
  } else if (want === null) {
    // Back to the whole board: the view becomes the whole basket.
    client.subscribe([], basket.length > 0 ? basket : [...(board?.symbols.map((s) => s.symbol) ?? [])]);
    serverView = null;
  } else if (have === null) {
    if (basket.length > 0 && want.size === basket.length) return schedule();
    client.subscribe([], [...want]); // from the whole board, a subscribe sets the watchlist to exactly these
    serverView = want;
  } else {
    const { add, remove } = viewChange(have, want);
    if (add.length > 0) client.subscribe([], add); // add first: the view never passes through empty
    if (remove.length > 0) client.unsubscribe([], remove);
    serverView = want;
  }
  schedule();
}

// ---- board tabs and the search over the universe ---------------------------------------
const tabs = $('#board-tabs');
function drawTabs(): void {
  for (const b of tabs.querySelectorAll<HTMLButtonElement>('button')) b.setAttribute('aria-selected', String(serverView === null && b.dataset.board === currentBoard));
}
tabs.hidden = !multiBoard;
tabs.replaceChildren(
  ...boards.map((name) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.board = name;
    b.textContent = name;
    b.addEventListener('click', () => selectBoard(name));
    return b;
  }),
);
function selectBoard(name: string): void {
  currentBoard = name;
  const url = new URL(location.href);
  url.searchParams.set('board', name);
  url.searchParams.delete('symbols');
  history.replaceState(history.state, '', url);
  $('#board-box').scrollTop = 0;
  if (serverView !== null) {
    // From the watchlist view to a board: the watchlist stays, unfiltered.
    watch.only = false;
    onlyBox.checked = false;
    alerts.setWatchOnly(false);
    saveWatchlist(storage, watch);
    serverView = null;
    client.setQuery(viewQuery(null));
  } else client.selectBoard(name);
  drawTabs();
  schedule();
}
drawTabs();
$<HTMLFormElement>('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('#search-input');
  const [symbol] = parseSymbolList(input.value, basket);
  if (!symbol) return;
  input.value = '';
  if (board?.symbols.some((s) => s.symbol === symbol)) {
    table.focusSymbol(symbol);
  } else {
    // Not on this board: into the watchlist, and the watchlist view shows it.
    if (!watch.symbols.includes(symbol)) watch.symbols = [...watch.symbols, symbol];
    watch.only = true;
    onlyBox.checked = true;
    alerts.setWatchOnly(true);
    watchlistChanged();
    drawTabs();
  }
  openDetail(symbol);
});

// ---- language wiring ----------------------------------------------------------------------
function relabel(): void {
  document.documentElement.lang = lang;
  document.title = t('title', lang);
  applyLabels(document, lang);
  const signInText = { missing: 'signInMissing', refused: 'signInRefused', expired: 'signInExpired' } as const;
  if (signedOut) $('#signin-message').textContent = t(signInText[signedOut], lang);
  table.setLang(lang);
  header.relabel(lang);
  detail.setLang(lang);
  alerts.setLang(lang);
  drawUnits();
  schedule();
}
$('#lang').addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  try {
    storage?.setItem('boardcast.lang', lang);
  } catch {
    // not remembered
  }
  relabel();
});

// ---- units and the column chooser (remembered per browser) ------------------------------
function drawUnits(): void {
  $('#unit-note').textContent = t(prefs.units === 'short' ? 'unitNoteShort' : 'unitNoteFull', lang);
  // The button names the other choice: what a click switches to.
  $('#units').textContent = t(prefs.units === 'short' ? 'unitsFull' : 'unitsShort', lang);
  for (const label of document.querySelectorAll<HTMLElement>('#column-list label[data-col]')) {
    const key = `chooser_${label.dataset.col}`;
    label.querySelector('span')!.textContent = isLabelKey(key) ? t(key, lang) : label.dataset.col!;
  }
}
$('#units').addEventListener('click', () => {
  prefs = { ...prefs, units: prefs.units === 'short' ? 'full' : 'short' };
  savePrefs(storage, prefs);
  table.setFormat(boardFormat(prefs.units));
  detail.setFormat(boardFormat(prefs.units));
  drawUnits();
});
$('#column-list').append(
  ...OPTIONAL_COLUMNS.map((id) => {
    const label = document.createElement('label');
    label.dataset.col = id;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    box.checked = prefs.shown.includes(id);
    box.addEventListener('change', () => {
      prefs = setColumn(prefs, id, box.checked);
      savePrefs(storage, prefs);
      table.setVisible(visibleColumns(prefs));
    });
    label.append(box, ' ', document.createElement('span'));
    return label;
  }),
);
if (OPTIONAL_COLUMNS.some((id) => !COLUMNS.some((c) => c.id === id))) throw new Error('column chooser: unknown column');

// ---- keyboard: type to find a symbol, Esc closes the detail -----------------------------
const typeahead = new Typeahead();
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && detail.isOpen) {
    e.preventDefault();
    detail.close();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const prefix = typeahead.key(e.key, performance.now());
  if (prefix !== undefined) table.jumpTo(prefix);
});

// ---- layout: phones get the list (CSS does the drawing; this names it for tests and styles)
const phone = window.matchMedia('(max-width: 480px)');
const setLayout = () => (document.body.dataset.layout = phone.matches ? 'list' : 'table');
phone.addEventListener('change', setLayout);
setLayout();

// ---- start --------------------------------------------------------------------------------
relabel();
if (firstAsk.auth) signIn(firstAsk.auth);
else {
  setLink('connecting');
  client.connect();
}
$('#basket-list').replaceChildren(...basket.map((s) => Object.assign(document.createElement('option'), { value: s })));

// Latency keeps ticking while frames stop arriving (a stalled feed is visible too).
setInterval(() => {
  if (board && link === 'live') schedule();
}, 1000);

// For tests and the console.
(window as unknown as { boardcast: unknown }).boardcast = { client, table, detail, alerts, boards };
