// The daily foreign summary of a symbol. The feed's foreign figures are cumulative for the
// day, so a day's summary is its last row. Days are Asia/Ho_Chi_Minh days (UTC+7, like the
// candles' buckets). One query for both stores, written with each store's placeholders.
import { BUCKET_OFFSET_MS, type ForeignDayRow } from './types.js';

const DAY_MS = 86_400_000;

/** The query; its parameters, in order: symbol, from, to, limit. `p(i)` is the store's placeholder for parameter i (1-based). */
export function foreignDailySql(p: (i: number) => string): string {
  const day = `(ts_ms + ${BUCKET_OFFSET_MS}) / ${DAY_MS}`;
  return `SELECT day, ts_ms, buy_volume, sell_volume, buy_value, sell_value, current_room, total_room FROM (
            SELECT ${day} AS day, ts_ms, buy_volume, sell_volume, buy_value, sell_value, current_room, total_room,
                   row_number() OVER (PARTITION BY ${day} ORDER BY ts_ms DESC, id DESC) AS rn
              FROM foreign_flow WHERE symbol = ${p(1)} AND ts_ms >= ${p(2)} AND ts_ms < ${p(3)}) d
           WHERE rn = 1 ORDER BY day LIMIT ${p(4)}`;
}

/** A result row (as an array, in the query's column order) as the API's row. */
export function foreignDay(r: readonly unknown[]): ForeignDayRow {
  const [day, ts, buyVolume, sellVolume, buyValue, sellValue, room, totalRoom] = r.map(Number) as number[];
  return {
    date: new Date(day! * DAY_MS).toISOString().slice(0, 10),
    ts: ts!,
    buyVolume: buyVolume!,
    sellVolume: sellVolume!,
    buyValue: buyValue!,
    sellValue: sellValue!,
    netVolume: buyVolume! - sellVolume!,
    netValue: buyValue! - sellValue!,
    room: room!,
    totalRoom: totalRoom!,
  };
}
