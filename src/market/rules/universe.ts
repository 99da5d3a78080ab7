// The market universe a deployment serves (UNIVERSE): which stocks, on which board, in
// which named baskets, and which indices. Pure reference data; the feeds, the processor
// and the server's named boards all read it from here.
//
// - vn30 (the default): the VN30 basket and VN30 / VNINDEX — what boardcast always served.
// - hose: every HOSE stock (~400), with the VN100 basket and index.
// - all:  HOSE, HNX (~300) and UPCoM (~850), with HNX30 and every board's index.
//
// HONESTY NOTE: there is no network here to fetch the exchanges' lists. The VN30 basket
// (vn30.ts), the VN100 and HNX30 baskets and a few dozen well-known HNX and UPCoM names
// below are real tickers written from memory (2025 composition, not authoritative); every
// other symbol is a SYNTHETIC ticker generated deterministically (syntheticTickers) so the
// board has the real market's size. The SSI feed learns the real list from the exchange
// (its securities lists); the simulator trades this one.
import { activeContracts } from './futures.js';
import type { Exchange } from './exchange.js';
import { VN30_SYMBOLS } from './vn30.js';

/** The values of UNIVERSE (src/config.ts lists the same; test/market/universe.test.ts holds them equal). */
export type UniverseName = 'vn30' | 'hose' | 'all';

/** The named boards a socket may ask for (`?board=`): baskets and whole exchanges. */
export const BOARD_NAMES = ['VN30', 'VN100', 'HOSE', 'HNX', 'HNX30', 'UPCOM'] as const;
export type BoardName = (typeof BOARD_NAMES)[number];

/** The board a socket gets when it names neither a board nor a watchlist. */
export const DEFAULT_BOARD: BoardName = 'VN30';

/** Listed stock counts the synthetic tickers fill each board up to (order of magnitude of 2025). */
export const BOARD_SIZES: Readonly<Record<Exchange, number>> = { HOSE: 400, HNX: 300, UPCOM: 850 };

// prettier-ignore
/** VN100 = VN30 + these 70 (the VNMidCap constituents), HOSE. From memory; see the note above. */
export const VNMIDCAP_SYMBOLS: readonly string[] = [
  'AAA', 'ANV', 'ASM', 'BMP', 'BSI', 'BVH', 'BWE', 'CII', 'CMG', 'CRE',
  'CTD', 'CTS', 'DBC', 'DCM', 'DGW', 'DHC', 'DIG', 'DPM', 'DXG', 'DXS',
  'EIB', 'EVF', 'FRT', 'FTS', 'GEX', 'GMD', 'HAG', 'HAH', 'HCM', 'HDC',
  'HDG', 'HHV', 'HSG', 'HT1', 'IMP', 'KBC', 'KDC', 'KDH', 'KOS', 'MSB',
  'NAB', 'NKG', 'NLG', 'NT2', 'OCB', 'PAN', 'PC1', 'PDR', 'PHR', 'PNJ',
  'POW', 'PTB', 'PVD', 'PVT', 'REE', 'SBT', 'SCS', 'SIP', 'SJS', 'SZC',
  'TCH', 'VCG', 'VCI', 'VGC', 'VHC', 'VIX', 'VND', 'VPI', 'VSC', 'VTP',
];

// prettier-ignore
/** The HNX30 basket, HNX. From memory; see the note above. */
export const HNX30_SYMBOLS: readonly string[] = [
  'BVS', 'CEO', 'DHT', 'DTD', 'DXP', 'HUT', 'IDC', 'IDV', 'L14', 'LAS',
  'LHC', 'MBS', 'NTP', 'PLC', 'PSD', 'PVB', 'PVC', 'PVI', 'PVS', 'SHS',
  'SLS', 'TAR', 'TIG', 'TNG', 'TVD', 'VC3', 'VCS', 'VFS', 'VIG', 'VNR',
];

// prettier-ignore
/** Well-known UPCoM names (the most traded ones), from memory; the rest of UPCoM is synthetic. */
export const UPCOM_KNOWN: readonly string[] = [
  'ACV', 'BSR', 'VEA', 'MCH', 'QNS', 'VGI', 'OIL', 'FOX', 'MML', 'LTG',
  'ABB', 'VAB', 'KLB', 'SGB', 'HNG', 'MSR', 'VGT', 'TVN', 'DDV', 'PXL',
];

/** The indices of each universe, board order; breadth comes with each. */
export const UNIVERSE_INDICES: Readonly<Record<UniverseName, readonly string[]>> = {
  vn30: ['VN30', 'VNINDEX'],
  hose: ['VN30', 'VNINDEX', 'VN100'],
  all: ['VN30', 'VNINDEX', 'VN100', 'HNX-INDEX', 'HNX30', 'UPCOM-INDEX'],
};

