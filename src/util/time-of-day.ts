// A time of day as written in configuration and timetables ("HH:MM:SS"), parsed once for
// everyone: the configuration check (SIM_START_TIME) and the simulator's schedule. It sits
// below market/ so that config.ts can check a value without loading the simulator.

/** "HH:MM:SS" → ms since local midnight; undefined when malformed. */
export function parseClock(hms: string): number | undefined {
  const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(hms);
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return (h * 3600 + mi * 60 + s) * 1000;
}
