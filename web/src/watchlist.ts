// The watchlist: the symbols a user stars, kept in localStorage. With "watchlist only" on,
// the page asks the server for just those rows through the protocol's symbol watchlist:
// `?symbols=` when it connects, subscribe/unsubscribe with symbols when it changes (the SDK
// replays those on every reconnect).

/** Symbols to subscribe and unsubscribe to go from the server-side view `from` to `to`. */
export function viewChange(from: ReadonlySet<string>, to: ReadonlySet<string>): { add: string[]; remove: string[] } {
  return {
    add: [...to].filter((s) => !from.has(s)).sort(),
    remove: [...from].filter((s) => !to.has(s)).sort(),
  };
}

/** Parses "fpt, VNM  hpg" into known, upper-case symbols (unknown names are dropped). */
export function parseSymbolList(text: string, basket: readonly string[]): string[] {
  const known = new Set(basket);
  const out: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const s = raw.trim().toUpperCase();
    if (s && (known.size === 0 || known.has(s)) && !out.includes(s)) out.push(s);
  }
  return out;
}

const KEY = 'boardcast.watchlist';
const ONLY_KEY = 'boardcast.watchlistOnly';

export interface StoredWatchlist {
  symbols: string[];
  only: boolean;
}

export function loadWatchlist(storage: Pick<Storage, 'getItem'> | undefined): StoredWatchlist {
  try {
    const raw = storage?.getItem(KEY);
    const symbols = raw ? (JSON.parse(raw) as unknown) : [];
    return {
      symbols: Array.isArray(symbols) ? symbols.filter((s): s is string => typeof s === 'string') : [],
      only: storage?.getItem(ONLY_KEY) === '1',
    };
  } catch {
    return { symbols: [], only: false };
  }
}

export function saveWatchlist(storage: Pick<Storage, 'setItem'> | undefined, w: StoredWatchlist): void {
  try {
    storage?.setItem(KEY, JSON.stringify(w.symbols));
    storage?.setItem(ONLY_KEY, w.only ? '1' : '0');
  } catch {
    // private mode or quota: the watchlist simply is not remembered
  }
}
