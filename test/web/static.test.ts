// Serving the built board page: content types, br/gzip negotiation, caching headers
// (immutable hashed assets; index.html no-cache with an ETag answered by 304).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, chooseEncoding, IMMUTABLE, loadSite, REVALIDATE } from '../../src/server/static.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('static helpers', () => {
  it('negotiates br, then gzip, then identity; q=0 refuses', () => {
    const both = { br: 1, gzip: 1 };
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('', both)).toBe('identity');
    expect(chooseEncoding('identity', both)).toBe('identity');
    expect(chooseEncoding('br', {})).toBe('identity');
  });

  it('hashed assets are immutable for a year; the rest revalidates', () => {
    expect(cacheControlFor('/assets/index-abc123.js')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toContain('max-age=31536000');
    expect(cacheControlFor('/index.html')).toBe(REVALIDATE);
    expect(cacheControlFor('/favicon.svg')).toBe(REVALIDATE);
  });

  it('loads a site: compresses text worth compressing, not tiny or binary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-web-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const js = 'export const x = 1;\n'.repeat(200);
      writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>row</p>'.repeat(100)}`);
      writeFileSync(join(dir, 'assets', 'app-1234abcd.js'), js);
      writeFileSync(join(dir, 'assets', 'pic-1234abcd.png'), Buffer.alloc(2048, 7));
      writeFileSync(join(dir, 'tiny.txt'), 'hi');
      const site = await loadSite(dir);
      expect([...site.keys()].sort()).toEqual(['/assets/app-1234abcd.js', '/assets/pic-1234abcd.png', '/index.html', '/tiny.txt']);
      const app = site.get('/assets/app-1234abcd.js')!;
      expect(app.contentType).toBe('text/javascript; charset=utf-8');
      expect(app.cacheControl).toBe(IMMUTABLE);
      expect(brotliDecompressSync(app.br!).toString()).toBe(js);
      expect(gunzipSync(app.gzip!).toString()).toBe(js);
      expect(site.get('/index.html')!.etag).toMatch(/^"[\w-]{27}"$/);
      expect(site.get('/assets/pic-1234abcd.png')!.br).toBeUndefined();
      expect(site.get('/tiny.txt')!.gzip).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const WEB = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const built = existsSync(join(WEB, 'index.html'));
if (!built) console.warn('[static.test] dist/web is not built: run `npm run build` (npm test does); skipping the HTTP checks');

describe.skipIf(!built)('GET / and /assets/* on the real server', () => {
  let server: TestServer;
  let jsPath: string;
  beforeAll(async () => {
    server = await startTestServer();
    jsPath = `/assets/${readdirSync(join(WEB, 'assets')).find((f) => f.endsWith('.js') && !f.endsWith('.map'))!}`;
  });
  afterAll(() => server?.stop());

  it('serves index.html at / with no-cache, an ETag, a CSP, and 304 on a match', async () => {
    const res = await fetch(`${server.http}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const html = await res.text();
    expect(html).toContain('<table id="board"');
    expect(html).toMatch(/src="\/assets\/[\w-]+\.js"/);
    const again = await fetch(`${server.http}/index.html`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves the hashed bundle compressed and immutable', async () => {
    for (const enc of ['br', 'gzip']) {
      const res = await fetch(`${server.http}${jsPath}`, { headers: { 'accept-encoding': enc } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(enc);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect((await res.text()).length).toBeGreaterThan(1000); // fetch decodes it
    }
    const css = readdirSync(join(WEB, 'assets')).find((f) => f.endsWith('.css'))!;
    const cssRes = await fetch(`${server.http}/assets/${css}`);
    expect(cssRes.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('unknown assets are 404 JSON; the API routes are untouched', async () => {
    const res = await fetch(`${server.http}/assets/nope-00000000.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'BC_NOT_FOUND' });
    expect((await fetch(`${server.http}/api/vn30`)).status).toBe(200);
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.http}/no/such/route`)).status).toBe(404);
  });
});
