// Local time on the Asia/Ho_Chi_Minh clock (UTC+7 all year: Vietnam has no DST) and the
// daily session key. The timetables and holidays are in calendar.ts.

export const VN_OFFSET_MS = 7 * 3600_000;
/** Session data resets daily at 15:05 local time. */
export const DAILY_RESET_MINUTE = 15 * 60 + 5;

/** Minutes since local midnight (fractional) of a UTC ms instant, in Asia/Ho_Chi_Minh. */
export function localMinuteOfDay(timeMs: number): number {
  const local = timeMs + VN_OFFSET_MS;
  return (((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
}

/** YYYY-MM-DD of the instant in Asia/Ho_Chi_Minh. */
export function tradingDate(timeMs: number): string {
  return new Date(timeMs + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Day of week (0 = Sunday) in Asia/Ho_Chi_Minh. */
export function localWeekday(timeMs: number): number {
  return new Date(timeMs + VN_OFFSET_MS).getUTCDay();
}

/** UTC ms of a local Asia/Ho_Chi_Minh date (YYYY-MM-DD) and time (HH:MM[:SS]). */
export function localTimeToMs(date: string, time: string): number {
  const [h, m, s] = time.split(':').map(Number);
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
}

/**
 * The session day an instant belongs to: data from 15:05 local onwards belongs to the
 * next session, so two instants need a reset between them when their keys differ.
 */
export function sessionKey(timeMs: number): string {
  const minute = localMinuteOfDay(timeMs);
  return minute >= DAILY_RESET_MINUTE ? tradingDate(timeMs + 86_400_000) : tradingDate(timeMs);
}
