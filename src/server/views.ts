// The views a socket may ask for, checked: channels against what its token allows, a
// watchlist against the basket, a named board against the universe. Assembling a view's
// bytes is the codec's (src/wire/views.ts): a named board is just a symbol set there.
import { CHANNELS, DEFAULT_CHANNELS, type Channel } from '../wire/frame-parts.js';
import { VN30_SYMBOLS } from '../market/rules/vn30.js';
import { DEFAULT_BOARD, type Universe } from '../market/rules/universe.js';

/** The channels a client may have: a JWT's `channels` claim (unknown names ignored), or all. */
export function allowedChannels(claim: readonly string[] | undefined): Set<Channel> {
  return new Set<Channel>(claim ? CHANNELS.filter((c) => claim.includes(c)) : CHANNELS);
}

/**
 * Parses `?channels=a,b` (absent: the default channels the socket may have; trades, candles
 * and alerts are asked for by name). Returns the bad name on error.
 */
export function parseChannels(raw: string | null, allowed: ReadonlySet<Channel>): { ok: true; channels: Set<Channel> } | { ok: false; bad: string } {
  if (raw === null || raw === '') return { ok: true, channels: new Set(DEFAULT_CHANNELS.filter((c) => allowed.has(c))) };
  const out = new Set<Channel>();
  for (const name of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(CHANNELS as readonly string[]).includes(name) || !allowed.has(name as Channel)) return { ok: false, bad: name };
    out.add(name as Channel);
  }
  return { ok: true, channels: out };
}

export type SymbolsResult =
  | { ok: true; symbols: Set<string> | null }
  | { ok: false; code: 'BC_UNKNOWN_SYMBOL' | 'BC_TOO_MANY_SYMBOLS' | 'BC_UNKNOWN_BOARD' | 'BC_BAD_PARAM'; message: string };

/** A watchlist of more than `max` symbols. */
export const tooManySymbols = (n: number, max: number): { ok: false; code: 'BC_TOO_MANY_SYMBOLS'; message: string } => ({ ok: false, code: 'BC_TOO_MANY_SYMBOLS', message: `a watchlist holds at most ${max} symbols (asked for ${n})` });

// The basket as a set, per basket array (replaced, never mutated, when the feed says
// 'ready'): checking a watchlist or a board against 1,550 names is then a lookup, not a scan.
const basketSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function basketSet(basket: readonly string[]): ReadonlySet<string> {
  let set = basketSets.get(basket);
  if (!set) basketSets.set(basket, (set = new Set(basket)));
  return set;
}

/**
 * Parses `?symbols=FPT,VNM` (absent: null, the whole board). Every name must be in the
 * basket — never an empty one, see initialBasket — and there may be at most `max`.
 */
export function parseSymbols(raw: string | null, basket: readonly string[], max: number): SymbolsResult {
  if (raw === null || raw === '') return { ok: true, symbols: null };
  const out = new Set<string>();
  const on = basketSet(basket);
  for (const name of raw.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)) {
    if (!on.has(name)) return { ok: false, code: 'BC_UNKNOWN_SYMBOL', message: `unknown symbol ${JSON.stringify(name)}` };
    out.add(name);
    if (out.size > max) return tooManySymbols(out.size, max);
  }
  return { ok: true, symbols: out };
}

/**
 * The symbols a watchlist may name before the feed's own basket is known: the built-in
 * VN30 list plus EXTRA_SYMBOLS. ROLE=all listens only after its worker said 'ready' (the
 * real basket); an edge listens at once, and until the ingest's first FULL frame brings
 * the real basket it checks watchlists against this one rather than accepting any name.
 */
export function initialBasket(extraSymbols: readonly string[]): string[] {
  return [...new Set([...VN30_SYMBOLS, ...extraSymbols])];
}

/** The named boards a server offers: the universe's, with the lists the feed learned when it did. */
export interface Boards {
  /** No board asked for = the whole board (UNIVERSE=vn30: as before named boards, so EXTRA_SYMBOLS stay on it). */
  wholeByDefault: boolean;
  lists: ReadonlyMap<string, readonly string[]>;
}

