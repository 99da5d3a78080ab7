// The embedded store: one SQLite file (better-sqlite3, synchronous — so it only ever runs
// in the writer thread or a query thread, never on the main or the market thread). WAL
// mode lets the query threads read while the writer writes.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { foreignDailySql, foreignDay } from './foreign-daily.js';
import { candlesOfIndex, candlesOfTicks } from '../market/candles/candle.js';
import { KIND_TABLES, SQLITE_MIGRATIONS } from './schema.js';
import { SQLITE_BUSY_TIMEOUT_MS, type HistoryStore, type OpenOptions } from './store.js';
import { INTERVALS, SIDE_BY_CODE, SIDE_BY_OF, SIDE_CODE, SIDE_OF, storedFeedCode, type AlertRow, type BasisRow, type ForeignRow, type HistoryQuery, type HistoryRows, type IndexRow, type QueryRow, type RowKind, type TickRow } from './types.js';

type Db = Database.Database;

export class SqliteStore implements HistoryStore {
  readonly kind = 'sqlite' as const;
  private readonly insert: Record<RowKind, Database.Statement> | undefined;
  private readonly writeTx: ((rows: HistoryRows) => void) | undefined;

  private constructor(private readonly db: Db, readOnly: boolean) {
    if (readOnly) return;
    this.insert = {
      ticks: db.prepare('INSERT INTO ticks (symbol, ts_ms, price, volume, side, phase, side_by, feed_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      foreign: db.prepare('INSERT INTO foreign_flow (symbol, ts_ms, buy_volume, sell_volume, buy_value, sell_value, total_room, current_room) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      index: db.prepare('INSERT INTO index_values (index_id, ts_ms, value, prior_value, total_volume, total_value, advances, declines, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      basis: db.prepare('INSERT INTO basis (ts_ms, contract, futures, spot, basis, basis_pct, feed_code) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      alerts: db.prepare('INSERT INTO alerts (alert_id, ts_ms, type, severity, symbol, value, params, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING'),
    };
    const ins = this.insert;
    this.writeTx = db.transaction((rows: HistoryRows) => {
      for (const r of rows.ticks) ins.ticks.run(r.symbol, r.ts, r.price, r.volume, SIDE_CODE[r.side], r.phase, SIDE_BY_CODE[r.sideBy ?? 'book'], storedFeedCode(r.symbol, r.feedCode));
      for (const r of rows.foreign) ins.foreign.run(r.symbol, r.ts, r.buyVolume, r.sellVolume, r.buyValue, r.sellValue, r.totalRoom, r.currentRoom);
      for (const r of rows.index) ins.index.run(r.id, r.ts, r.value, r.priorValue, r.totalVolume, r.totalValue, r.advances, r.declines, r.unchanged);
      for (const r of rows.basis) ins.basis.run(r.ts, r.contract, r.futures, r.spot, r.basis, r.basisPct, storedFeedCode(r.contract, r.feedCode));
      for (const r of rows.alerts ?? []) ins.alerts.run(r.id, r.ts, r.type, r.severity, r.symbol, r.value, JSON.stringify(r.params), r.message);
    });
  }

  /** Opens (creating the file and its folder on first start) and migrates; read-only opens wait for the writer's schema. */
  static open(path: string, opts: OpenOptions = {}): SqliteStore {
    if (!opts.readOnly) mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, opts.readOnly ? { readonly: true, fileMustExist: true } : {});
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!opts.readOnly) {
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last ones.
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return new SqliteStore(db, opts.readOnly === true);
  }

  async write(_batchId: string, rows: HistoryRows): Promise<void> {
    // A local transaction either commits or throws (and rolls back): no ambiguous commit,
    // so no batch ledger is needed here.
    if (!this.writeTx) throw new Error('the store was opened read-only');
    this.writeTx(rows);
  }

  async query(q: HistoryQuery): Promise<QueryRow[]> {
    const db = this.db;
    switch (q.kind) {
      case 'candles': {
        const it = db.prepare('SELECT ts_ms, price, volume, side FROM ticks WHERE symbol = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id').raw().iterate(q.symbol, q.from, q.to);
        return candlesOfTicks(it as Iterable<[number, number, number, number]>, INTERVALS[q.interval], q.limit);
      }
      case 'index-candles': {
        // The point before the range: its total volume is the base of the first point's rise.
        const before = db.prepare('SELECT total_volume FROM index_values WHERE index_id = ? AND ts_ms < ? ORDER BY ts_ms DESC, id DESC LIMIT 1').raw().get(q.id, q.from) as [number] | undefined;
        const it = db.prepare('SELECT ts_ms, value, total_volume FROM index_values WHERE index_id = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id').raw().iterate(q.id, q.from, q.to);
        return candlesOfIndex(it as Iterable<[number, number, number]>, INTERVALS[q.interval], q.limit, before?.[0]);
      }
      case 'ticks':
        return (db.prepare('SELECT symbol, ts_ms, price, volume, side, phase, side_by, feed_code FROM ticks WHERE symbol = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ?').raw().all(q.symbol, q.from, q.to, q.limit) as unknown[][]).map(
          (r): TickRow => ({ symbol: r[0] as string, ts: r[1] as number, price: r[2] as number, volume: r[3] as number, side: SIDE_OF[r[4] as number] ?? 'neutral', sideBy: SIDE_BY_OF[r[6] as number] ?? 'book', phase: r[5] as number, feedCode: (r[7] as string) || (r[0] as string) }),
        );
      case 'foreign':
        return (db.prepare('SELECT symbol, ts_ms, buy_volume, sell_volume, buy_value, sell_value, total_room, current_room FROM foreign_flow WHERE symbol = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ?').raw().all(q.symbol, q.from, q.to, q.limit) as unknown[][]).map(
          (r): ForeignRow => ({ symbol: r[0] as string, ts: r[1] as number, buyVolume: r[2] as number, sellVolume: r[3] as number, buyValue: r[4] as number, sellValue: r[5] as number, totalRoom: r[6] as number, currentRoom: r[7] as number }),
        );
      case 'index':
        return (db.prepare('SELECT index_id, ts_ms, value, prior_value, total_volume, total_value, advances, declines, unchanged FROM index_values WHERE index_id = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ?').raw().all(q.id, q.from, q.to, q.limit) as unknown[][]).map(
          (r): IndexRow => ({ id: r[0] as string, ts: r[1] as number, value: r[2] as number, priorValue: r[3] as number, totalVolume: r[4] as number, totalValue: r[5] as number, advances: r[6] as number, declines: r[7] as number, unchanged: r[8] as number }),
        );
      case 'basis': {
        const cols = 'SELECT ts_ms, contract, futures, spot, basis, basis_pct, feed_code FROM basis WHERE';
        const stmt = q.contract === undefined ? db.prepare(`${cols} ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ?`) : db.prepare(`${cols} contract = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id LIMIT ?`);
        const args = q.contract === undefined ? [q.from, q.to, q.limit] : [q.contract, q.from, q.to, q.limit];
        return (stmt.raw().all(...args) as unknown[][]).map(
          (r): BasisRow => ({ ts: r[0] as number, contract: r[1] as string, feedCode: (r[6] as string) || (r[1] as string), futures: r[2] as number, spot: r[3] as number, basis: r[4] as number, basisPct: r[5] as number }),
        );
      }
      case 'foreign-daily':
        return (db.prepare(foreignDailySql(() => '?')).raw().all(q.symbol, q.from, q.to, q.limit) as unknown[][]).map(foreignDay);
      case 'alerts': {
        const where = ['ts_ms >= ?', 'ts_ms < ?'];
        const args: unknown[] = [q.from, q.to];
        for (const [col, v] of [['symbol', q.symbol], ['type', q.type], ['severity', q.severity]] as const) {
          if (v === undefined) continue;
          where.push(`${col} = ?`);
          args.push(v);
        }
        return (db.prepare(`SELECT alert_id, ts_ms, type, severity, symbol, value, params, message FROM alerts WHERE ${where.join(' AND ')} ORDER BY ts_ms, id LIMIT ?`).raw().all(...args, q.limit) as unknown[][]).map(
          (r): AlertRow => ({ id: r[0] as string, ts: r[1] as number, type: r[2] as string, severity: r[3] as AlertRow['severity'], symbol: r[4] as string, value: r[5] as number, params: JSON.parse(r[6] as string), message: r[7] as string }),
        );
      }
    }
  }

  async counts(): Promise<Record<RowKind, number>> {
    const n = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ticks: n('ticks'), foreign: n('foreign_flow'), index: n('index_values'), basis: n('basis'), alerts: n('alerts') };
  }

  async prune(beforeMs: number): Promise<Record<RowKind, number>> {
    if (!this.writeTx) throw new Error('the store was opened read-only');
    const out = {} as Record<RowKind, number>;
    // One transaction: a reader sees the window move for every kind at once.
    this.db.transaction(() => {
      for (const [kind, table] of Object.entries(KIND_TABLES) as Array<[RowKind, string]>) out[kind] = this.db.prepare(`DELETE FROM ${table} WHERE ts_ms < ?`).run(beforeMs).changes;
    })();
    return out;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Db): void {
  // Under the write lock (IMMEDIATE), so two processes starting on one file do not race.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const m of SQLITE_MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}
