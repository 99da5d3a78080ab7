// The Kubernetes manifests and the Dockerfile checked against the code: ports, probe paths,
// every variable set, termination grace, security context, selectors.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARS, loadConfig, SECRET_VARS } from '../../src/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${root}deploy/k8s/`;

type Obj = any;
const docs: Obj[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) =>
    parseAllDocuments(readFileSync(dir + f, 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`${f}: ${d.errors[0]!.message}`);
      return { ...d.toJS(), __file: f };
    }),
  )
  .filter((d) => d.kind);

const byKind = (kind: string) => docs.filter((d) => d.kind === kind);
const deployments = byKind('Deployment').filter((d) => d.metadata.name.startsWith('boardcast'));
const configMaps = new Map<string, Record<string, string>>(byKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
const containers = deployments.flatMap((d) => d.spec.template.spec.containers.map((c: Obj) => ({ deployment: d, c })));
const defaults = loadConfig({});

/** Every variable a boardcast container gets: env entries and the ConfigMaps it pulls in. */
function envOf(c: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ref of c.envFrom ?? []) {
    const cm = configMaps.get(ref.configMapRef?.name);
    expect(cm, `ConfigMap ${ref.configMapRef?.name} referenced by envFrom exists`).toBeDefined();
    Object.assign(env, cm);
  }
  // A value from a Secret stands in as a placeholder: the config only needs to see one.
  for (const e of c.env ?? []) env[e.name] = e.valueFrom?.secretKeyRef ? `secret:${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}` : String(e.value ?? '');
  return env;
}

