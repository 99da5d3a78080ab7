// The operations pack in deploy/monitoring checked against the code: every metric the Grafana
// dashboard and the alert rules query exists on a live /metrics (a real server, plus the
// edge's own series), the rules pass `promtool check rules`, and a live /metrics passes
// `promtool check metrics` (Prometheus naming conventions). promtool is Debian's
// `prometheus` package; .ci/run installs it, so CI never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEdgeMetrics } from '../../src/scale/edge-metrics.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const dir = fileURLToPath(new URL('../../deploy/monitoring/', import.meta.url));
const rulesFile = `${dir}alerts.yaml`;

const promtool = (() => {
  const r = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'promtool' : undefined;
})();
if (!promtool && process.env.CI) throw new Error('promtool is missing in CI: .ci/run installs Debian\'s prometheus package');
if (!promtool) console.warn('[monitoring.test] promtool is not installed (apt-get install prometheus): skipping the promtool checks');

/** Families (`# TYPE name kind`) in an exposition text, with each histogram's series names. */
function families(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(m[1]!);
    if (m[2] === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m[1]! + s);
    if (m[2] === 'summary') for (const s of ['_sum', '_count']) names.add(m[1]! + s);
  }
  return names;
}

/** The metric names a PromQL expression reads (ours and the standard Node.js ones). */
const metricNames = (expr: string) => [...expr.matchAll(/\b((?:boardcast|nodejs|process)_[a-z0-9_]+)\b/g)].map((m) => m[1]!);

type Rule = { alert: string; expr: string };
const rules = (parse(readFileSync(rulesFile, 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((g) => g.rules);
type Panel = { title: string; targets?: Array<{ expr: string }>; panels?: Panel[] };
const dashboard = JSON.parse(readFileSync(`${dir}grafana-dashboard.json`, 'utf8')) as { panels: Panel[]; templating: { list: Array<{ definition?: string }> } };
const panelExprs = (ps: Panel[]): Array<[string, string]> => ps.flatMap((p) => [...(p.targets ?? []).map((t): [string, string] => [p.title, t.expr]), ...panelExprs(p.panels ?? [])]);

describe('operations pack (deploy/monitoring)', () => {
  let server: TestServer;
  let live: string;
  let exposed: Set<string>;
  beforeAll(async () => {
    server = await startTestServer();
    live = await (await fetch(`${server.http}/metrics`)).text();
    // The edge's series exist only on ROLE=edge: its real registration code, on a registry of its own.
    const edge = new Registry();
    createEdgeMetrics(edge, { natsConnected: () => 1, leaseTerm: () => 1, lastFrameAt: () => Date.now() });
    exposed = new Set([...families(live), ...families(await edge.metrics())]);
  });
  afterAll(() => server.stop());

  it('queries only metrics that exist: every dashboard panel and template, every alert rule', () => {
    const used: Array<[string, string]> = [
      ...panelExprs(dashboard.panels),
      ...dashboard.templating.list.filter((v) => v.definition).map((v): [string, string] => ['template', v.definition!]),
      ...rules.map((r): [string, string] => [r.alert, r.expr]),
    ];
    expect(used.length).toBeGreaterThan(20);
    const missing = used.flatMap(([where, expr]) => metricNames(expr).filter((n) => !exposed.has(n)).map((n) => `${where}: ${n}`));
    expect(missing).toEqual([]);
    // What the issue asks the pack to watch.
    const all = used.map(([, e]) => e).join('\n');
    for (const n of ['boardcast_clients', 'boardcast_frames_produced_total', 'boardcast_publish_seconds_bucket', 'boardcast_main_event_loop_busy_seconds_total', 'boardcast_slow_closes_total', 'boardcast_feed_live', 'boardcast_feed_last_message_timestamp_seconds', 'boardcast_history_rows_written_total', 'boardcast_history_rows_dropped_total', 'boardcast_edge_frames_dropped_total', 'boardcast_edge_nats_connected', 'boardcast_worker_restarts_total']) {
      expect(all).toContain(n);
    }
  });

  it('alerts on feed down and stale, no frames, event-loop lag, slow-close surge, history rows dropped, worker restarts', () => {
    const alerts = rules.map((r) => r.alert);
    for (const a of ['BoardcastFeedDown', 'BoardcastFeedStale', 'BoardcastNoFrames', 'BoardcastEventLoopLag', 'BoardcastSlowCloseSurge', 'BoardcastHistoryRowsDropped', 'BoardcastWorkerRestarts']) expect(alerts).toContain(a);
  });

  it.skipIf(!promtool)('the rules pass promtool check rules', () => {
    const out = execFileSync('promtool', ['check', 'rules', rulesFile], { encoding: 'utf8' });
    expect(out).toMatch(/SUCCESS: \d+ rules found/);
  });

  // prom-client's standard Node.js set names three gauges `*_total`; stock Node.js dashboards
  // query them by those names, so they stay (the only findings promtool may report).
  const STANDARD_EXCEPTIONS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

  it.skipIf(!promtool)('a live /metrics passes promtool check metrics (but for the standard Node.js names)', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: live, encoding: 'utf8' });
    const findings = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    expect(findings.filter((f) => !STANDARD_EXCEPTIONS.some((n) => f.startsWith(`${n} `)))).toEqual([]);
    // The same check does fail on a boardcast counter without _total.
    const bad = spawnSync('promtool', ['check', 'metrics'], { input: '# HELP boardcast_x A count.\n# TYPE boardcast_x counter\nboardcast_x 1\n', encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });

  it('counters end in _total, the default metrics carry their standard names, build_info says what runs', () => {
    for (const m of live.matchAll(/^# TYPE (\S+) counter$/gm)) expect(m[1]).toMatch(/_total$/);
    expect(live).toMatch(/^# TYPE process_cpu_seconds_total counter$/m);
    expect(live).toMatch(/^# TYPE nodejs_eventloop_lag_p99_seconds gauge$/m);
    expect(live).toMatch(/^boardcast_build_info\{version="[^"]+",uws="[^"]+@[^"]+",node="v\d+\.\d+\.\d+"\} 1$/m);
 
    // The README's runtime table names the uWS build that is loaded.
    const uws = /^boardcast_build_info\{[^}]*uws="([^"]+)"/m.exec(live)![1]!;
    expect(readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')).toContain(`\`${uws}\``);
  });
});
