// "Built from the same inputs?" for the build steps that are not incremental by themselves
// (vite bundles): a digest of the input files, kept in a stamp file next to the output.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** sha256 over each file's path (relative to root) and content; a missing file counts as such. */
export function digest(root, files) {
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    const abs = join(root, f);
    h.update(`${f}\0`);
    h.update(existsSync(abs) ? readFileSync(abs) : 'missing');
  }
  return h.digest('hex');
}

/** True when the stamp exists and the recorded inputs (plus `fixed`) still hash the same. */
export function upToDate(root, stampFile, fixed) {
  if (!existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.digest === digest(root, [...fixed, ...stamp.modules]);
  } catch {
    return false;
  }
}

export function writeStamp(root, stampFile, fixed, modules) {
  const list = [...new Set(modules)].sort();
  writeFileSync(stampFile, `${JSON.stringify({ digest: digest(root, [...fixed, ...list]), modules: list }, null, 1)}\n`);
}

/** A vite plugin that records the repository files a bundle was built from (`onModules` gets them, relative to root). */
export function recordInputs(root, onModules) {
  return {
    name: 'boardcast-record-inputs',
    generateBundle() {
      onModules(
        [...this.getModuleIds()]
          .filter((id) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`) && !id.includes('\0'))
          .map((id) => relative(root, id.replace(/\?.*$/, ''))),
      );
    },
  };
}
