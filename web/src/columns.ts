// The board's columns: what each cell of a symbol's row shows (text and colour direction)
// and how the column sorts. Pure: the table renderer only compares these values with what
// it last wrote and touches the cells that differ. Prices and volumes are written in the
// units the reader chose (format.ts BoardFormat); `optional` columns are the ones the column
// chooser can show or hide (column-prefs.ts), the rest are always on.
import type { ActiveFlow, PriceLevel, SymbolState } from '@boardcast/client';
import { arrow, priceDirection, changeDirection, type Direction } from './colors.js';
import { formatPct, formatShare, type BoardFormat } from './format.js';
import type { LabelKey } from './i18n.js';

export interface CellValue {
  text: string;
  dir: Direction;
  /** For bar cells: the active-buy share, 0..1 (NaN when there is no active flow yet). */
  bar?: number;
  /** A projected (call-auction) value rather than a trade: drawn marked as such. */
  projected?: boolean;
}

export type GroupKey = 'bids' | 'matched' | 'asks' | 'highLow' | 'foreign' | null;

export interface Column {
  id: string;
  label: LabelKey;
  group: GroupKey;
  /** Visual role: a price, a volume, text; 'bar' draws the active buy/sell share. */
  kind: 'symbol' | 'price' | 'volume' | 'change' | 'bar';
  /** Shown or hidden by the column chooser; absent = always shown. */
  optional?: true;
  cell(s: SymbolState, f: BoardFormat): CellValue;
  sortKey(s: SymbolState): number | string;
}

const level = (levels: readonly PriceLevel[], i: number): PriceLevel | undefined => levels[i];
const none = (text = ''): CellValue => ({ text, dir: 'none' });

/** Active buy and sell volume over every session phase (ATO/ATC trades are all neutral). */
export function activeTotals(s: SymbolState): { buy: number; sell: number } {
  let buy = 0;
  let sell = 0;
  for (const f of [s.ato, s.continuous, s.atc] as (ActiveFlow | null)[]) {
    if (!f) continue;
    buy += f.buyVolume;
    sell += f.sellVolume;
  }
  return { buy, sell };
}

/** Active buy share of active volume, 0..1; NaN before any active trade. */
export function activeBuyShare(s: SymbolState): number {
  const { buy, sell } = activeTotals(s);
  return buy + sell > 0 ? buy / (buy + sell) : NaN;
}

function priceCell(s: SymbolState, price: number, f: BoardFormat): CellValue {
  return { text: f.price(price), dir: priceDirection(price, s) };
}

function bookPrice(side: 'bids' | 'asks', i: number): Column['cell'] {
  return (s, f) => {
    const l = level(s[side], i);
    return l ? priceCell(s, l.price, f) : none();
  };
}

function bookVolume(side: 'bids' | 'asks', i: number): Column['cell'] {
  return (s, f) => {
    const l = level(s[side], i);
    return l ? { text: f.volume(l.volume), dir: priceDirection(l.price, s) } : none();
  };
}

const bookSortPrice = (side: 'bids' | 'asks', i: number) => (s: SymbolState) => level(s[side], i)?.price ?? 0;
const bookSortVolume = (side: 'bids' | 'asks', i: number) => (s: SymbolState) => level(s[side], i)?.volume ?? 0;

function lastDir(s: SymbolState): Direction {
  return priceDirection(s.lastPrice, s);
}

/** During ATO / ATC the match columns show the projected match, marked, instead of the last trade. */
const inAuction = (s: SymbolState): boolean => s.projectedPrice > 0;

