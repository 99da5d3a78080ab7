// @boardcast/client in a browser app, as an integrator builds one: the packed tarball
// installed (offline) into a scratch project, a tiny page bundled by vite and typechecked
// by tsc (both the repository's, strict, DOM types only: no Node in sight), then loaded in
// Chromium against a real server, where it keeps a board from FULL and DELTA frames.
// Skipped without /usr/bin/chromium unless CI is set (CI installs it: .ci/run).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from '../helpers/chromium.js';
import { ROOT, scratchProject, typecheck } from '../helpers/sdk-package.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const PAGE = [
  "import { BoardClient, type Board, type FrameKindName } from '@boardcast/client';",
  "const out = document.getElementById('out')!;",
  "const ws = new URLSearchParams(location.search).get('ws')!;",
  'const kinds: FrameKindName[] = [];',
  'const client = new BoardClient({ urls: ws });',
  "client.on('board', ({ board, kind }: { board: Board; kind: FrameKindName }) => {",
  '  kinds.push(kind);',
  '  if (kinds.length < 5) return;',
  "  out.textContent = JSON.stringify({ kinds, symbols: board.symbols.length, vn30: board.indices.find((i) => i.id === 'VN30')?.value ?? null, seq: client.seq });",
  "  document.body.dataset.done = '1';",
  '  client.close();',
  '});',
  'client.connect();',
].join('\n');

/** The built page over HTTP on a free loopback port (a module script does not load from file://). */
function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!haveChromium && !process.env.CI)('@boardcast/client in a vite page', () => {
  let server: TestServer;
  let dir: string;
  let web: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer({ BROADCAST_INTERVAL_MS: '100' });
    // Only the SDK is installed; vite and typescript come from the repository.
    dir = scratchProject('bc-sdk-vite-');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/main.ts'), PAGE);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><pre id="out"></pre><script type="module" src="/src/main.ts"></script></body></html>');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], types: [], strict: true, noEmit: true }, include: ['src'] }));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    web?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('typechecks against the shipped declarations with DOM types only (strict, no skipLibCheck)', () => {
    expect(typecheck(dir)).toBe('');
  });

  it('builds with vite, and the bundle carries the SDK (not a reference to the workspace)', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = readFileSync(join(dir, 'dist', script!), 'utf8');
    expect(bundle).toContain('BC_CLIENT_FRAME_INVALID'); // the SDK's own code, bundled
    expect(bundle).not.toMatch(/packages\/client|from ?["']@boardcast/);
  }, 120_000);

  it('receives a board in Chromium from a real server, FULL then DELTA frames', async () => {
    web = await serve(join(dir, 'dist'));
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`http://127.0.0.1:${(web.address() as AddressInfo).port}/?ws=${encodeURIComponent(server.ws())}`);
    await page.waitForSelector('body[data-done]', { timeout: 20_000 });
    const result = JSON.parse((await page.textContent('#out'))!) as { kinds: string[]; symbols: number; vn30: number | null; seq: number };
    expect(errors).toEqual([]);
    expect(result.symbols).toBe(30);
    expect(result.vn30).toBeGreaterThan(0);
    expect(result.seq).toBeGreaterThan(0);
    expect(result.kinds[0]).toBe('FULL');
    expect(result.kinds).toContain('DELTA');
  }, 60_000);
});
