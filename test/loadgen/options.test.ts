import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError, DEFAULTS } from '../../src/loadgen/options.js';
import { FD_SLACK, parseProcLimits, planFileLimit } from '../../src/loadgen/limits.js';
import { splitEvenly } from '../../src/loadgen/run.js';

describe('loadgen options', () => {
  it('applies defaults and puts the format on the URL', () => {
    const o = parseOptions(['--url', 'ws://127.0.0.1:8080/ws', '--clients', '10'], 4)!;
    expect(o).toMatchObject({ clients: 10, threads: 4, durationS: DEFAULTS.durationS, format: 'proto', rampPerS: 1000, maxFailRatio: 0.01 });
    expect(o.url).toBe('ws://127.0.0.1:8080/ws?format=proto');
  });

  it('takes the format from the URL unless --format says otherwise', () => {
    expect(parseOptions(['--url', 'ws://h/ws?format=json', '--clients', '1'])!.format).toBe('json');
    expect(parseOptions(['--url', 'ws://h/ws?format=json', '--clients', '1', '--format', 'proto'])!.url).toBe('ws://h/ws?format=proto');
  });

  it.each([
    [['--clients', '1'], 'url'],
    [['--url', 'http://h/ws', '--clients', '1'], 'url'],
    [['--url', 'ws://h/ws'], 'clients'],
    [['--url', 'ws://h/ws', '--clients', '0'], 'clients'],
    [['--url', 'ws://h/ws', '--clients', '2', '--duration', 'abc'], 'duration'],
    [['--url', 'ws://h/ws', '--clients', '2', '--format', 'xml'], 'format'],
    [['--url', 'ws://h/ws', '--clients', '2', '--max-fail-ratio', '2'], 'max-fail-ratio'],
  ])('names the bad flag: %j', (argv, flag) => {
    expect(() => parseOptions(argv)).toThrow(UsageError);
    expect(() => parseOptions(argv)).toThrow(`--${flag}`);
  });

  it('rejects unknown flags by name', () => {
    expect(() => parseOptions(['--url', 'ws://h/ws', '--clients', '1', '--bogus'])).toThrow(/--bogus/);
  });

  it('receives through the raw path by default only where it can: --decode header on ws://', () => {
    const client = (...argv: string[]) => parseOptions(['--clients', '1', ...argv])!.client;
    expect(client('--url', 'ws://h/ws', '--decode', 'header')).toBe('raw');
    expect(client('--url', 'ws://h/ws')).toBe('ws');
    expect(client('--url', 'wss://h/ws', '--decode', 'header')).toBe('ws');
    expect(client('--url', 'ws://h/ws', '--decode', 'header', '--client', 'ws')).toBe('ws');
    expect(client('--url', 'ws://h/ws', '--decode', 'header', '--client', 'raw')).toBe('raw');
  });

  it.each([
    [['--url', 'ws://h/ws', '--client', 'raw'], /--client raw .* --decode header/],
    [['--url', 'ws://h/ws', '--client', 'raw', '--decode', 'full'], /--client raw .* --decode header/],
    [['--url', 'wss://h/ws', '--client', 'raw', '--decode', 'header'], /--client raw .*ws:\/\/ only/],
    [['--url', 'ws://h/ws', '--client', 'uws'], /--client must be ws or raw/],
  ])('refuses a client path that cannot serve: %j', (argv, message) => {
    expect(() => parseOptions(['--clients', '1', ...argv])).toThrow(UsageError);
    expect(() => parseOptions(['--clients', '1', ...argv])).toThrow(message);
  });

  it('splits clients evenly over shards', () => {
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(splitEvenly(2, 2)).toEqual([1, 1]);
  });
});

describe('open-file limit', () => {
  const proc = 'Max cpu time              unlimited            unlimited            seconds\n' +
    'Max open files            1024                 4096                 files\n';

  it('reads soft and hard limits from /proc/self/limits', () => {
    expect(parseProcLimits(proc)).toEqual({ soft: 1024, hard: 4096 });
    expect(parseProcLimits('Max open files unlimited unlimited files')).toEqual({ soft: Infinity, hard: Infinity });
    expect(parseProcLimits('nothing here')).toBeNull();
  });

  it('plans: fine under the soft limit, raise to hard once, then cap with a clear message', () => {
    const limits = { soft: 1024, hard: 4096 };
    expect(planFileLimit(500, limits, false)).toEqual({ action: 'ok' });
    expect(planFileLimit(3000, limits, false)).toEqual({ action: 'raise', to: 4096 });
    const cap = planFileLimit(3000, limits, true);
    expect(cap).toMatchObject({ action: 'cap', maxClients: 1024 - FD_SLACK });
    expect(cap.action === 'cap' && cap.message).toBe(`open-file limit 1024 stops this run at about ${1024 - FD_SLACK} clients; raise it with ulimit -n`);
    expect(planFileLimit(9000, { soft: 4096, hard: 4096 }, false)).toMatchObject({ action: 'cap' });
    expect(planFileLimit(9000, null, false)).toEqual({ action: 'ok' });
  });
});
