// What this process runs: boardcast's version, the uWebSockets.js build and Node.js, for
// boardcast_build_info and the startup log. The uWS build is read from the package the
// `uWebSockets.js` alias resolves to, which is the one the loader (src/server/uws.ts) loads:
// changing the alias in package.json changes both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildInfo {
  version: string;
  /** `name@version` of the uWebSockets.js package, e.g. `@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0`. */
  uws: string;
  node: string;
}

const require = createRequire(import.meta.url);

type Pkg = { name?: string; version?: string };
const readPkg = (file: string): Pkg => JSON.parse(readFileSync(file, 'utf8')) as Pkg;

/** The server's own package.json, found upward from this file (src/ when run by vitest, dist/src/ when built). */
function ownVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = readPkg(join(dir, 'package.json'));
      if (pkg.name === 'boardcast') return pkg.version ?? 'unknown';
    } catch {
      // no package.json at this level: keep going up
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

function uwsBuild(): string {
  try {
    const pkg = readPkg(require.resolve('uWebSockets.js/package.json'));
    return `${pkg.name}@${pkg.version}`;
  } catch {
    return 'unknown';
  }
}

let cached: BuildInfo | undefined;
export function buildInfo(): BuildInfo {
  cached ??= { version: ownVersion(), uws: uwsBuild(), node: process.version };
  return cached;
}
