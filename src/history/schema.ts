// Schema migrations for both stores, applied at start in order, each once. A store records
// the versions it has applied (SQLite: PRAGMA user_version; PostgreSQL: schema_migrations).
// Times are BIGINT ms since the Unix epoch in both, so the same queries and buckets apply.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'history tables',
    sql: `
      CREATE TABLE ticks (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, ts_ms INTEGER NOT NULL, price REAL NOT NULL, volume INTEGER NOT NULL, side INTEGER NOT NULL, phase INTEGER NOT NULL);
      CREATE INDEX ticks_symbol_ts ON ticks (symbol, ts_ms);
      CREATE TABLE foreign_flow (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, ts_ms INTEGER NOT NULL, buy_volume INTEGER NOT NULL, sell_volume INTEGER NOT NULL, buy_value REAL NOT NULL, sell_value REAL NOT NULL, total_room INTEGER NOT NULL, current_room INTEGER NOT NULL);
      CREATE INDEX foreign_flow_symbol_ts ON foreign_flow (symbol, ts_ms);
      CREATE TABLE index_values (id INTEGER PRIMARY KEY, index_id TEXT NOT NULL, ts_ms INTEGER NOT NULL, value REAL NOT NULL, prior_value REAL NOT NULL, total_volume INTEGER NOT NULL, total_value REAL NOT NULL, advances INTEGER NOT NULL, declines INTEGER NOT NULL, unchanged INTEGER NOT NULL);
      CREATE INDEX index_values_id_ts ON index_values (index_id, ts_ms);
      CREATE TABLE basis (id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, contract TEXT NOT NULL, futures REAL NOT NULL, spot REAL NOT NULL, basis REAL NOT NULL, basis_pct REAL NOT NULL);
      CREATE INDEX basis_ts ON basis (ts_ms);
    `,
  },
  {
    version: 2,
    name: 'side source and feed codes',
    // Adding columns with a constant default rewrites nothing; old rows read as decided by
    // the book, under their display name.
    sql: `
      ALTER TABLE ticks ADD COLUMN side_by INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ticks ADD COLUMN feed_code TEXT NOT NULL DEFAULT '';
      ALTER TABLE basis ADD COLUMN feed_code TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 3,
    name: 'alerts, basis by contract',
    // alert_id is the engine's deterministic id: a replayed or re-raised alert is stored once.
    sql: `
      CREATE TABLE alerts (id INTEGER PRIMARY KEY, alert_id TEXT NOT NULL UNIQUE, ts_ms INTEGER NOT NULL, type TEXT NOT NULL, severity TEXT NOT NULL, symbol TEXT NOT NULL, value REAL NOT NULL, params TEXT NOT NULL, message TEXT NOT NULL);
      CREATE INDEX alerts_ts ON alerts (ts_ms);
      CREATE INDEX alerts_symbol_ts ON alerts (symbol, ts_ms);
      CREATE INDEX basis_contract_ts ON basis (contract, ts_ms);
    `,
  },
];

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'history tables',
    sql: `
      CREATE TABLE ticks (id BIGINT GENERATED ALWAYS AS IDENTITY, symbol TEXT NOT NULL, ts_ms BIGINT NOT NULL, price DOUBLE PRECISION NOT NULL, volume BIGINT NOT NULL, side SMALLINT NOT NULL, phase SMALLINT NOT NULL);
      CREATE INDEX ticks_symbol_ts ON ticks (symbol, ts_ms, id);
      CREATE TABLE foreign_flow (id BIGINT GENERATED ALWAYS AS IDENTITY, symbol TEXT NOT NULL, ts_ms BIGINT NOT NULL, buy_volume BIGINT NOT NULL, sell_volume BIGINT NOT NULL, buy_value DOUBLE PRECISION NOT NULL, sell_value DOUBLE PRECISION NOT NULL, total_room BIGINT NOT NULL, current_room BIGINT NOT NULL);
      CREATE INDEX foreign_flow_symbol_ts ON foreign_flow (symbol, ts_ms, id);
      CREATE TABLE index_values (id BIGINT GENERATED ALWAYS AS IDENTITY, index_id TEXT NOT NULL, ts_ms BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL, prior_value DOUBLE PRECISION NOT NULL, total_volume BIGINT NOT NULL, total_value DOUBLE PRECISION NOT NULL, advances INTEGER NOT NULL, declines INTEGER NOT NULL, unchanged INTEGER NOT NULL);
      CREATE INDEX index_values_id_ts ON index_values (index_id, ts_ms, id);
      CREATE TABLE basis (id BIGINT GENERATED ALWAYS AS IDENTITY, ts_ms BIGINT NOT NULL, contract TEXT NOT NULL, futures DOUBLE PRECISION NOT NULL, spot DOUBLE PRECISION NOT NULL, basis DOUBLE PRECISION NOT NULL, basis_pct DOUBLE PRECISION NOT NULL);
      CREATE INDEX basis_ts ON basis (ts_ms, id);
      -- One row per committed batch: a batch retried after an ambiguous commit is skipped.
      CREATE TABLE history_batches (id TEXT PRIMARY KEY, written_at TIMESTAMPTZ NOT NULL DEFAULT now());
    `,
  },
  {
    version: 2,
    name: 'side source and feed codes',
    // A constant default is a catalogue change in PostgreSQL ≥ 11 (no table rewrite), also
    // on hypertables; old rows read as decided by the book, under their display name.
    sql: `
      ALTER TABLE ticks ADD COLUMN IF NOT EXISTS side_by SMALLINT NOT NULL DEFAULT 0, ADD COLUMN IF NOT EXISTS feed_code TEXT NOT NULL DEFAULT '';
      ALTER TABLE basis ADD COLUMN IF NOT EXISTS feed_code TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 3,
    name: 'alerts, basis by contract',
    // A plain table (not a hypertable): few rows, and alert_id stays unique on its own.
    sql: `
      CREATE TABLE IF NOT EXISTS alerts (id BIGINT GENERATED ALWAYS AS IDENTITY, alert_id TEXT NOT NULL UNIQUE, ts_ms BIGINT NOT NULL, type TEXT NOT NULL, severity TEXT NOT NULL, symbol TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, params JSONB NOT NULL, message TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS alerts_ts ON alerts (ts_ms, id);
      CREATE INDEX IF NOT EXISTS alerts_symbol_ts ON alerts (symbol, ts_ms, id);
      CREATE INDEX IF NOT EXISTS basis_contract_ts ON basis (contract, ts_ms, id);
    `,
  },
];

/** The table of each row kind (both stores), every one with its time in `ts_ms`. */
export const KIND_TABLES = { ticks: 'ticks', foreign: 'foreign_flow', index: 'index_values', basis: 'basis', alerts: 'alerts' } as const;

/** Tables turned into TimescaleDB hypertables (on ts_ms, one-day chunks) when the extension exists. */
export const HYPERTABLES = ['ticks', 'foreign_flow', 'index_values', 'basis'] as const;
