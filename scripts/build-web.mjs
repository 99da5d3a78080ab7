// Builds the board page (typecheck, then vite) into dist/web, or does nothing when dist/web
// was built from exactly the same inputs: `npm start` then starts in about a second.
// The inputs are the files vite bundled last time (recorded by a plugin, so the list follows
// the imports), plus the page's config files and the lockfile (dependency versions).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordInputs, upToDate, writeStamp } from './build-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/web');
const stampFile = join(root, 'dist/web-inputs.json');

const walk = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])) : []);
const fixed = ['vite.config.ts', 'web/tsconfig.json', 'web/index.html', 'package-lock.json', ...walk(join(root, 'web/public')).map((f) => relative(root, f))];

if (!process.argv.includes('--force') && existsSync(join(outDir, 'index.html')) && upToDate(root, stampFile, fixed)) process.exit(0);

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'web/tsconfig.json'], { cwd: root, stdio: 'inherit' });
const { build } = await import('vite');
let modules = [];
await build({ root: join(root, 'web'), configFile: join(root, 'vite.config.ts'), plugins: [recordInputs(root, (m) => (modules = m))] });
writeStamp(root, stampFile, fixed, modules);
