// Builds @boardcast/client into dist/: one ES module bundled by vite (the SDK and the
// protocol code it shares with the server from src/wire; protobufjs stays a dependency)
// and its declarations by tsc. Skipped when dist/ was built from the same inputs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');
const stampFile = join(dist, '.inputs.json');
const GEN_TYPES = 'src/wire/gen/boardcast.d.ts';

const digest = (files) => {
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    const abs = join(root, f);
    h.update(`${f}\0`);
    h.update(existsSync(abs) ? readFileSync(abs) : 'missing');
  }
  return h.digest('hex');
};
const fixed = ['packages/client/package.json', 'packages/client/tsconfig.json', 'packages/client/build.mjs', GEN_TYPES];

if (!process.argv.includes('--force') && existsSync(stampFile) && existsSync(join(dist, 'index.js'))) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.digest === digest([...fixed, ...stamp.modules])) process.exit(0);
  } catch {
    // rebuild
  }
}

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', join(here, 'tsconfig.json')], { stdio: 'inherit' });
// The generated protobuf typings are an input of tsc, not an output: ship them beside the
// declarations that import them.
mkdirSync(join(dist, 'types', dirname(GEN_TYPES)), { recursive: true });
copyFileSync(join(root, GEN_TYPES), join(dist, 'types', GEN_TYPES));

const { build } = await import('vite');
let modules = [];
await build({
  configFile: false,
  logLevel: 'warn',
  root: here,
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: { entry: join(here, 'src/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: { external: [/^protobufjs(\/.*)?$/] },
  },
  plugins: [
    {
      name: 'boardcast-record-inputs',
      generateBundle() {
        modules = [...this.getModuleIds()].filter((id) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`) && !id.includes('\0')).map((id) => relative(root, id));
      },
    },
  ],
});
// Every source file of the SDK counts (types-only files are not in the bundle's module list).
const sources = execFileSync('git', ['ls-files', 'packages/client/src'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
writeFileSync(stampFile, `${JSON.stringify({ digest: digest([...fixed, ...sources, ...modules]), modules: [...new Set([...sources, ...modules])].sort() }, null, 1)}\n`);