export const COLUMNS: readonly Column[] = [
  { id: 'symbol', label: 'symbol', group: null, kind: 'symbol', cell: (s) => ({ text: s.symbol, dir: lastDir(s) }), sortKey: (s) => s.symbol },
  { id: 'ref', label: 'ref', group: null, kind: 'price', cell: (s, f) => ({ text: f.price(s.reference), dir: 'ref' }), sortKey: (s) => s.reference },
  { id: 'ceil', label: 'ceil', group: null, kind: 'price', cell: (s, f) => ({ text: f.price(s.ceiling), dir: 'ceil' }), sortKey: (s) => s.ceiling },
  { id: 'floor', label: 'floor', group: null, kind: 'price', cell: (s, f) => ({ text: f.price(s.floor), dir: 'floor' }), sortKey: (s) => s.floor },
  ...([3, 2, 1] as const).flatMap((n): Column[] => [
    { id: `bid${n}p`, label: `p${n}`, group: 'bids', kind: 'price', cell: bookPrice('bids', n - 1), sortKey: bookSortPrice('bids', n - 1) },
    { id: `bid${n}v`, label: `v${n}`, group: 'bids', kind: 'volume', cell: bookVolume('bids', n - 1), sortKey: bookSortVolume('bids', n - 1) },
  ]),
  {
    id: 'last',
    label: 'price',
    group: 'matched',
    kind: 'price',
    cell: (s, f) => (inAuction(s) ? { ...priceCell(s, s.projectedPrice, f), projected: true } : priceCell(s, s.lastPrice, f)),
    sortKey: (s) => (inAuction(s) ? s.projectedPrice : s.lastPrice),
  },
  {
    id: 'lastVol',
    label: 'vol',
    group: 'matched',
    kind: 'volume',
    cell: (s, f) => (inAuction(s) ? { text: f.volume(s.projectedVolume), dir: priceDirection(s.projectedPrice, s), projected: true } : { text: f.volume(s.lastVolume), dir: lastDir(s) }),
    sortKey: (s) => (inAuction(s) ? s.projectedVolume : s.lastVolume),
  },
  {
    id: 'change',
    label: 'change',
    group: 'matched',
    kind: 'change',
    cell: (s, f) => {
      if (!(s.lastPrice > 0)) return none();
      const dir = lastDir(s);
      return { text: `${arrow(dir)} ${f.signedPrice(s.change)}`, dir };
    },
    sortKey: (s) => (s.lastPrice > 0 ? s.change : -Infinity),
  },
  { id: 'changePct', label: 'changePct', group: 'matched', kind: 'change', cell: (s) => (s.lastPrice > 0 ? { text: formatPct(s.changePct), dir: lastDir(s) } : none()), sortKey: (s) => (s.lastPrice > 0 ? s.changePct : -Infinity) },
  ...([1, 2, 3] as const).flatMap((n): Column[] => [
    { id: `ask${n}p`, label: `p${n}`, group: 'asks', kind: 'price', cell: bookPrice('asks', n - 1), sortKey: bookSortPrice('asks', n - 1) },
    { id: `ask${n}v`, label: `v${n}`, group: 'asks', kind: 'volume', cell: bookVolume('asks', n - 1), sortKey: bookSortVolume('asks', n - 1) },
  ]),
  { id: 'totalVol', label: 'totalVol', group: null, kind: 'volume', cell: (s, f) => ({ text: f.volume(s.totalVolume), dir: 'none' }), sortKey: (s) => s.totalVolume },
  { id: 'high', label: 'high', group: 'highLow', kind: 'price', optional: true, cell: (s, f) => priceCell(s, s.high, f), sortKey: (s) => s.high },
  { id: 'low', label: 'low', group: 'highLow', kind: 'price', optional: true, cell: (s, f) => priceCell(s, s.low, f), sortKey: (s) => s.low },
  { id: 'fBuy', label: 'fBuy', group: 'foreign', kind: 'volume', cell: (s, f) => ({ text: f.volume(s.foreign?.buyVolume ?? 0), dir: 'none' }), sortKey: (s) => s.foreign?.buyVolume ?? 0 },
  { id: 'fSell', label: 'fSell', group: 'foreign', kind: 'volume', cell: (s, f) => ({ text: f.volume(s.foreign?.sellVolume ?? 0), dir: 'none' }), sortKey: (s) => s.foreign?.sellVolume ?? 0 },
  {
    id: 'fNet',
    label: 'fNet',
    group: 'foreign',
    kind: 'change',
    optional: true,
    cell: (s, f) => {
      const net = s.foreign?.netVolume ?? 0;
      return net === 0 ? none() : { text: f.signedVolume(net), dir: changeDirection(net) };
    },
    sortKey: (s) => s.foreign?.netVolume ?? 0,
  },
  // Foreign room: shares foreigners may still buy (the foreign-ownership limit's headroom).
  { id: 'fRoom', label: 'fRoom', group: 'foreign', kind: 'volume', optional: true, cell: (s, f) => ({ text: f.volume(s.foreign?.room ?? 0), dir: 'none' }), sortKey: (s) => s.foreign?.room ?? 0 },
  {
    id: 'active',
    label: 'active',
    group: null,
    kind: 'bar',
    optional: true,
    cell: (s) => {
      const share = activeBuyShare(s);
      if (Number.isNaN(share)) return { text: '', dir: 'none', bar: NaN };
      return { text: `${formatShare(share)} / ${formatShare(1 - share)}`, dir: share > 0.5 ? 'up' : share < 0.5 ? 'down' : 'ref', bar: share };
    },
    sortKey: (s) => {
      const share = activeBuyShare(s);
      return Number.isNaN(share) ? -1 : share;
    },
  },
];

export type SortDir = 'asc' | 'desc';

/** Symbols in display order for a sort column and direction (ties by symbol, stable). */
export function sortSymbols(states: readonly SymbolState[], columnId: string | null, dir: SortDir): string[] {
  const col = columnId ? COLUMNS.find((c) => c.id === columnId) : undefined;
  const rows = states.map((s) => ({ s, k: col ? col.sortKey(s) : s.symbol }));
  const mul = dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const c = typeof a.k === 'string' || typeof b.k === 'string' ? String(a.k).localeCompare(String(b.k)) : a.k - b.k;
    return c !== 0 && !Number.isNaN(c) ? c * mul : a.s.symbol.localeCompare(b.s.symbol);
  });
  return rows.map((r) => r.s.symbol);
}
