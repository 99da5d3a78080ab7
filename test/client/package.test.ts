// @boardcast/client as its users get it: `npm pack` ships only the bundle, its declarations,
// the README and the licence; the packed tarball installed into a scratch Node project (with
// `ws`) typechecks and keeps a board from a real server.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npm, ROOT as root, rootPkg, scratchProject, SDK_DIR as pkgDir, sdkPkg as pkg, typecheck } from '../helpers/sdk-package.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('@boardcast/client package', () => {
  it('npm pack ships only the bundle, its declarations, README, LICENSE and package.json', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], pkgDir)) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path).sort();
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/types/packages/client/src/index.d.ts');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|dist\/index\.js(\.map)?|dist\/types\/.+\.d\.ts)$/.test(f));
    expect(unexpected).toEqual([]);
  });

  it('is ESM with exports and types, needs no server package, and takes ws only as an optional peer', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({ types: pkg.types, import: './dist/index.js' });
    expect(Object.keys(pkg.dependencies)).toEqual(['protobufjs']);
    expect(pkg.dependencies.protobufjs).toBe(rootPkg.dependencies.protobufjs);
    expect(pkg.peerDependenciesMeta.ws.optional).toBe(true);
    expect(pkg.license).toBe(rootPkg.license);
    // npm packs only the package's own folder: its LICENSE is the repository's, kept identical.
    expect(readFileSync(join(pkgDir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
    // The bundle imports nothing but protobufjs: no node: modules, no server code.
    const bundle = readFileSync(join(pkgDir, 'dist/index.js'), 'utf8');
    expect([...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])).toEqual(['protobufjs/minimal.js']);
    expect(bundle).not.toMatch(/from "node:|require\(/);
    expect(rootPkg.private).toBe(true);
  });

  describe('installed from its tarball into a scratch Node project', () => {
    let server: TestServer;
    let dir: string;
    beforeAll(async () => {
      server = await startTestServer();
      dir = scratchProject('bc-sdk-', ['ws'], ['@types/ws', '@types/node']);
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src/main.ts'), [
        "import { BoardClient, type Board, type WebSocketConstructor } from '@boardcast/client';",
        "import WebSocket from 'ws';",
        'const url = process.argv[2]!;',
        'const client = new BoardClient({ urls: url, WebSocket: WebSocket as unknown as WebSocketConstructor });',
        'let boards = 0;',
        "client.on('board', ({ board, kind }: { board: Board; kind: string }) => {",
        '  boards++;',
        "  if (boards < 3) return;",
        '  console.log(JSON.stringify({ kind, symbols: board.symbols.length, vn30: board.indices.find((i) => i.id === \'VN30\')?.value ?? null, seq: client.seq }));',
        '  client.close();',
        '});',
        'client.connect();',
      ].join('\n'));
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'] }, include: ['src'] }));
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('typechecks against the shipped declarations (strict, no skipLibCheck)', () => {
      // tsc from the repository: the scratch project only needs the SDK, ws and their types.
      expect(typecheck(dir)).toBe('');
    });

    it('receives a board from a real server', async () => {
      const child = spawn(process.execPath, [join(dir, 'out/main.js'), server.ws()], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => (child.kill(), reject(new Error(`no board within 20 s: ${stderr}`))), 20_000);
        child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout.trim()) as { kind: string; symbols: number; vn30: number | null; seq: number };
      expect(result.symbols).toBe(30);
      expect(result.vn30).toBeGreaterThan(0);
      expect(result.seq).toBeGreaterThan(0);
    });
  });
});