describe('Kubernetes manifests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('has an ingest Deployment (2 replicas) and an edge Deployment with a Service, an HPA and a PDB', () => {
    const roles = Object.fromEntries(containers.map(({ deployment, c }) => [envOf(c).ROLE, deployment]));
    expect(Object.keys(roles).sort()).toEqual(['edge', 'ingest']);
    expect(roles.ingest.spec.replicas).toBe(2);
    const edge = roles.edge;
    const labels = edge.spec.template.metadata.labels;
    expect(edge.spec.selector.matchLabels).toEqual(labels);
    const svc = byKind('Service').find((s) => s.spec.selector?.['app.kubernetes.io/component'] === 'edge');
    expect(svc, 'a Service selects the edge pods').toBeDefined();
    for (const [k, v] of Object.entries(svc.spec.selector)) expect(labels[k]).toBe(v);
    const portNames = edge.spec.template.spec.containers[0].ports.map((p: Obj) => p.name);
    for (const p of svc.spec.ports) expect(portNames).toContain(p.targetPort);
    const hpa = byKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === edge.metadata.name);
    expect(hpa, 'an HPA scales the edge Deployment').toBeDefined();
    expect(hpa.spec.scaleTargetRef.kind).toBe('Deployment');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdbFor = (d: Obj) => byKind('PodDisruptionBudget').find((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v));
    expect(pdbFor(edge), 'a PDB covers the edge pods').toBeDefined();
    expect(pdbFor(roles.ingest), 'a PDB covers the ingest pods').toBeDefined();
  });

  it('every variable set is one the config reads, with a value it accepts', () => {
    for (const { c } of containers) {
      const env = envOf(c);
      for (const name of Object.keys(env)) expect(CONFIG_VARS, `${name} is read by src/config.ts`).toContain(name);
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('container ports are the config default PORT; probes hit /readyz and /healthz, routes that exist', async () => {
    for (const { c } of containers) {
      const env = envOf(c);
      expect(env.PORT ?? String(defaults.PORT)).toBe(String(defaults.PORT));
      const http = c.ports.find((p: Obj) => p.name === 'http');
      expect(http.containerPort).toBe(defaults.PORT);
      expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      expect(c.livenessProbe.httpGet.path).toBe('/healthz');
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean)) {
        expect([http.name, http.containerPort]).toContain(probe.httpGet.port);
        // The route exists on a real server (ROLE=all / edge share app.ts) …
        const r = await fetch(`${server.http}${probe.httpGet.path}`);
        expect(r.status, `${probe.httpGet.path} is a route`).not.toBe(404);
        // … and in the operations routes the ingest serves too.
        expect(readFileSync(`${root}src/server/ops-routes.ts`, 'utf8')).toContain(`pattern: '${probe.httpGet.path}'`);
      }
    }
  });

  it('/metrics has its own container port (METRICS_PORT) and the Service exposes only the client port', () => {
    for (const { c } of containers) {
      const env = envOf(c);
      expect(env.METRICS_PORT, 'METRICS_PORT is set').toMatch(/^\d+$/);
      expect(c.ports.find((p: Obj) => p.name === 'metrics')?.containerPort).toBe(Number(env.METRICS_PORT));
    }
    for (const svc of byKind('Service').filter((s) => s.spec.selector?.['app.kubernetes.io/name'] === 'boardcast')) {
      expect(svc.spec.ports.map((p: Obj) => p.targetPort)).toEqual(['http']);
    }
  });

  it('graceful stop fits: terminationGracePeriodSeconds > SHUTDOWN_TIMEOUT_MS + the preStop pause', () => {
    for (const { deployment, c } of containers) {
      const env = envOf(c);
      const timeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? defaults.SHUTDOWN_TIMEOUT_MS);
      const cmd: string[] = c.lifecycle.preStop.exec.command;
      expect(cmd[0]).toBe('sleep');
      const preStopMs = Number(cmd[1]) * 1000;
      expect(preStopMs).toBeGreaterThan(0);
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(timeoutMs + preStopMs);
    }
  });

  it('resources and a restrictive securityContext on every container', () => {
    for (const { deployment, c } of containers) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(c.resources.requests.cpu).toBeDefined();
      expect(c.resources.requests.memory).toBeDefined();
      expect(c.resources.limits.memory).toBeDefined();
    }
  });

  it('secrets come from Secrets, never inline values', () => {
    for (const { c } of containers) {
      for (const e of c.env ?? []) if (SECRET_VARS.has(e.name)) expect(e.valueFrom?.secretKeyRef, `${e.name} from a Secret`).toBeDefined();
      for (const ref of c.envFrom ?? []) for (const name of Object.keys(configMaps.get(ref.configMapRef?.name) ?? {})) expect(SECRET_VARS.has(name), `${name} not in a ConfigMap`).toBe(false);
    }
  });

  it('NATS runs deploy/k8s/nats-server.conf: each role logs in as its own user, with the password the server expects for it', () => {
    const conf = readFileSync(`${dir}nats-server.conf`, 'utf8');
    const users = new Map([...conf.matchAll(/\{ user: "([^"]+)", password: \$(\w+), permissions: \$(\w+) \}/g)].map((m) => [m[1]!, { passwordVar: m[2]!, permissions: m[3]! }]));
    expect([...users.keys()].sort()).toEqual(['boardcast-edge', 'boardcast-ingest']);
    const kustomization = parseAllDocuments(readFileSync(`${dir}kustomization.yaml`, 'utf8'))[0]!.toJS();
    expect(kustomization.resources).toEqual(expect.arrayContaining(readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')));
    const generated = kustomization.configMapGenerator.find((g: Obj) => g.files.includes('nats-server.conf'));
    const nats = byKind('StatefulSet').find((s) => s.metadata.name === 'nats').spec.template.spec;
    const container = nats.containers[0];
    const volume = nats.volumes.find((v: Obj) => v.configMap?.name === generated.name);
    const mount = container.volumeMounts.find((m: Obj) => m.name === volume.name);
    expect(container.args.slice(0, 2)).toEqual(['-c', `${mount.mountPath}/nats-server.conf`]);
    const natsEnv = Object.fromEntries(container.env.map((e: Obj) => [e.name, e.valueFrom.secretKeyRef]));
    for (const { c } of containers) {
      const env = envOf(c);
      const user = users.get(env.NATS_USER!);
      expect(user, `${env.ROLE} logs in as a configured user`).toBeDefined();
      expect(env.NATS_USER).toBe(`boardcast-${env.ROLE}`);
      const ref = natsEnv[user!.passwordVar];
      expect(env.NATS_PASSWORD, `${env.ROLE}'s password is the one nats-server reads into $${user!.passwordVar}`).toBe(`secret:${ref.name}/${ref.key}`);
    }
  });

  it('a NetworkPolicy lets only boardcast pods reach the NATS client port', () => {
    const natsPod = byKind('StatefulSet').find((s) => s.metadata.name === 'nats').spec.template;
    const policies = byKind('NetworkPolicy').filter((p) => Object.entries(p.spec.podSelector.matchLabels).every(([k, v]) => natsPod.metadata.labels[k] === v));
    expect(policies.length).toBe(1);
    const [policy] = policies;
    expect(policy.spec.policyTypes).toContain('Ingress');
    const client = natsPod.spec.containers[0].ports.find((p: Obj) => p.name === 'client').containerPort;
    const podLabels = [...deployments.map((d) => d.spec.template.metadata.labels), natsPod.metadata.labels, { 'app.kubernetes.io/name': 'other' }];
    const admits = (labels: Record<string, string>) => policy.spec.ingress.some((rule: Obj) => rule.from.some((f: Obj) => f.podSelector && !f.namespaceSelector && !f.ipBlock && Object.entries(f.podSelector.matchLabels).every(([k, v]) => labels[k] === v)));
    for (const rule of policy.spec.ingress) {
      expect(rule.from.length).toBeGreaterThan(0); // an empty `from` would admit everyone
      expect(rule.ports.map((p: Obj) => p.port)).toEqual([client]);
    }
    expect(podLabels.map(admits)).toEqual([true, true, false, false]);
  });

  it('NATS with JetStream is there for NATS_URL to point at', () => {
    const nats = byKind('StatefulSet').find((s) => s.metadata.name === 'nats');
    expect(nats.spec.template.spec.containers[0].args).toContain('-js');
    const url = new URL(configMaps.get('boardcast-config')!.NATS_URL!.split(',')[0]!);
    const svc = byKind('Service').find((s) => s.metadata.name === url.hostname);
    expect(svc?.spec.ports.map((p: Obj) => p.port)).toContain(Number(url.port));
  });
});

describe('history volume', () => {
  // A synthetic trading day (500,000 ticks; VN30 and VNINDEX and the basis every second;
  // foreign flow of 30 symbols every 10 s) takes 32 MiB in SQLite: 64 MiB per day leaves
  // room for a busier day; freed pages are reused, so the file stays near the window's size.
  const MIB_PER_DAY = 64;
  const WAL_MIB = 128;
  const mib = (q: string) => {
    const m = /^(\d+)(Mi|Gi)$/.exec(q);
    if (!m) throw new Error(`unexpected quantity ${q}`);
    return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
  };

  it('the ingest\'s data volume holds HISTORY_RETENTION_DAYS of SQLite history', () => {
    const ingest = containers.find(({ c }) => envOf(c).ROLE === 'ingest')!;
    const days = Number(envOf(ingest.c).HISTORY_RETENTION_DAYS);
    expect(days).toBeGreaterThan(0);
    expect(loadConfig({ HISTORY_RETENTION_DAYS: String(days) }).HISTORY_RETENTION_DAYS).toBe(days);
    const mount = ingest.c.volumeMounts.find((v: Obj) => v.mountPath === '/app/data');
    const volume = ingest.deployment.spec.template.spec.volumes.find((v: Obj) => v.name === mount.name);
    expect(mib(volume.emptyDir.sizeLimit)).toBeGreaterThanOrEqual(days * MIB_PER_DAY + WAL_MIB);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(`${root}Dockerfile`, 'utf8');
  it('is multi-stage on node:20-bookworm-slim, production deps only, non-root, tini as PID 1, runs dist/src/main.js through bin/boardcast', () => {
    expect(text.match(/^FROM node:20-bookworm-slim AS \w+/gm)?.length).toBe(2);
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/COPY --from=build \/app\/dist/);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/);
    expect(text).toMatch(/^CMD \["bin\/boardcast"\]$/m);
    expect(text).toMatch(/^COPY bin\/boardcast \.\/bin\/boardcast$/m);
    expect(text).toMatch(new RegExp(`EXPOSE ${loadConfig({}).PORT}`));
  });

  const runtime = text.slice(text.search(/^FROM .* AS runtime$/m));
  it('ships only the server and the board page in the runtime stage: no bench, tests or sources', () => {
    const copies = runtime.split('\n').filter((l) => /^COPY /.test(l));
    expect(copies.length).toBeGreaterThan(0);
    for (const line of copies) expect(line).toMatch(/^COPY (package\.json package-lock\.json \.\/|packages\/client\/package\.json \.\/packages\/client\/|--from=build \/app\/dist\/(src|web) \.\/dist\/(src|web)|--from=build \/app\/packages\/client\/dist \.\/packages\/client\/dist|bin\/boardcast \.\/bin\/boardcast)$/);
    expect(runtime).not.toMatch(/\b(bench|test)\b\S*\s+\.\//);
  });

  it('creates /app/data for the runtime user before switching to it', () => {
    const userAt = runtime.search(/^USER node$/m);
    const mkdir = runtime.search(/^RUN mkdir -p \/app\/data && chown node:\S+ \/app\/data/m);
    expect(mkdir).toBeGreaterThan(-1);
    expect(mkdir).toBeLessThan(userAt);
  });

  it('carries the OCI labels, the licence matching package.json', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license: string };
    for (const key of ['title', 'description', 'licenses', 'version', 'revision']) expect(runtime).toMatch(new RegExp(`org\\.opencontainers\\.image\\.${key}=`));
    expect(runtime).toContain(`org.opencontainers.image.licenses="${pkg.license}"`);
  });
});
