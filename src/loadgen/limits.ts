// The open-file limit: every client socket is a file descriptor. Node cannot call
// setrlimit, so when the soft limit is too low the CLI re-runs itself once under
// `sh -c 'ulimit -n HARD; exec node ...'`; when even the hard limit is too low it caps
// the run and says so. Planning is a pure function; only reexec touches the process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface FileLimits { soft: number; hard: number }

/** Descriptors the process needs besides its sockets: stdio, worker threads, epoll, libuv. */
export const FD_SLACK = 128;
/** Set in the re-run child so it never re-runs again. */
export const REEXEC_GUARD = 'BOARDCAST_LOADGEN_ULIMIT_RAISED';

/** Parses the "Max open files" row of /proc/self/limits; null when absent. */
export function parseProcLimits(text: string): FileLimits | null {
  const m = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (!m) return null;
  const n = (s: string) => (s === 'unlimited' ? Infinity : Number(s));
  const soft = n(m[1]!), hard = n(m[2]!);
  return Number.isNaN(soft) || Number.isNaN(hard) ? null : { soft, hard };
}

/** Null where /proc is missing (macOS): the run then goes ahead and the ws errors speak. */
export function readFileLimits(): FileLimits | null {
  try {
    return parseProcLimits(readFileSync('/proc/self/limits', 'utf8'));
  } catch {
    return null;
  }
}

export type LimitPlan =
  | { action: 'ok' }
  | { action: 'raise'; to: number }
  | { action: 'cap'; maxClients: number; message: string };

export function planFileLimit(clients: number, limits: FileLimits | null, alreadyRaised: boolean): LimitPlan {
  const needed = clients + FD_SLACK;
  if (limits === null || needed <= limits.soft) return { action: 'ok' };
  if (!alreadyRaised && limits.hard > limits.soft) {
    // An "unlimited" hard limit is still bounded by fs.nr_open; ask only for what we need.
    return { action: 'raise', to: Number.isFinite(limits.hard) ? limits.hard : needed };
  }
  const maxClients = Math.max(0, limits.soft - FD_SLACK);
  return {
    action: 'cap',
    maxClients,
    message: `open-file limit ${limits.soft} stops this run at about ${maxClients} clients; raise it with ulimit -n`,
  };
}

/**
 * Runs this same command again under a raised limit and resolves with its exit code.
 * The child shares the terminal (stdio inherited); Ctrl-C reaches it directly through
 * the process group, a SIGTERM sent to us is passed on.
 */
export function reexecWithLimit(to: number): Promise<number> {
  const script = `ulimit -n ${to} || echo "loadgen: could not raise the open-file limit to ${to}" >&2; exec "$0" "$@"`;
  const child = spawn('sh', ['-c', script, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [REEXEC_GUARD]: '1' },
  });
  const onInt = () => { /* the child gets it from the terminal and ends the run itself */ };
  const onTerm = () => child.kill('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}