/** The universe's boards, the feed's lists (the 'ready' message) replacing those it has. */
export function boardsOf(market: Universe, fromFeed?: Record<string, readonly string[]>): Boards {
  const lists = new Map<string, readonly string[]>(market.boards);
  if (fromFeed) for (const [name, symbols] of Object.entries(fromFeed)) if (lists.has(name) && symbols.length > 0) lists.set(name, symbols);
  return { wholeByDefault: market.name === 'vn30', lists };
}

/**
 * A named board's symbols (`?board=VN100`, case-insensitive), those of them on the board
 * (the basket: a live feed may not carry every one). `null` asks for the default board:
 * VN30 — the whole board when `wholeByDefault`; with a wider universe the 30 rows, not
 * 1,600. A board is not a watchlist: WS_MAX_SYMBOLS does not apply.
 */
export function namedBoard(raw: string | null, boards: Boards, basket: readonly string[]): SymbolsResult {
  if (raw === null || raw === '') {
    if (boards.wholeByDefault) return { ok: true, symbols: null };
    raw = DEFAULT_BOARD;
  }
  const list = boards.lists.get(raw.trim().toUpperCase());
  if (!list) return { ok: false, code: 'BC_UNKNOWN_BOARD', message: `unknown board ${JSON.stringify(raw)}; boards are ${[...boards.lists.keys()].join(', ')}` };
  const on = basketSet(basket);
  return { ok: true, symbols: new Set(list.filter((s) => on.has(s))) };
}

/** The answer options of a refused selection: `board` and `symbols` together name the `board` parameter. */
export const selectionErrorOptions = (code: string): { param?: string } => (code === 'BC_BAD_PARAM' ? { param: 'board' } : {});

/** `?board=` or `?symbols=` (not both), or neither: the default board. */
export function parseSelection(board: string | null, symbols: string | null, boards: Boards, basket: readonly string[], max: number): SymbolsResult {
  const hasBoard = board !== null && board !== '';
  if (hasBoard && symbols !== null && symbols !== '') return { ok: false, code: 'BC_BAD_PARAM', message: 'name a board or a watchlist (symbols), not both' };
  return hasBoard ? namedBoard(board, boards, basket) : symbols ? parseSymbols(symbols, basket, max) : namedBoard(null, boards, basket);
}

/** `/api/vn30`: the default board's symbols (UNIVERSE=vn30: the whole board, EXTRA_SYMBOLS included, as always). */
export function defaultBoardSymbols(boards: Boards, basket: readonly string[]): string[] {
  const v = namedBoard(null, boards, basket);
  return v.ok && v.symbols ? [...v.symbols] : [...basket];
}

/** `/api/universe`: what a terminal needs to build its tabs and search box. */
export interface UniverseBody {
  universe: string;
  defaultBoard: string;
  /** Every symbol on the board, board order, with its exchange (null: one the universe does not list, e.g. an EXTRA_SYMBOLS name). */
  symbols: Array<{ symbol: string; exchange: string | null }>;
  /** Each named board's members, those on the board (as `?board=` selects them). */
  boards: Record<string, string[]>;
  indices: readonly string[];
}

const EXCHANGE_BOARDS = ['HOSE', 'HNX', 'UPCOM'] as const;

export function universeBody(market: Universe, boards: Boards, basket: readonly string[]): UniverseBody {
  // The feed's exchange lists first (SSI's securities lists know the real market), then the universe's own.
  const exchangeOf = new Map<string, string>();
  for (const ex of EXCHANGE_BOARDS) for (const s of boards.lists.get(ex) ?? []) if (!exchangeOf.has(s)) exchangeOf.set(s, ex);
  const out: Record<string, string[]> = {};
  for (const name of boards.lists.keys()) {
    const b = namedBoard(name, boards, basket);
    if (b.ok && b.symbols) out[name] = [...b.symbols];
  }
  return {
    universe: market.name,
    defaultBoard: DEFAULT_BOARD,
    symbols: basket.map((symbol) => ({ symbol, exchange: exchangeOf.get(symbol) ?? market.exchangeOf(symbol) ?? null })),
    boards: out,
    indices: market.indexIds,
  };
}
