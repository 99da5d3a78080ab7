// CORS_ORIGINS as a value: checked by src/config.ts at start (exit 78 on a bad item), turned
// into the HTTP policy by src/server/cors.ts.

/** Parses CORS_ORIGINS: '' (off), '*', or origins `scheme://host[:port]`, comma-separated. Throws on a bad item. */
export function parseCorsOrigins(spec: string): '*' | string[] {
  const s = spec.trim();
  if (s === '*') return '*';
  const out: string[] = [];
  for (const item of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!/^https?:\/\/[^\s/?#]+$/i.test(item)) throw new Error(`"*" or a comma-separated list of origins like https://board.example.com (bad item ${JSON.stringify(item)})`);
    out.push(item.toLowerCase());
  }
  return out;
}
