// The load generator's header-only decode against frames the real server writes, in both
// formats: the same seq, epoch, kind and produced_at_us as the full decode, without
// parsing the board (issue 18: the loadgen must not be the limit of a capacity bench).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../../src/loadgen/decode.js';
import { HEAD_BYTES } from '../../src/loadgen/ws-framing.js';
import { encodeControl } from '../../src/wire/codec.js';
import { TestClient } from '../helpers/ws-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('header-only decode of served frames', () => {
  let srv: TestServer;
  beforeAll(async () => { srv = await startTestServer({ BROADCAST_INTERVAL_MS: '20', KEYFRAME_EVERY: '3' }); });
  afterAll(async () => { await srv?.stop(); });

  for (const format of ['json', 'proto'] as const) {
    it(`${format}: FULL and DELTA frames read header-only as the full decode reads them`, async () => {
      const c = await TestClient.open(srv.ws(`format=${format}&delta=1`));
      try {
        await c.nth(8);
        const kinds = new Set<boolean>();
        for (const m of c.messages.slice(0, 8)) {
          expect(m.isBinary).toBe(format === 'proto');
          const full = decodeMessage(m.data, m.isBinary, 'full');
          const header = decodeMessage(m.data, m.isBinary, 'header');
          expect(header).toEqual(full);
          if (header.type === 'board') {
            expect(header.header.seq).toBeGreaterThan(0);
            expect(header.producedAtUs).toBeGreaterThan(1.6e15);
            kinds.add(header.header.full);
          }
        }
        expect([...kinds].sort()).toEqual([false, true]);
        if (format === 'json') {
          // The board is not parsed: a frame cut inside its snapshot still reads header-only.
          const m = c.messages.find((x) => decodeMessage(x.data, false, 'header').type === 'board')!;
          const cut = m.data.subarray(0, 150);
          expect(() => decodeMessage(cut, false, 'full')).toThrow();
          expect(decodeMessage(cut, false, 'header')).toEqual(decodeMessage(m.data, false, 'full'));
        }
      } finally {
        c.close();
      }
    });
  }
});

describe('header-only decode of a control frame cut to the raw path\'s head', () => {
  for (const format of ['json', 'proto'] as const) {
    it(`${format}: an error control longer than ${HEAD_BYTES} bytes reads as control from its first ${HEAD_BYTES}`, () => {
      const encoded = encodeControl(format, 7, 'test-epoch', { error: { code: 'BC_TEST', message: 'x'.repeat(400) } });
      const whole = typeof encoded === 'string' ? Buffer.from(encoded) : Buffer.from(encoded);
      expect(whole.length).toBeGreaterThan(HEAD_BYTES);
      const head = whole.subarray(0, HEAD_BYTES);
      expect(decodeMessage(whole, format === 'proto', 'full')).toEqual({ type: 'control' });
      expect(decodeMessage(head, format === 'proto', 'header')).toEqual({ type: 'control' });
    });
  }
});
