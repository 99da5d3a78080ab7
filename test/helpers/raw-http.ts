// Raw HTTP over a TCP socket, for requests fetch will not send (odd methods, malformed
// bytes, huge headers, bad upgrades) and for watching what the server does with the
// connection afterwards.
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status line's code, or undefined when no response came. */
  status: number | undefined;
  statusLine: string;
  headers: Record<string, string>;
  body: string;
  /** Everything received. */
  raw: string;
  /** True when the server closed the connection (before `timeoutMs`). */
  closed: boolean;
  /** ms from connect to close (or to the timeout). */
  elapsedMs: number;
}

/**
 * Sends `data` and collects the answer: resolves when one complete response arrived
 * (Content-Length honoured) and `waitClose` is false, or when the server closes, or after
 * `timeoutMs` (closed: false).
 */
export function rawRequest(port: number, data: string | Buffer, opts: { timeoutMs?: number; waitClose?: boolean; head?: boolean } = {}): Promise<RawAnswer> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve) => {
    const t0 = Date.now();
    const sock = connect(port, '127.0.0.1', () => sock.write(data));
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ ...parse(buf.toString('latin1')), closed, elapsedMs: Date.now() - t0 });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (!opts.waitClose && complete(buf.toString('latin1'), opts.head === true)) finish(false);
    });
    sock.on('error', () => finish(true));
    sock.on('close', () => finish(true));
  });
}

function parse(raw: string): Omit<RawAnswer, 'closed' | 'elapsedMs'> {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: m ? Number(m[1]) : undefined, statusLine, headers, body: end < 0 ? '' : raw.slice(end + 4), raw };
}

function complete(raw: string, head: boolean): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const p = parse(raw);
  if (head || p.status === 101 || p.status === 204 || p.status === 304) return true;
  const len = Number(p.headers['content-length'] ?? NaN);
  return Number.isFinite(len) ? Buffer.byteLength(p.body, 'latin1') >= len : false;
}

/** A GET (or other method) request's bytes. */
export const req = (method: string, target: string, headers: Record<string, string> = {}) =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
