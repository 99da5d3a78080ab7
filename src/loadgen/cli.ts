#!/usr/bin/env node
// `npm run loadgen -- --url ws://HOST:PORT/ws --clients N --duration S`
// Exit codes: 0 pass, 1 usage error, 2 too many connect failures (see --max-fail-ratio).
import { writeFile } from 'node:fs/promises';
import { parseOptions, UsageError, USAGE, type LoadgenOptions } from './options.js';
import { planFileLimit, readFileLimits, reexecWithLimit, REEXEC_GUARD } from './limits.js';
import { runLoadgen } from './run.js';
import { formatJsonLine, formatProgress, formatTable } from './report.js';

async function main(): Promise<number> {
  let opts: LoadgenOptions | null;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`loadgen: ${err.message}\n\n${USAGE}\n`);
    return 1;
  }
  if (opts === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const plan = planFileLimit(opts.clients, readFileLimits(), process.env[REEXEC_GUARD] === '1');
  if (plan.action === 'raise') return reexecWithLimit(plan.to);
  let clientsCap: number | undefined;
  if (plan.action === 'cap') {
    process.stderr.write(`loadgen: ${plan.message}\n`);
    if (plan.maxClients === 0) return 2;
    clientsCap = plan.maxClients;
  }

  // First Ctrl-C ends the run early and still reports; a second one quits at once.
  const abort = new AbortController();
  process.on('SIGINT', () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('loadgen: stopping (Ctrl-C again to quit now)\n');
    abort.abort();
  });
  process.on('SIGTERM', () => abort.abort());

  const result = await runLoadgen(opts, {
    clientsCap,
    signal: abort.signal,
    onProgress: (p) => process.stderr.write(`${formatProgress(p)}\n`),
  });

  const json = formatJsonLine(result);
  if (opts.out) await writeFile(opts.out, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
  process.stdout.write(`${formatTable(result)}\n${json}\n`);
  if (!result.passed) {
    const notTried = result.clientsAsked - result.clientsAttempted;
    const why = notTried > 0 ? `connect failures ${result.connectFailures} + ${notTried} clients never attempted` : `connect failures ${result.connectFailures}`;
    process.stderr.write(`loadgen: ${why} of ${result.clientsAsked} exceed --max-fail-ratio ${opts.maxFailRatio}\n`);
    return 2;
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`loadgen: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
