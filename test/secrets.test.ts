// Log capture of whole processes: no NATS password or token and no SSI secret or access
// token appears in any log line, /readyz or error — including config errors (exit 78) and
// upstream answers that echo a secret right where they are cut short.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeSsi } from './feed/fake-ssi.js';
import { until } from './helpers/until.js';
import { startChild, type Child } from './helpers/child.js';
import { NatsServer, skipScale, startNode, waitReady } from './scale/cluster.js';

const output = (c: Child) => JSON.stringify(c.logs) + c.stderr.join('');

/** No 8-character piece of the secret anywhere in text: a secret cut short is still a leak. */
function expectNoPieceOf(text: string, secret: string, what: string): void {
  for (let i = 0; i + 8 <= secret.length; i++) {
    const at = text.indexOf(secret.slice(i, i + 8));
    expect(at, `${what}: characters ${i}..${i + 8} of the secret in …${text.slice(at - 80, at + 40)}…`).toBe(-1);
  }
}

async function readyzText(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/readyz`)).text();
}

describe('secrets in logs, errors and /readyz', () => {
  it('config errors never show a NATS password, a NATS token or the SSI secret (exit 78)', async () => {
    const secret = 'Zq9-very-Secret-Value-31f';
    const cases: Array<Record<string, string>> = [
      { ROLE: 'edge', NATS_URL: `nats://boardcast-edge:${secret}@not a host:4222` },
      { ROLE: 'edge', NATS_URL: `nats://boardcast-edge:${secret}@nats:4222/x` },
      { ROLE: 'edge', NATS_TOKEN: secret, NATS_USER: 'u', NATS_PASSWORD: secret },
      { ROLE: 'ingest', NATS_PASSWORD: secret },
      { ROLE: 'ingest', NATS_URL: `nats://${secret}@nats:4222`, NATS_TOKEN: secret },
      { FEED: 'ssi', SSI_CONSUMER_SECRET: secret },
    ];
    for (const env of cases) {
      const child = startChild(env);
      const { code } = await child.exited;
      expect(code, JSON.stringify(Object.keys(env))).toBe(78);
      expect(child.stderr.join('')).toMatch(/BC_CONFIG_INVALID/);
      expectNoPieceOf(output(child), secret, `config error for ${Object.keys(env).join(',')}`);
    }
  });

  it('SSI: a refusal that echoes the request with the secret at the 160-character cut, and a hub error echoing the token at the 200-character cut, leave no piece of either', async () => {
    // A secret sharing no 8 characters with anything else the process prints (the consumer id…).
    const fake = await new FakeSsi({ keepAliveMs: 100, consumerSecret: 'Xk42-qa9Lw0pE7vT-zr8Yb1' }).start();
    const secret = fake.consumerSecret;
    fake.consumerSecret = 'what-the-server-expects-instead';
    // The server's message echoes the request body, the secret starting 10 characters before the cut.
    fake.refusalMessage = (body) => {
      const head = `Unauthorized: bad request ${body}`;
      const pad = 150 - head.indexOf(secret);
      return `Unauthorized: bad request ${'.'.repeat(Math.max(0, pad))}${body}`;
    };
    const child = startChild({ FEED: 'ssi', SSI_BASE_URL: fake.baseUrl, SSI_STREAM_URL: fake.streamUrl, SSI_CONSUMER_ID: fake.consumerId, SSI_CONSUMER_SECRET: secret, LOG_LEVEL: 'trace', BROADCAST_INTERVAL_MS: '100' });
    try {
      const listening = await child.waitLog((l) => l.msg === 'boardcast listening', 20_000);
      const port = Number(listening.port);
      const refused = await child.waitLog((l) => l.msg === 'feed state' && /status 401/.test(String(l.lastError)), 20_000);
      expect(String(refused.lastError)).toContain('[redacted]'); // the echo was there, and scrubbed
      const readyRefused = await readyzText(port);
      expect(readyRefused).toMatch(/status 401/);

      fake.consumerSecret = secret;
      await child.waitLog((l) => l.msg === 'feed state' && l.state === 'live', 20_000);
      await until('a token', () => fake.issuedTokens.length >= 1);
      const token = fake.issuedTokens.at(-1)!;
      // The hub's Error text is cut at 200: put the token's signature 10 characters before it.
      const sigAt = token.lastIndexOf('.') + 1;
      fake.sendRaw(JSON.stringify({ C: 'e-1', M: [{ H: 'FcMarketDataV2Hub', M: 'Error', A: [`${'!'.repeat(190 - sigAt)}${token}`] }] }));
      let readyErr = '';
      for (const deadline = Date.now() + 10_000; !readyErr.includes('server error'); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`/readyz never showed the hub error: ${readyErr}`);
        readyErr = await readyzText(port);
      }
      expect(readyErr).toContain('[redacted]');

      child.proc.kill('SIGTERM');
      await child.exited;
      const all = output(child) + readyRefused + readyErr;
      expectNoPieceOf(all, secret, 'SSI consumer secret');
      for (const t of fake.issuedTokens) expectNoPieceOf(all, t.slice(t.lastIndexOf('.') + 1), 'SSI access token signature');
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      await fake.stop();
    }
  }, 60_000);

  it.skipIf(skipScale)('NATS: a token in NATS_TOKEN and in NATS_URL, right and wrong, never reaches a log line', async () => {
    const token = 'nats-Token-8d41c2e97a';
    const conf = join((await import('node:os')).tmpdir(), `boardcast-token-${process.pid}.conf`);
    writeFileSync(conf, 'authorization { token: $BOARDCAST_TEST_TOKEN }\n');
    const nats = await NatsServer.start({ config: conf, env: { BOARDCAST_TEST_TOKEN: token } });
    const hostPort = nats.url.replace('nats://', '');
    const nodes = [];
    try {
      const ingest = await startNode('ingest', nats, { NATS_URL: `nats://${token}@${hostPort}` });
      nodes.push(ingest);
      const edge = await startNode('edge', nats, { NATS_TOKEN: token });
      nodes.push(edge);
      await waitReady(edge);
      const wrong = await startNode('edge', nats, { NATS_TOKEN: `${token}-wrong` });
      nodes.push(wrong);
      await wrong.child.waitLog((l) => /Authorization|authentication/i.test(JSON.stringify(l)), 10_000);
      expect(ingest.child.logs.find((l) => l.msg === 'boardcast listening')!.nats).toBe(`nats://[redacted]@${hostPort}`);
      expect(edge.child.logs.find((l) => l.msg === 'NATS connected')).toMatchObject({ auth: 'token' });
      for (const n of nodes) expectNoPieceOf(output(n.child) + (await readyzText(n.port)), token, 'NATS token');
    } finally {
      for (const n of nodes) n.child.proc.kill('SIGKILL');
      await nats.stop();
    }
  }, 60_000);
});
