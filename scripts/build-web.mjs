// Builds the board page (typecheck, then vite) into dist/web, or does nothing when dist/web
// was built from exactly the same inputs: `npm start` then starts in about a second.
// The inputs are the files vite bundled last time (recorded by a plugin, so the list follows
// the imports), plus the page's config files and the lockfile (dependency versions).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/web');
const stampFile = join(root, 'dist/web-inputs.json');
const force = process.argv.includes('--force');

const walk = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])) : []);
const fixed = () => ['vite.config.ts', 'web/tsconfig.json', 'web/index.html', 'package-lock.json', ...walk(join(root, 'web/public')).map((f) => relative(root, f))];

function digest(files) {
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    const abs = join(root, f);
    h.update(`${f}\0`);
    h.update(existsSync(abs) ? readFileSync(abs) : 'missing');
  }
  return h.digest('hex');
}

function upToDate() {
  if (force || !existsSync(stampFile) || !existsSync(join(outDir, 'index.html'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.digest === digest([...fixed(), ...stamp.modules]);
  } catch {
    return false;
  }
}

if (upToDate()) process.exit(0);

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'web/tsconfig.json'], { cwd: root, stdio: 'inherit' });
const { build } = await import('vite');
let modules = [];
const recordInputs = {
  name: 'boardcast-record-inputs',
  generateBundle() {
    modules = [...this.getModuleIds()]
      .filter((id) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`) && !id.includes('\0'))
      .map((id) => relative(root, id.replace(/\?.*$/, '')));
  },
};
await build({ root: join(root, 'web'), configFile: join(root, 'vite.config.ts'), plugins: [recordInputs] });
writeFileSync(stampFile, `${JSON.stringify({ digest: digest([...fixed(), ...modules]), modules: [...new Set(modules)].sort() }, null, 1)}\n`);
