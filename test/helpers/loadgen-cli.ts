// Runs the compiled loadgen CLI as users do, building it first when dist is older than
// src/loadgen (`npm test` builds; a lone `vitest run test/loadgen/...` may not have).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${root}dist/src/loadgen/cli.js`;

export function ensureLoadgenBuilt(): void {
  const src = `${root}src/loadgen/`;
  const newest = Math.max(...readdirSync(src).map((f) => statSync(src + f).mtimeMs));
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest) return;
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' });
  } catch {
    // tsc still emits when files elsewhere in the tree do not type-check; only a missing
    // CLI is fatal here.
    if (!existsSync(cli)) throw new Error(`build did not produce ${cli}`);
  }
}

export interface CliRun { code: number | null; stdout: string; stderr: string; result: Record<string, any> }

/** The CLI's exit code, output, and its last stdout line parsed (the JSON result; {} when absent). */
export function runLoadgenCli(args: string[], timeoutMs = 20_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, timeout: timeoutMs });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let result = {};
      try { result = JSON.parse(last); } catch { /* asserted by the caller */ }
      resolve({ code, stdout, stderr, result });
    });
  });
}
