// Serves the built board page (dist/web, made by `vite build`): `/` is its index.html,
// `/assets/*` the hashed bundle, plus the few files at the top of dist/web (favicon).
// - The directory is read once, when the server module loads (and again on a request while
//   it is missing), and every file is compressed then, off the main thread (zlib's async
//   brotli and gzip), so a request only ever picks bytes from memory.
// - Content negotiation: br, else gzip, else identity, with Vary: Accept-Encoding.
// - Caching: hashed assets are immutable for a year; index.html (and the other unhashed
//   files) is `no-cache` with a strong ETag, answered with 304 on If-None-Match.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zc, gzip } from 'node:zlib';
import { httpError, type HttpAnswer, type Route, type RouteRequest } from './http-router.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.ico']);
/** Below this size compression does not pay for its headers. */
const MIN_COMPRESS_BYTES = 512;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The board's Content-Security-Policy: its own scripts and styles, sockets to its own host. */
export const PAGE_CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface StaticFile {
  path: string;
  contentType: string;
  etag: string;
  cacheControl: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** Picks the encoding for an Accept-Encoding header among the ones a file has (q=0 excludes). */
export function chooseEncoding(acceptEncoding: string, available: { br?: unknown; gzip?: unknown }): Encoding {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), weight);
  }
  const accepts = (enc: string) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (available.br && accepts('br')) return 'br';
  if (available.gzip && accepts('gzip')) return 'gzip';
  return 'identity';
}

/** Files under assets/ carry a content hash in their name (vite's output): cache forever. */
export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Reads and compresses every file of a built site. Keys are URL paths ('/index.html', '/assets/x.js'). */
export async function loadSite(dir: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  await Promise.all(
    (await walk(dir)).map(async (full) => {
      const path = `/${relative(dir, full).split(sep).join('/')}`;
      const ext = extname(path).toLowerCase();
      const identity = await readFile(full);
      const file: StaticFile = {
        path,
        contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
        cacheControl: cacheControlFor(path),
        identity,
      };
      if (COMPRESSIBLE.has(ext) && identity.byteLength >= MIN_COMPRESS_BYTES) {
        const [br, gzipped] = await Promise.all([
          // Source maps are big and rarely fetched: a cheaper brotli level for them.
          brotli(identity, { params: { [zc.BROTLI_PARAM_QUALITY]: ext === '.map' ? 5 : 11, [zc.BROTLI_PARAM_SIZE_HINT]: identity.byteLength } }),
          gz(identity, { level: 9 }),
        ]);
        if (br.byteLength < identity.byteLength) file.br = br;
        if (gzipped.byteLength < identity.byteLength) file.gzip = gzipped;
      }
      files.set(path, file);
    }),
  );
  return files;
}

/** dist/web of this package, whether running compiled (dist/src/server) or from source (src/server). */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
}

const notBuilt = (dir: string) => httpError('BC_WEB_NOT_BUILT', `the board page is not built (${dir} is missing): run \`npm run build\``);
const notFound = (url: string) => httpError('BC_NOT_FOUND', `no route for GET ${url.slice(0, 200)}`);

function answerFile(file: StaticFile, acceptEncoding: string, ifNoneMatch: string): HttpAnswer {
  const notModified = ifNoneMatch !== '' && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag);
  const encoding = chooseEncoding(acceptEncoding, file);
  const headers: Record<string, string> = { 'Cache-Control': file.cacheControl, ETag: file.etag, 'X-Content-Type-Options': 'nosniff' };
  if (file.br || file.gzip) headers['Vary'] = 'Accept-Encoding';
  if (file.path.endsWith('.html')) {
    headers['Content-Security-Policy'] = PAGE_CSP;
    headers['Referrer-Policy'] = 'no-referrer';
  }
  if (notModified) return { status: '304 Not Modified', headers };
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  const body = encoding === 'br' ? file.br! : encoding === 'gzip' ? file.gzip! : file.identity;
  return { status: '200 OK', body, contentType: file.contentType, headers };
}

/**
 * The answers for the built page in `dir` (default: dist/web), by request path; `/` serves
 * index.html. Register it for `/`, `/index.html`, `/assets/*` and the top-level files.
 */
export function serveWeb(dir: string = defaultWebDir(), preload = true): (req: RouteRequest) => HttpAnswer | Promise<HttpAnswer> {
  let site: Map<string, StaticFile> | undefined;
  let loading: Promise<Map<string, StaticFile> | undefined> | undefined;
  const load = () =>
    (loading ??= (existsSync(join(dir, 'index.html')) ? loadSite(dir) : Promise.resolve(undefined)).then(
      (s) => {
        site = s;
        loading = undefined;
        return s;
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));

  // Warm up off the request path (zlib runs on the libuv pool); a request that comes first waits for it.
  if (preload) setImmediate(() => void load().catch(() => undefined));

  const answer = (s: Map<string, StaticFile> | undefined, req: RouteRequest): HttpAnswer => {
    if (!s) return notBuilt(dir);
    const file = s.get(req.path === '/' ? '/index.html' : req.path);
    return file ? answerFile(file, req.header('accept-encoding'), req.header('if-none-match')) : notFound(req.path);
  };
  return (req) => (site ? answer(site, req) : load().then((s) => answer(s, req)));
}

let boardPage: ReturnType<typeof serveWeb> | undefined;

/** The board page of this package (dist/web, read once per process), as routes for the HttpRouter. */
export function boardPageRoutes(handle = (boardPage ??= serveWeb())): Route[] {
  return ['/', '/index.html', '/favicon.svg', '/assets/*'].map((pattern) => ({ pattern, name: 'board-page', access: 'open', handle }));
}
