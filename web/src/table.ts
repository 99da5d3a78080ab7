// The board table: one row per symbol, rendered by diffing. A row whose SymbolState object
// is the one already drawn is skipped (the SDK shares unchanged rows between boards); in a
// changed row only the cells whose text or colour changed are written, and those flash.
// Keyboard: sort buttons in the header; the body is a grid with one tab stop and arrow
// keys / Home / End / PageUp / PageDown moving between the shown cells; Space on a symbol
// cell toggles its watchlist star; Enter on any cell (or a click/tap on a row) opens the
// symbol's detail. Hidden columns (the column chooser) are not written at all; every cell
// of a row is created and updated here only (createRow / updateRow).
// A big board (a whole exchange: hundreds of rows) is virtualised: only the rows in the
// scroll box's view, plus a few either side, are in the DOM; spacers above and below the
// table keep the scroll height, rows leaving the view are re-used for rows entering it. Row
// heights are fixed (styles.css) so the window follows from scrollTop alone, read in the
// scroll handler, never while writing.
import type { SymbolState } from '@boardcast/client';
import { directionClass } from './colors.js';
import { COLUMNS, sortSymbols, type Column, type GroupKey, type SortDir } from './columns.js';
import { SHORT_UNITS, type BoardFormat } from './format.js';
import { statusLabel, t, type Lang } from './i18n.js';

interface Row {
  symbol: string;
  tr: HTMLTableRowElement;
  cells: HTMLTableCellElement[];
  texts: Text[];
  classes: string[];
  bars: (HTMLElement | null)[];
  star: HTMLButtonElement;
  /** The trading-status badge next to the symbol (halted, suspended, …). */
  badge: HTMLElement;
  projected: boolean[];
  state: SymbolState | undefined;
}

export interface BoardTableOptions {
  isWatched(symbol: string): boolean;
  onToggleWatch(symbol: string): void;
  onSort(columnId: string, dir: SortDir): void;
  /** A row was clicked, tapped or had Enter pressed on it. */
  onOpen(symbol: string): void;
  /** The scroll box moved or changed size so that other rows come into view: draw again. */
  onViewport(): void;
}

/** Boards up to this many rows are drawn whole; bigger ones only around the view. */
const VIRTUAL_FROM = 200;
/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 6;
/** Row height per page layout (px), as fixed by styles.css. */
const ROW_HEIGHT = { table: 22, list: 32 } as const;

/** How long a changed cell stays lit. */
const FLASH_MS = 900;

const SORT_DEFAULT_DESC = new Set(['totalVol', 'change', 'changePct', 'fNet', 'active', 'lastVol', 'fBuy', 'fSell']);

export class BoardTable {
  /** The rows in the DOM, by symbol. */
  private readonly rows = new Map<string, Row>();
  /** Rows that left the view, kept for the next ones entering it. */
  private readonly pool: Row[] = [];
  /** Every symbol of the board, in display order. */
  private order: string[] = [];
  /** The symbols in the DOM, in order: order[first .. first + drawn.length). */
  private drawn: string[] = [];
  private first = 0;
  private states = new Map<string, SymbolState>();
  private readonly box: HTMLElement | null;
  private readonly spacerTop: HTMLElement;
  private readonly spacerBottom: HTMLElement;
  private view = { top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight };
  private sortCol: string | null = null;
  private sortDir: SortDir = 'asc';
  private readonly tbody: HTMLTableSectionElement;
  private readonly thead: HTMLTableSectionElement;
  /** One <col> per column: the widths of a fixed-layout table (styles.css), so a changed cell never re-measures the table. */
  private readonly cols: HTMLTableColElement[];
  private readonly colgroup: HTMLTableColElement;
  private lang: Lang;
  private focusRow = 0;
  private focusCol = 0;
  private rendered = false;
  private format: BoardFormat = SHORT_UNITS;
  /** Cells lit by a change, and until when (performance.now() ms). */
  private readonly flashing = new Map<HTMLTableCellElement, number>();
  private now = 0;
  /** Indices into COLUMNS of the shown columns, in order. */
  private visible: number[] = COLUMNS.map((_, i) => i);