/** The exchange an index belongs to (its breadth counts that board's stocks or basket). */
export const INDEX_EXCHANGE: Readonly<Record<string, Exchange>> = {
  VN30: 'HOSE', VNINDEX: 'HOSE', VN100: 'HOSE', 'HNX-INDEX': 'HNX', HNX30: 'HNX', 'UPCOM-INDEX': 'UPCOM',
};

export interface Listing {
  symbol: string;
  exchange: Exchange;
  /** A generated ticker standing in for a real listing the simulator cannot know (see the note above). */
  synthetic: boolean;
}

export interface Universe {
  name: UniverseName;
  /** Every stock, board order: VN30 first (the default board keeps its rows), then HOSE, HNX, UPCoM. */
  listings: readonly Listing[];
  symbols: readonly string[];
  /** The named boards this universe has, each a symbol list in board order. */
  boards: ReadonlyMap<BoardName, readonly string[]>;
  indexIds: readonly string[];
  exchangeOf(symbol: string): Exchange | undefined;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODES = 26 ** 3;
/** Coprime to 26³ (= 2³·13³), so stepping by it visits every three-letter code once, scattered. */
const STRIDE = 7_919;

/**
 * `n` three-letter tickers not in `taken` (which it extends), the same every time for the
 * same `taken` and `start`: a walk through all 17,576 codes with a stride coprime to their
 * count. Real tickers are taken first, so a synthetic one never shadows a known name.
 */
export function syntheticTickers(n: number, taken: Set<string>, start: number): string[] {
  const out: string[] = [];
  for (let i = 0, k = start % CODES; out.length < n && i < CODES; i++, k = (k + STRIDE) % CODES) {
    const code = ALPHABET[Math.floor(k / 676)]! + ALPHABET[Math.floor(k / 26) % 26]! + ALPHABET[k % 26]!;
    if (taken.has(code)) continue;
    taken.add(code);
    out.push(code);
  }
  return out;
}

const cache = new Map<UniverseName, Universe>();

/** The universe by name; built once per process (it is immutable). */
export function universe(name: UniverseName): Universe {
  let u = cache.get(name);
  if (!u) cache.set(name, (u = build(name)));
  return u;
}

function build(name: UniverseName): Universe {
  const real = (symbols: readonly string[], exchange: Exchange): Listing[] => symbols.map((symbol) => ({ symbol, exchange, synthetic: false }));
  const taken = new Set<string>([...VN30_SYMBOLS, ...VNMIDCAP_SYMBOLS, ...HNX30_SYMBOLS, ...UPCOM_KNOWN]);
  const fill = (known: number, exchange: Exchange, start: number): Listing[] =>
    syntheticTickers(BOARD_SIZES[exchange] - known, taken, start).map((symbol) => ({ symbol, exchange, synthetic: true }));

  const boards = new Map<BoardName, string[]>();
  const listings: Listing[] = real(VN30_SYMBOLS, 'HOSE');
  boards.set('VN30', [...VN30_SYMBOLS]);
  if (name !== 'vn30') {
    listings.push(...real(VNMIDCAP_SYMBOLS, 'HOSE'));
    boards.set('VN100', [...VN30_SYMBOLS, ...VNMIDCAP_SYMBOLS]);
    // Fixed starting points per board: each board's synthetic names do not depend on the others'.
    listings.push(...fill(VN30_SYMBOLS.length + VNMIDCAP_SYMBOLS.length, 'HOSE', 0));
  }
  if (name === 'all') {
    listings.push(...real(HNX30_SYMBOLS, 'HNX'), ...fill(HNX30_SYMBOLS.length, 'HNX', 5_000));
    listings.push(...real(UPCOM_KNOWN, 'UPCOM'), ...fill(UPCOM_KNOWN.length, 'UPCOM', 11_000));
    boards.set('HNX30', [...HNX30_SYMBOLS]);
  }
  for (const ex of ['HOSE', 'HNX', 'UPCOM'] as const) {
    const on = listings.filter((l) => l.exchange === ex).map((l) => l.symbol);
    if (on.length > 0 && (ex !== 'HOSE' || name !== 'vn30')) boards.set(ex, on);
  }
  const byExchange = new Map(listings.map((l) => [l.symbol, l.exchange]));
  return {
    name,
    listings,
    symbols: listings.map((l) => l.symbol),
    boards,
    indexIds: UNIVERSE_INDICES[name],
    exchangeOf: (symbol) => byExchange.get(symbol),
  };
}

/** The board a `?board=` value names (case-insensitive), or undefined when there is none by that name in `u`. */
export function boardOf(u: Universe, raw: string): { name: BoardName; symbols: readonly string[] } | undefined {
  const name = raw.trim().toUpperCase() as BoardName;
  const symbols = u.boards.get(name);
  return symbols ? { name, symbols } : undefined;
}

/** Every listed VN30F contract on `tradingDate`, front month first (HNX lists four). */
export function listedFutures(tradingDate: string): string[] {
  return activeContracts(tradingDate).map((c) => c.symbol);
}
