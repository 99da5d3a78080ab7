// A piscina task: one history query, run in a pool thread with its own read-only store,
// answered as the JSON body (so the main thread neither queries nor serializes rows).
import { workerData } from 'node:worker_threads';
import { openStore, type HistoryStore, type StoreTarget } from './store.js';
import type { HistoryQuery } from './types.js';

let store: Promise<HistoryStore> | undefined;

export default async function query(q: HistoryQuery): Promise<string> {
  store ??= openStore((workerData as { target: StoreTarget }).target, { readOnly: true });
  let s: HistoryStore;
  try {
    s = await store;
  } catch (err) {
    store = undefined; // try again on the next task (e.g. the database was down)
    throw err;
  }
  // One row more than asked tells whether the answer was cut at the limit.
  const rows = await s.query({ ...q, limit: q.limit + 1 });
  const truncated = rows.length > q.limit;
  if (truncated) rows.length = q.limit;
  const { kind, limit, ...params } = q;
  return JSON.stringify({ ...params, count: rows.length, truncated, rows });
}
