// Malformed percent-encoding in a request (`%E0%A4%A`, `%zz`): found before any handler
// decodes anything, so a route never meets a URIError and the client learns which
// parameter is wrong (400 naming it) instead of the process dying.

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

/**
 * The name of the first badly encoded part of a request: 'path' for the path, the query
 * parameter's name (as sent, when the name itself is broken) for the query; undefined when
 * everything decodes.
 */
export function badlyEncoded(path: string, rawQuery: string): string | undefined {
  try {
    decodeURIComponent(path);
  } catch {
    return 'path';
  }
  if (!rawQuery) return undefined;
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key: string;
    try {
      key = decode(rawKey);
    } catch {
      return rawKey.slice(0, 64);
    }
    if (eq < 0) continue;
    try {
      decode(pair.slice(eq + 1));
    } catch {
      return key.slice(0, 64);
    }
  }
  return undefined;
}
