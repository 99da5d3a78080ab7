// What the reader chose for the table, remembered per browser (localStorage): which optional
// columns are shown and the units prices and volumes are written in. Pure state with the
// storage passed in, so the chooser's rules are tested without a browser.
import { COLUMNS } from './columns.js';
import type { Units } from './format.js';

export interface BoardPrefs {
  /** The optional columns shown, in COLUMNS order. */
  shown: string[];
  units: Units;
}

/** The columns the chooser offers, in table order. */
export const OPTIONAL_COLUMNS: readonly string[] = COLUMNS.filter((c) => c.optional).map((c) => c.id);

/**
 * Shown until the reader says otherwise: the defaults are what fits 1,366 px without
 * sideways scrolling (checked by the page's e2e), the rest one click away.
 */
export const DEFAULT_PREFS: Readonly<BoardPrefs> = Object.freeze({ shown: ['fNet'], units: 'short' as Units });

const KEY = 'boardcast.board';

/** Shown ids kept in table order, unknown ids dropped (a column removed since they were saved). */
function normalise(ids: readonly string[]): string[] {
  const want = new Set(ids);
  return OPTIONAL_COLUMNS.filter((id) => want.has(id));
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined): BoardPrefs {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return { ...DEFAULT_PREFS, shown: [...DEFAULT_PREFS.shown] };
    const v = JSON.parse(raw) as { shown?: unknown; units?: unknown };
    return {
      shown: Array.isArray(v.shown) ? normalise(v.shown.filter((s): s is string => typeof s === 'string')) : [...DEFAULT_PREFS.shown],
      units: v.units === 'full' || v.units === 'short' ? v.units : DEFAULT_PREFS.units,
    };
  } catch {
    return { ...DEFAULT_PREFS, shown: [...DEFAULT_PREFS.shown] };
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, p: BoardPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // private mode or quota: the choice simply is not remembered
  }
}

/** Shows or hides one optional column; a column that is not optional cannot be hidden. */
export function setColumn(p: BoardPrefs, id: string, on: boolean): BoardPrefs {
  if (!OPTIONAL_COLUMNS.includes(id)) return p;
  const shown = on ? normalise([...p.shown, id]) : p.shown.filter((s) => s !== id);
  return { ...p, shown };
}

/** Indices into COLUMNS of the columns drawn: every fixed one and the optional ones shown. */
export function visibleColumns(p: BoardPrefs): number[] {
  const shown = new Set(p.shown);
  const out: number[] = [];
  COLUMNS.forEach((c, i) => {
    if (!c.optional || shown.has(c.id)) out.push(i);
  });
  return out;
}
