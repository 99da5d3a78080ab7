// Builds @boardcast/client into dist/: one ES module bundled by vite (the SDK and the
// protocol code it shares with the server from src/wire; protobufjs stays a dependency)
// and its declarations by tsc. Skipped when dist/ was built from the same inputs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordInputs, upToDate, writeStamp } from '../../scripts/build-stamp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');
const stampFile = join(dist, '.inputs.json');
const GEN_TYPES = 'src/wire/gen/boardcast.d.ts';
const fixed = ['packages/client/package.json', 'packages/client/tsconfig.json', 'packages/client/build.mjs', 'scripts/build-stamp.mjs', GEN_TYPES];

if (!process.argv.includes('--force') && existsSync(join(dist, 'index.js')) && upToDate(root, stampFile, fixed)) process.exit(0);

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
  plugins: [recordInputs(root, (m) => (modules = m))],
});
// Every source file of the SDK counts (types-only files are not in the bundle's module list).
const sources = readdirSync(join(here, 'src'), { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => `packages/client/src/${f}`);
writeStamp(root, stampFile, fixed, [...sources, ...modules]);
