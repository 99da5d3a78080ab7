// Generates the static protobufjs module (JS + .d.ts) for proto/boardcast.proto into
// src/wire/gen/ (or the folder given as the first argument). The output is committed;
// test/codec.test.ts regenerates it into a temporary folder and fails when it is stale.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'src/wire/gen');
const bin = join(root, 'node_modules/.bin');
const proto = join(root, 'proto/boardcast.proto');
const common = ['-t', 'static-module', '-w', 'es6', '--es6', '--force-number', '--no-verify', '--no-delimited', '--no-service'];
// Node's ESM resolver needs the file extension on the protobufjs subpath.
const fixImport = (file) => writeFileSync(file, readFileSync(file, 'utf8').replace(/from "protobufjs\/minimal"/, 'from "protobufjs/minimal.js"'));

mkdirSync(outDir, { recursive: true });
// pbts reads types from the JSDoc comments, so the typings come from a commented copy;
// the shipped JS is generated without comments.
const tmp = mkdtempSync(join(tmpdir(), 'boardcast-proto-'));
try {
  const commented = join(tmp, 'boardcast.js');
  execFileSync(join(bin, 'pbjs'), [...common, '-o', commented, proto], { stdio: 'inherit' });
  execFileSync(join(bin, 'pbts'), ['--no-comments', '-o', join(outDir, 'boardcast.d.ts'), commented], { stdio: 'inherit' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const js = join(outDir, 'boardcast.js');
execFileSync(join(bin, 'pbjs'), [...common, '--no-comments', '-o', js, proto], { stdio: 'inherit' });
fixImport(js);
const dts = join(outDir, 'boardcast.d.ts');
writeFileSync(dts, readFileSync(dts, 'utf8').replace('import Long = require("long");\n', ''));
