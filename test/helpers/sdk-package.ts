// @boardcast/client as its users get it: packed with `npm pack` and installed from the
// tarball into a scratch project in a temp folder. Cache first: every dependency's tarball
// is in the npm cache already (the repository's own install); what `npm ci` does not cache
// is the packages' metadata, which a fresh machine's npm then fetches from the registry
// (`--offline` failed there with ENOTCACHED).
// Tools (tsc, vite) run from the repository's node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SDK_DIR = join(ROOT, 'packages/client');
export const sdkPkg = JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as Record<string, any>;
export const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;

export const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });

/** A dependency at the version the repository pins (dependencies or devDependencies). */
export function pinned(name: string): string {
  const v = rootPkg.dependencies?.[name] ?? rootPkg.devDependencies?.[name];
  if (!v) throw new Error(`${name} is not a dependency of the repository`);
  return v as string;
}

/**
 * A temp folder with a package.json depending on the packed SDK (and `deps`, at the
 * repository's versions), installed offline. Returns the folder; the caller removes it.
 */
export function scratchProject(prefix: string, deps: string[] = [], devDeps: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const tarball = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], SDK_DIR))[0].filename as string;
  const versions = (names: string[]) => Object.fromEntries(names.map((n) => [n, pinned(n)]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'scratch', private: true, type: 'module',
    dependencies: { '@boardcast/client': `file:./${tarball}`, ...versions(deps) },
    devDependencies: versions(devDeps),
  }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  return dir;
}

/** The repository's tsc on `dir`'s tsconfig.json; its output ('' when clean). */
export function typecheck(dir: string): string {
  return execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
}
