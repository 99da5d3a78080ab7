// The history store: one interface, two implementations (SQLite embedded by default,
// PostgreSQL when DATABASE_URL is set). The writer thread holds one read-write store; each
// query thread holds its own read-only one.
import type { HistoryQuery, HistoryRows, QueryRow, RowKind } from './types.js';

export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface HistoryStore {
  readonly kind: StoreTarget['kind'];
  /**
   * Writes one batch in one transaction. Idempotent per `batchId`: a batch retried after
   * an ambiguous failure (the commit reached the server, the answer did not) is not
   * written twice.
   */
  write(batchId: string, rows: HistoryRows): Promise<void>;
  /** Rows in [from, to), ascending time, at most `limit` (+1 to detect truncation is the caller's business). */
  query(q: HistoryQuery): Promise<QueryRow[]>;
  /** Row counts per kind (tests, diagnostics). */
  counts(): Promise<Record<RowKind, number>>;
  /** Deletes every row older than `beforeMs` (ts < beforeMs), all kinds; returns how many went per kind. */
  prune(beforeMs: number): Promise<Record<RowKind, number>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Query threads open read-only: no migrations, no writes. */
  readOnly?: boolean;
}

export async function openStore(target: StoreTarget, opts: OpenOptions = {}): Promise<HistoryStore> {
  if (target.kind === 'sqlite') {
    const { SqliteStore } = await import('./sqlite-store.js');
    return SqliteStore.open(target.path, opts);
  }
  const { PostgresStore } = await import('./postgres-store.js');
  return PostgresStore.open(target.url, opts);
}

/** A connection string with its password (and user info) hidden, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '[unparseable url]';
  }
}

export function describeTarget(t: StoreTarget): Record<string, string> {
  return t.kind === 'sqlite' ? { store: 'sqlite', path: t.path } : { store: 'postgres', url: redactUrl(t.url) };
}

/**
 * How long one statement waits for another connection's lock. Short: the batch writer
 * retries with backoff anyway, and a thread blocked inside SQLite cannot take the close
 * message nor be terminated safely (better-sqlite3 aborts the process when a worker is
 * terminated mid-statement), so the shutdown waits this long past its deadline at most.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 1000;
