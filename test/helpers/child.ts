// Runs the compiled server (dist/src/main.js, built by `npm test`) as a child process and
// reads its JSON log lines as they come.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
/** The launcher `npm start` and the image run: node with the shipped runtime settings. */
export const LAUNCHER = fileURLToPath(new URL('../../bin/boardcast', import.meta.url));

export interface Child {
  proc: ChildProcess;
  logs: Array<Record<string, unknown>>;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for a log line matching pred. */
  waitLog(pred: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/**
 * `nodeArgs`: options for node itself, before the script (e.g. --import of a fault injector).
 * `launcher`: start through bin/boardcast instead (node must then be on PATH).
 */
export function startChild(env: Record<string, string>, nodeArgs: string[] = [], opts: { launcher?: boolean } = {}): Child {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const [cmd, args] = opts.launcher ? [LAUNCHER, nodeArgs] : [process.execPath, [...nodeArgs, MAIN]];
  const proc = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ level: 'non-json', msg: line });
      }
    }
    for (const l of listeners) l();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    stderr.push(d.toString());
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const waitLog = (pred: (l: Record<string, unknown>) => boolean, timeoutMs = 15_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = logs.find(pred);
        if (found) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for a log line; stderr: ${stderr.join('')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => setImmediate(check));
      check();
    });
  return { proc, logs, stderr, exited, waitLog };
}