  constructor(
    private readonly table: HTMLTableElement,
    private readonly opts: BoardTableOptions,
    lang: Lang,
  ) {
    this.lang = lang;
    this.thead = table.createTHead();
    this.colgroup = document.createElement('colgroup');
    this.cols = COLUMNS.map((c) => {
      const col = document.createElement('col');
      col.className = `k-${c.kind}`;
      col.dataset.col = c.id;
      return col;
    });
    this.colgroup.replaceChildren(...this.cols);
    table.insertBefore(this.colgroup, this.thead);
    table.dataset.units = 'short';
    this.tbody = table.tBodies[0] ?? table.createTBody();
    this.box = table.parentElement;
    this.spacerTop = Object.assign(document.createElement('div'), { className: 'board-spacer' });
    this.spacerBottom = Object.assign(document.createElement('div'), { className: 'board-spacer' });
    table.before(this.spacerTop);
    table.after(this.spacerBottom);
    if (this.box) {
      const box = this.box;
      box.addEventListener('scroll', () => this.viewMoved(box.scrollTop, this.view.height), { passive: true });
      new ResizeObserver((entries) => this.viewMoved(this.view.top, entries[0]!.contentRect.height)).observe(box);
    }
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-readonly', 'true');
    this.buildHeader();
    this.tbody.addEventListener('keydown', (e) => this.onKey(e));
    this.tbody.addEventListener('click', (e) => {
      const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button.star');
      if (btn?.dataset.symbol) return this.opts.onToggleWatch(btn.dataset.symbol);
      const tr = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-symbol]');
      if (tr?.dataset.symbol) this.opts.onOpen(tr.dataset.symbol);
    });
    this.tbody.addEventListener('focusin', (e) => {
      const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
      if (!td) return;
      const tr = td.parentElement as HTMLTableRowElement;
      this.moveFocus(this.first + tr.sectionRowIndex, Math.max(0, this.visible.indexOf(td.cellIndex)), false);
    });
  }

  /** Rows on the board (not only those in the DOM). */
  get size(): number {
    return this.order.length;
  }

  /** Rows in the DOM. */
  get drawnRows(): number {
    return this.drawn.length;
  }

  private rowHeight(): number {
    return document.body.dataset.layout === 'list' ? ROW_HEIGHT.list : ROW_HEIGHT.table;
  }

  /** The rows of order[] to have in the DOM for the current view. */
  private windowFor(n: number): [number, number] {
    if (n <= VIRTUAL_FROM) return [0, n];
    const h = this.rowHeight();
    const from = Math.max(0, Math.floor(this.view.top / h) - OVERSCAN);
    const to = Math.min(n, Math.ceil((this.view.top + this.view.height) / h) + OVERSCAN);
    return [Math.min(from, Math.max(0, to - 1)), to];
  }

  private viewMoved(top: number, height: number): void {
    const before = this.windowFor(this.order.length);
    this.view = { top, height };
    const after = this.windowFor(this.order.length);
    if (before[0] !== after[0] || before[1] !== after[1]) this.opts.onViewport();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    for (const row of this.rows.values()) {
      this.labelStar(row);
      if (row.state) this.drawStatus(row, row.state);
    }
    for (const row of this.pool) row.state = undefined; // relabelled when re-used
  }

  setSort(columnId: string | null, dir: SortDir): void {
    this.sortCol = columnId;
    this.sortDir = dir;
    for (const th of this.thead.querySelectorAll<HTMLTableCellElement>('th[data-col]')) {
      const on = th.dataset.col === columnId;
      th.setAttribute('aria-sort', on ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.querySelector('.sort-ind')!.textContent = on ? (dir === 'asc' ? '↑' : '↓') : '';
    }
  }

  /** Units for prices and volumes: every drawn cell is rewritten (only those whose text changes). */
  setFormat(format: BoardFormat): void {
    if (format === this.format) return;
    this.format = format;
    this.table.dataset.units = format === SHORT_UNITS ? 'short' : 'full';
    this.redraw();
  }

  /** Shows exactly these columns (indices into COLUMNS, ascending); hidden ones are no longer written. */
  setVisible(indices: readonly number[]): void {
    const on = new Set(indices);
    this.visible = COLUMNS.map((_, i) => i).filter((i) => on.has(i));
    // Only the shown columns have a <col>: a hidden cell makes no column, so the two stay aligned.
    this.colgroup.replaceChildren(...this.visible.map((i) => this.cols[i]!));
    for (const th of this.thead.querySelectorAll<HTMLTableCellElement>('th[data-col]')) th.hidden = !on.has(COLUMNS.findIndex((c) => c.id === th.dataset.col));
    for (const th of this.thead.querySelectorAll<HTMLTableCellElement>('th[data-group]')) {
      const span = this.visible.filter((i) => COLUMNS[i]!.group === th.dataset.group).length;
      th.hidden = span === 0;
      th.colSpan = Math.max(1, span);
    }
    for (const row of [...this.rows.values(), ...this.pool]) {
      for (let i = 0; i < COLUMNS.length; i++) row.cells[i]!.hidden = !on.has(i);
    }
    this.table.dataset.columns = String(this.visible.length);
    this.redraw(); // cells shown again were not written while hidden
  }

  /** Moves focus to the first row (in display order) whose symbol starts with `prefix`; returns it. */
  jumpTo(prefix: string): string | undefined {
    const p = prefix.toUpperCase();
    const r = this.order.findIndex((s) => s.startsWith(p));
    if (r < 0) return undefined;
    this.moveFocus(r, 0, true);
    return this.order[r];
  }

  /** Moves focus to a symbol's row (scrolled into view); false when it is not on the board. */
  focusSymbol(symbol: string): boolean {
    const r = this.order.indexOf(symbol);
    if (r < 0) return false;
    this.moveFocus(r, 0, true);
    return true;
  }

  private redraw(): void {
    for (const row of this.rows.values()) if (row.state) this.updateRow(row, row.state, false);
  }

  /** The watchlist star of a symbol changed. */
  refreshStar(symbol: string): void {
    const row = this.rows.get(symbol);
    if (row) this.labelStar(row);
  }

  /**
   * Draws a board: sorts it, then brings the rows in view into the DOM (re-using rows that
   * left it), writes changed cells and puts the rows in order.
   */
  render(states: readonly SymbolState[], opts: { flash: boolean } = { flash: true }): void {
    const flash = opts.flash && this.rendered;
    this.now = performance.now();
    this.states = new Map(states.map((s) => [s.symbol, s]));
    this.order = sortSymbols(states, this.sortCol, this.sortDir);
    const [from, to] = this.windowFor(this.order.length);
    const want = this.order.slice(from, to);
    const keep = new Set(want);
    for (const [symbol, row] of this.rows) {
      if (keep.has(symbol)) continue;
      this.release(row);
      this.rows.delete(symbol);
    }
    for (const symbol of want) {
      const s = this.states.get(symbol)!;
      let row = this.rows.get(symbol);
      if (!row) {
        row = this.acquire(symbol);
        this.rows.set(symbol, row);
        this.updateRow(row, s, false);
      } else if (row.state !== s) this.updateRow(row, s, flash);
    }
    const h = this.rowHeight();
    const top = `${from * h}px`;
    const bottom = `${(this.order.length - to) * h}px`;
    if (this.spacerTop.style.height !== top) this.spacerTop.style.height = top;
    if (this.spacerBottom.style.height !== bottom) this.spacerBottom.style.height = bottom;
    this.first = from;
    this.reorder(want);
    this.rendered = true;
    this.unflash(false);
  }

  /** A row for a symbol entering the view: one that left it, or a new one. */
  private acquire(symbol: string): Row {
    const row = this.pool.pop();
    if (!row) return this.createRow(symbol);
    row.symbol = symbol;
    row.tr.dataset.symbol = symbol;
    row.star.dataset.symbol = symbol;
    row.state = undefined;
    this.labelStar(row);
    return row;
  }

  /** A row leaving the view: out of the DOM, unlit, kept for re-use. */
  private release(row: Row): void {
    row.tr.remove();
    for (const td of row.cells) {
      if (this.flashing.delete(td)) td.classList.remove('fl');
      if (td.tabIndex === 0) td.tabIndex = -1;
    }
    delete row.tr.dataset.status;
    row.badge.hidden = true;
    row.badge.textContent = '';
    row.state = undefined;
    if (this.pool.length < 200) this.pool.push(row);
  }

  /** Ends the flashes that are over (all of them with `all`). */
  private unflash(all: boolean): void {
    for (const [td, until] of this.flashing) {
      if (!all && until > this.now) continue;
      td.classList.remove('fl');
      this.flashing.delete(td);
    }
  }

  /** A column header was activated: same column flips direction, a new one starts at its default. */
  private toggleSort(columnId: string): void {
    const dir: SortDir = this.sortCol === columnId ? (this.sortDir === 'asc' ? 'desc' : 'asc') : SORT_DEFAULT_DESC.has(columnId) ? 'desc' : 'asc';
    this.setSort(columnId, dir);
    this.opts.onSort(columnId, dir);
  }

  private buildHeader(): void {
    const groupRow = this.thead.insertRow();
    const colRow = this.thead.insertRow();
    groupRow.className = 'groups';
    let i = 0;
    while (i < COLUMNS.length) {
      const col = COLUMNS[i]!;
      if (col.group === null) {
        groupRow.append(this.columnHeader(col, 2));
        i++;
        continue;
      }
      const group: GroupKey = col.group;
      let span = 0;
      while (i + span < COLUMNS.length && COLUMNS[i + span]!.group === group) {
        colRow.append(this.columnHeader(COLUMNS[i + span]!, 1));
        span++;
      }
      const th = document.createElement('th');
      th.scope = 'colgroup';
      th.colSpan = span;
      th.className = `group g-${group}`;
      th.dataset.group = group;
      th.dataset.i18n = group;
      th.textContent = t(group, this.lang);
      groupRow.append(th);
      i += span;
    }
  }

  private columnHeader(col: Column, rowSpan: number): HTMLTableCellElement {
    const th = document.createElement('th');
    th.scope = 'col';
    th.rowSpan = rowSpan;
    th.dataset.col = col.id;
    th.className = `k-${col.kind}${col.group ? ` g-${col.group}` : ''}`;
    th.setAttribute('aria-sort', 'none');
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.dataset.i18nTitle = 'sortBy';
    btn.title = t('sortBy', this.lang);
    const label = document.createElement('span');
    label.dataset.i18n = col.label;
    label.textContent = t(col.label, this.lang);
    const ind = document.createElement('span');
    ind.className = 'sort-ind';
    ind.setAttribute('aria-hidden', 'true');
    btn.append(label, ind);
    btn.addEventListener('click', () => this.toggleSort(col.id));
    th.append(btn);
    return th;
  }

  private createRow(symbol: string): Row {
    const tr = document.createElement('tr');
    tr.dataset.symbol = symbol;
    const cells: HTMLTableCellElement[] = [];
    const texts: Text[] = [];
    const bars: (HTMLElement | null)[] = [];
    let star!: HTMLButtonElement;
    const badge = document.createElement('span');
    badge.className = 'st-badge';
    badge.hidden = true;
    for (const col of COLUMNS) {
      const td = document.createElement(col.kind === 'symbol' ? 'th' : 'td') as HTMLTableCellElement;
      if (col.kind === 'symbol') (td as HTMLTableCellElement & { scope: string }).scope = 'row';
      td.className = `k-${col.kind}`;
      td.dataset.col = col.id;
      td.tabIndex = -1;
      td.setAttribute('role', col.kind === 'symbol' ? 'rowheader' : 'gridcell');
      td.hidden = !this.visible.includes(cells.length);
      const text = document.createTextNode('');
      let bar: HTMLElement | null = null;
      if (col.kind === 'symbol') {
        star = document.createElement('button');
        star.type = 'button';
        star.className = 'star';
        star.dataset.symbol = symbol;
        star.tabIndex = -1;
        const name = document.createElement('span');
        name.className = 'sym';
        name.append(text);
        td.append(star, name, badge);
      } else if (col.kind === 'bar') {
        bar = document.createElement('span');
        bar.className = 'bar';
        bar.setAttribute('aria-hidden', 'true');
        const label = document.createElement('span');
        label.className = 'bar-label';
        label.append(text);
        td.append(bar, label);
      } else td.append(text);
      tr.append(td);
      cells.push(td);
      texts.push(text);
      bars.push(bar);
    }
    const row: Row = { symbol, tr, cells, texts, classes: COLUMNS.map(() => ''), bars, star, badge, projected: COLUMNS.map(() => false), state: undefined };
    this.labelStar(row);
    return row;
  }

  private labelStar(row: Row): void {
    const on = this.opts.isWatched(row.symbol);
    row.star.textContent = on ? '★' : '☆';
    row.star.setAttribute('aria-pressed', String(on));
    row.star.setAttribute('aria-label', `${t('watchStar', this.lang)} ${row.symbol}`);
  }

  /** A halted or suspended symbol is marked (row and badge), so it does not pass for a quiet one. */
  private drawStatus(row: Row, s: SymbolState): void {
    const label = statusLabel(s.status, this.lang);
    if (row.badge.textContent !== label) row.badge.textContent = label;
    row.badge.hidden = label === '';
    if (label === '') delete row.tr.dataset.status;
    else if (row.tr.dataset.status !== s.status) row.tr.dataset.status = s.status;
  }

  private updateRow(row: Row, s: SymbolState, flash: boolean): void {
    if (row.state?.status !== s.status) this.drawStatus(row, s);
    row.state = s;
    for (const i of this.visible) {
      const v = COLUMNS[i]!.cell(s, this.format);
      const text = row.texts[i]!;
      const cls = directionClass(v.dir);
      const changed = text.data !== v.text;
      if (changed) text.data = v.text;
      if (cls !== row.classes[i]) {
        const td = row.cells[i]!;
        if (row.classes[i]) td.classList.remove(row.classes[i]!);
        if (cls) td.classList.add(cls);
        row.classes[i] = cls;
      }
      const projected = v.projected === true;
      if (projected !== row.projected[i]) {
        const td = row.cells[i]!;
        td.classList.toggle('projected', projected);
        if (projected) td.title = t('projected', this.lang);
        else td.removeAttribute('title');
        row.projected[i] = projected;
      }
      const bar = row.bars[i];
      if (bar && v.bar !== undefined) {
        const w = Number.isNaN(v.bar) ? '0%' : `${Math.round(v.bar * 100)}%`;
        if (bar.style.width !== w) bar.style.width = w;
      }
      if (changed && flash && v.text !== '') {
        const td = row.cells[i]!;
        if (!this.flashing.has(td)) td.classList.add('fl');
        this.flashing.set(td, this.now + FLASH_MS); // a cell that changes again stays lit longer
      }
    }
  }

  /** Puts the drawn rows in the DOM in this order (only the rows that are out of place move). */
  private reorder(order: string[]): void {
    if (order.length === this.drawn.length && order.every((s, i) => s === this.drawn[i])) return;
    const active = document.activeElement;
    const hadFocus = active instanceof HTMLElement && this.tbody.contains(active);
    let cursor = this.tbody.firstElementChild;
    for (const symbol of order) {
      const tr = this.rows.get(symbol)!.tr;
      if (tr === cursor) cursor = cursor.nextElementSibling;
      else this.tbody.insertBefore(tr, cursor);
    }
    this.drawn = order;
    if (hadFocus && document.activeElement !== active) active.focus({ preventScroll: true });
  }

  /**
   * Focus to a row (its index in display order) and a position among the shown columns
   * (clamped). A row outside the drawn window is scrolled into view and drawn first.
   */
  private moveFocus(rowIndex: number, colPos: number, focus: boolean): void {
    if (this.order.length === 0 || this.drawn.length === 0) return;
    const r = Math.max(0, Math.min(this.order.length - 1, rowIndex));
    if (focus && this.box && (r < this.first || r >= this.first + this.drawn.length)) {
      const h = this.rowHeight();
      this.box.scrollTop = Math.max(0, r * h - this.view.height / 2);
      this.view = { top: this.box.scrollTop, height: this.view.height };
      this.render([...this.states.values()], { flash: false });
    }
    const drawnIndex = Math.max(0, Math.min(this.drawn.length - 1, r - this.first));
    const rows = this.tbody.rows;
    const c = this.visible[Math.max(0, Math.min(this.visible.length - 1, colPos))]!;
    const next = rows[drawnIndex]!.cells[c]!;
    for (const cell of this.tbody.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (cell !== next) cell.tabIndex = -1;
    next.tabIndex = 0;
    this.focusRow = this.first + drawnIndex;
    this.focusCol = c;
    if (focus) next.focus();
  }

  /** Makes sure one body cell is tabbable (after the first rows arrive or rows are removed). */
  ensureTabStop(): void {
    if (this.tbody.rows.length === 0) return;
    const stop = this.tbody.querySelector<HTMLElement>('[tabindex="0"]');
    if (!stop || stop.hidden) this.moveFocus(this.focusRow, Math.max(0, this.visible.indexOf(this.focusCol)), false);
  }

  private onKey(e: KeyboardEvent): void {
    const td = (e.target as HTMLElement).closest('td, th');
    if (!td || !this.tbody.contains(td)) return;
    const tr = td.parentElement as HTMLTableRowElement;
    const r = this.first + tr.sectionRowIndex;
    const cellIndex = (td as HTMLTableCellElement).cellIndex;
    const c = Math.max(0, this.visible.indexOf(cellIndex));
    const last = this.order.length - 1;
    const lastCol = this.visible.length - 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: e.ctrlKey ? [0, 0] : [r, 0],
      End: e.ctrlKey ? [last, lastCol] : [r, lastCol],
      PageUp: [r - 10, c],
      PageDown: [r + 10, c],
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      this.moveFocus(to[0], to[1], true);
      return;
    }
    const symbol = tr.dataset.symbol;
    if (!symbol) return;
    if (e.key === ' ' && cellIndex === 0) {
      e.preventDefault();
      this.opts.onToggleWatch(symbol);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.opts.onOpen(symbol);
    }
  }
}
