// The production store: PostgreSQL through a `pg` pool. Schema migrations run at start
// under an advisory lock (several pods may start at once); TimescaleDB hypertables are
// used when the extension is available, plain tables otherwise. Batches are inserted with
// one UNNEST statement per kind (no parameter-count limit) inside one transaction, with a
// ledger row that makes a retried batch idempotent.
import pg from 'pg';
import { foreignDailySql, foreignDay } from './foreign-daily.js';
import { candlesOfIndex } from '../market/candles/candle.js';
import { HYPERTABLES, KIND_TABLES, PG_MIGRATIONS } from './schema.js';
import type { HistoryStore, OpenOptions } from './store.js';
import { BUCKET_OFFSET_MS, INTERVALS, SIDE_BY_CODE, SIDE_BY_OF, SIDE_CODE, SIDE_OF, storedFeedCode, type HistoryQuery, type HistoryRows, type QueryRow, type RowKind } from './types.js';

const step = (i: keyof typeof INTERVALS) => INTERVALS[i];
const MIGRATION_LOCK = 0x62636873; // 'bchs'
/** Ledger rows older than this are pruned: a retry never comes that late. */
const LEDGER_KEEP = '1 day';

// BIGINT (ms, volumes) as JS numbers: every value here is far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

export class PostgresStore implements HistoryStore {
  readonly kind = 'postgres' as const;
  private batches = 0;
  timescale = false;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string, opts: OpenOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.readOnly ? 2 : 4,
      connectionTimeoutMillis: 5000,
      // A stalled server must surface as an error the writer retries, not a hang.
      query_timeout: 60_000,
      idleTimeoutMillis: 10_000,
      types,
      application_name: 'boardcast-history',
    });
    // A client whose server went away (idle or checked out): its next query fails, and the
    // writer retries the batch. Without these listeners the 'error' event would kill the thread.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const store = new PostgresStore(pool);
    try {
      if (!opts.readOnly) await store.migrate();
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of PG_MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
    await this.useTimescale();
  }

  /** Hypertables when TimescaleDB is installable; silently plain tables when it is not. */
  private async useTimescale(): Promise<void> {
    const avail = await this.pool.query("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
    if (avail.rowCount === 0) return;
    try {
      await this.pool.query('CREATE EXTENSION IF NOT EXISTS timescaledb');
      for (const t of HYPERTABLES) {
        await this.pool.query(`SELECT create_hypertable('${t}', 'ts_ms', chunk_time_interval => 86400000::bigint, if_not_exists => true, migrate_data => true)`);
      }
      this.timescale = true;
    } catch {
      // Available but not loadable (shared_preload_libraries): plain tables work the same.
      this.timescale = false;
    }
  }

  async write(batchId: string, rows: HistoryRows): Promise<void> {
    const c = await this.pool.connect();
    let broken = false;
    try {
      await c.query('BEGIN');
      const fresh = await c.query('INSERT INTO history_batches (id) VALUES ($1) ON CONFLICT DO NOTHING', [batchId]);
      if (fresh.rowCount === 1) {
        const t = rows.ticks;
        if (t.length)
          await c.query('INSERT INTO ticks (symbol, ts_ms, price, volume, side, phase, side_by, feed_code) SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::bigint[], $5::int2[], $6::int2[], $7::int2[], $8::text[])', [
            t.map((r) => r.symbol), t.map((r) => r.ts), t.map((r) => r.price), t.map((r) => r.volume), t.map((r) => SIDE_CODE[r.side]), t.map((r) => r.phase),
            t.map((r) => SIDE_BY_CODE[r.sideBy ?? 'book']), t.map((r) => storedFeedCode(r.symbol, r.feedCode)),
          ]);
        const f = rows.foreign;
        if (f.length)
          await c.query('INSERT INTO foreign_flow (symbol, ts_ms, buy_volume, sell_volume, buy_value, sell_value, total_room, current_room) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::bigint[], $8::bigint[])', [
            f.map((r) => r.symbol), f.map((r) => r.ts), f.map((r) => r.buyVolume), f.map((r) => r.sellVolume), f.map((r) => r.buyValue), f.map((r) => r.sellValue), f.map((r) => r.totalRoom), f.map((r) => r.currentRoom),
          ]);
        const x = rows.index;
        if (x.length)
          await c.query('INSERT INTO index_values (index_id, ts_ms, value, prior_value, total_volume, total_value, advances, declines, unchanged) SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::float8[], $5::bigint[], $6::float8[], $7::int4[], $8::int4[], $9::int4[])', [
            x.map((r) => r.id), x.map((r) => r.ts), x.map((r) => r.value), x.map((r) => r.priorValue), x.map((r) => r.totalVolume), x.map((r) => r.totalValue), x.map((r) => r.advances), x.map((r) => r.declines), x.map((r) => r.unchanged),
          ]);
        const b = rows.basis;
        if (b.length)
          await c.query('INSERT INTO basis (ts_ms, contract, futures, spot, basis, basis_pct, feed_code) SELECT * FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::text[])', [
            b.map((r) => r.ts), b.map((r) => r.contract), b.map((r) => r.futures), b.map((r) => r.spot), b.map((r) => r.basis), b.map((r) => r.basisPct), b.map((r) => storedFeedCode(r.contract, r.feedCode)),
          ]);
        const a = rows.alerts ?? [];
        if (a.length)
          await c.query('INSERT INTO alerts (alert_id, ts_ms, type, severity, symbol, value, params, message) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::jsonb[], $8::text[]) ON CONFLICT (alert_id) DO NOTHING', [
            a.map((r) => r.id), a.map((r) => r.ts), a.map((r) => r.type), a.map((r) => r.severity), a.map((r) => r.symbol), a.map((r) => r.value), a.map((r) => JSON.stringify(r.params)), a.map((r) => r.message),
          ]);
      }
      if (++this.batches % 1000 === 0) await c.query(`DELETE FROM history_batches WHERE written_at < now() - interval '${LEDGER_KEEP}'`);
      await c.query('COMMIT');
    } catch (err) {
      broken = true;
      // On a dead connection ROLLBACK never answers: do not wait for it long.
      await Promise.race([c.query('ROLLBACK').catch(() => {}), new Promise((r) => setTimeout(r, 1000).unref())]);
      throw err;
    } finally {
      // A client that failed mid-transaction may be dead: do not return it to the pool.
      c.release(broken);
    }
  }

  async query(q: HistoryQuery): Promise<QueryRow[]> {
    switch (q.kind) {
      case 'candles': {
        const stepMs = step(q.interval);
        // Same bucket rule as types.ts bucketStart; open/close by (time, arrival) order.
        const r = await this.pool.query(
          `SELECT b AS ts, (array_agg(price ORDER BY ts_ms, id))[1] AS open, max(price) AS high, min(price) AS low,
                  (array_agg(price ORDER BY ts_ms DESC, id DESC))[1] AS close, sum(volume)::bigint AS volume,
                  coalesce(sum(volume) FILTER (WHERE side = 1), 0)::bigint AS "buyVolume",
                  coalesce(sum(volume) FILTER (WHERE side = 2), 0)::bigint AS "sellVolume", count(*)::bigint AS trades
             FROM (SELECT ((ts_ms + $4::bigint) / $5::bigint) * $5::bigint - $4::bigint AS b, ts_ms, id, price, volume, side
                     FROM ticks WHERE symbol = $1 AND ts_ms >= $2 AND ts_ms < $3) t
            GROUP BY b ORDER BY b LIMIT $6`,
          [q.symbol, q.from, q.to, BUCKET_OFFSET_MS, stepMs, q.limit],
        );
        return r.rows;
      }
      case 'index-candles': {
        // Folded in JS by the same pure rule as the live index candles (market/candles/candle.ts):
        // the volume is a difference between consecutive points, which SQL would have to
        // re-derive with a window; the point before the range is the first rise's base.
        const before = await this.pool.query({ text: 'SELECT total_volume FROM index_values WHERE index_id = $1 AND ts_ms < $2 ORDER BY ts_ms DESC, id DESC LIMIT 1', values: [q.id, q.from], rowMode: 'array' });
        const r = await this.pool.query({ text: 'SELECT ts_ms, value, total_volume FROM index_values WHERE index_id = $1 AND ts_ms >= $2 AND ts_ms < $3 ORDER BY ts_ms, id', values: [q.id, q.from, q.to], rowMode: 'array' });
        return candlesOfIndex(r.rows as [number, number, number][], step(q.interval), q.limit, before.rows[0]?.[0] as number | undefined);
      }
      case 'ticks': {
        const r = await this.pool.query('SELECT symbol, ts_ms AS ts, price, volume, side, side_by, phase, feed_code FROM ticks WHERE symbol = $1 AND ts_ms >= $2 AND ts_ms < $3 ORDER BY ts_ms, id LIMIT $4', [q.symbol, q.from, q.to, q.limit]);
        return r.rows.map(({ side, side_by, feed_code, ...x }) => ({ ...x, side: SIDE_OF[side] ?? 'neutral', sideBy: SIDE_BY_OF[side_by] ?? 'book', feedCode: feed_code || x.symbol }));
      }
      case 'foreign':
        return (
          await this.pool.query(
            'SELECT symbol, ts_ms AS ts, buy_volume AS "buyVolume", sell_volume AS "sellVolume", buy_value AS "buyValue", sell_value AS "sellValue", total_room AS "totalRoom", current_room AS "currentRoom" FROM foreign_flow WHERE symbol = $1 AND ts_ms >= $2 AND ts_ms < $3 ORDER BY ts_ms, id LIMIT $4',
            [q.symbol, q.from, q.to, q.limit],
          )
        ).rows;
      case 'index':
        return (
          await this.pool.query(
            'SELECT index_id AS id, ts_ms AS ts, value, prior_value AS "priorValue", total_volume AS "totalVolume", total_value AS "totalValue", advances, declines, unchanged FROM index_values WHERE index_id = $1 AND ts_ms >= $2 AND ts_ms < $3 ORDER BY ts_ms, id LIMIT $4',
            [q.id, q.from, q.to, q.limit],
          )
        ).rows;
      case 'basis': {
        const cols = 'SELECT ts_ms AS ts, contract, futures, spot, basis, basis_pct AS "basisPct", feed_code FROM basis';
        const r =
          q.contract === undefined
            ? await this.pool.query(`${cols} WHERE ts_ms >= $1 AND ts_ms < $2 ORDER BY ts_ms, id LIMIT $3`, [q.from, q.to, q.limit])
            : await this.pool.query(`${cols} WHERE contract = $4 AND ts_ms >= $1 AND ts_ms < $2 ORDER BY ts_ms, id LIMIT $3`, [q.from, q.to, q.limit, q.contract]);
        return r.rows.map(({ feed_code, ...x }) => ({ ...x, feedCode: feed_code || x.contract }));
      }
      case 'foreign-daily':
        return (await this.pool.query({ text: foreignDailySql((i) => `$${i}`), values: [q.symbol, q.from, q.to, q.limit], rowMode: 'array' })).rows.map(foreignDay);
      case 'alerts': {
        const where = ['ts_ms >= $1', 'ts_ms < $2'];
        const args: unknown[] = [q.from, q.to];
        for (const [col, v] of [['symbol', q.symbol], ['type', q.type], ['severity', q.severity]] as const) {
          if (v === undefined) continue;
          args.push(v);
          where.push(`${col} = $${args.length}`);
        }
        args.push(q.limit);
        const r = await this.pool.query(`SELECT alert_id AS id, ts_ms AS ts, type, severity, symbol, value, params, message FROM alerts WHERE ${where.join(' AND ')} ORDER BY ts_ms, id LIMIT $${args.length}`, args);
        return r.rows;
      }
    }
  }

  async counts(): Promise<Record<RowKind, number>> {
    const r = await this.pool.query('SELECT (SELECT count(*) FROM ticks) AS ticks, (SELECT count(*) FROM foreign_flow) AS foreign, (SELECT count(*) FROM index_values) AS index, (SELECT count(*) FROM basis) AS basis, (SELECT count(*) FROM alerts) AS alerts');
    return r.rows[0] as Record<RowKind, number>;
  }

  async prune(beforeMs: number): Promise<Record<RowKind, number>> {
    // A plain DELETE on plain tables and on hypertables alike (TimescaleDB's drop_chunks
    // would only drop whole days, leaving the window's edge to this DELETE anyway).
    const out = {} as Record<RowKind, number>;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const [kind, table] of Object.entries(KIND_TABLES) as Array<[RowKind, string]>) out[kind] = (await c.query(`DELETE FROM ${table} WHERE ts_ms < $1`, [beforeMs])).rowCount ?? 0;
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
    return out;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
