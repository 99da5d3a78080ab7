// Loads uWebSockets.js through its npm alias. The package silently falls back to a slow
// pure-JS server when its native binary cannot load; boardcast loads the binary itself so
// that case is detected and refused (unless ALLOW_UWS_FALLBACK=1).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as UwsModule from 'uWebSockets.js';
import { UwsFallbackError } from '../errors.js';
import type { Logger } from '../log.js';

export type Uws = typeof UwsModule;

const require = createRequire(import.meta.url);

const pkgDir = () => dirname(require.resolve('uWebSockets.js/package.json'));

/** The native binary the package would load for this platform and Node ABI. */
export const nativeBinaryPath = () => join(pkgDir(), 'binaries', `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`);

export function loadUws(allowFallback: boolean, log: Logger, binary = nativeBinaryPath()): { uws: Uws; native: boolean } {
  try {
    return { uws: require(binary) as Uws, native: true };
  } catch (err) {
    const cause = (err as Error).message.split('\n')[0] ?? String(err);
    if (!allowFallback) throw new UwsFallbackError(cause);
    log.warn({ cause }, 'uWebSockets.js native binary did not load; running on the slow pure-JS fallback (ALLOW_UWS_FALLBACK=1)');
    return { uws: require(join(pkgDir(), 'dist/index.js')) as Uws, native: false };
  }
}
