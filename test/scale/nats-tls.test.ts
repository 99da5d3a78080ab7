// NATS over mutual TLS: a private nats-server that verifies client certificates (a CA,
// server and client certificates made by openssl for this run), an ingest and an edge given
// NATS_TLS_CA / NATS_TLS_CERT / NATS_TLS_KEY, and a client receiving frames.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, TestClient } from '../helpers/ws-client.js';
import { NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

const OPENSSL = ['/usr/bin/openssl', '/bin/openssl'].find((p) => existsSync(p));

/** A CA and, signed by it, a certificate for 127.0.0.1 (server) and one for a client. */
function makeCerts(dir: string) {
  const f = (n: string) => join(dir, n);
  const ssl = (args: string[]) => execFileSync(OPENSSL!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '1', '-subj', '/CN=boardcast test CA']);
  for (const [name, ext] of [['server', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], ['client', 'extendedKeyUsage=clientAuth']] as const) {
    writeFileSync(f(`${name}.ext`), `${ext}\n`);
    ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=boardcast ${name}`]);
    ssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f(`${name}.pem`), '-days', '1', '-extfile', f(`${name}.ext`)]);
  }
  return f;
}

describe.skipIf(skipScale || !OPENSSL)('NATS over mutual TLS', () => {
  let nats: NatsServer;
  const certDir = mkdtempSync(join(tmpdir(), 'boardcast-nats-tls-'));
  let cert: (n: string) => string;
  const nodes: Node[] = [];
  beforeAll(async () => {
    cert = makeCerts(certDir);
    nats = await NatsServer.start({ args: ['--tlsverify', '--tlscert', cert('server.pem'), '--tlskey', cert('server.key'), '--tlscacert', cert('ca.pem')] });
  }, 30_000);
  afterAll(async () => {
    for (const n of nodes) n.child.proc.kill('SIGKILL');
    await nats?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('an ingest and an edge with NATS_TLS_CA/CERT/KEY deliver frames; without a client certificate the edge stays unready', async () => {
    const tls = { NATS_TLS_CA: cert('ca.pem'), NATS_TLS_CERT: cert('client.pem'), NATS_TLS_KEY: cert('client.key') };
    const ingest = await startNode('ingest', nats, tls);
    nodes.push(ingest);
    await until('the ingest leading', async () => (await readyz(ingest)).body.leader === true, 10_000);
    const edge = await startNode('edge', nats, tls);
    nodes.push(edge);
    await waitReady(edge);
    const c = await TestClient.open(edge.ws());
    await c.nth(3, 10_000);
    expect(decode(c.messages[0]!).kind).toBe('FULL');
    c.close();
    for (const n of [ingest, edge]) expect(n.child.logs.find((l) => l.msg === 'NATS connected')).toMatchObject({ tls: true, auth: 'none' });

    const noCert = await startNode('edge', nats, { NATS_TLS_CA: cert('ca.pem') });
    nodes.push(noCert);
    const r = await until(
      'edge without a client certificate: 503',
      async () => {
      const x = await readyz(noCert);
      return x.status === 503 ? x : undefined;
    },
    );
    expect(JSON.stringify(r.body.reasons)).toMatch(/NATS/);
    // And it says why, instead of retrying in silence.
    const why = await noCert.child.waitLog((l) => l.msg === 'cannot connect to NATS yet; retrying', 10_000);
    expect(why).toMatchObject({ tls: true, level: 'warn' });
  }, 40_000);
});
