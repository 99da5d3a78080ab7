import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeClientMessage } from '../../packages/client/src/codec.js';
import { parseClientMessage } from '../../src/server/client-messages.js';
import { encodeJsonText, encodeProto } from '../../src/wire/reference-codec.js';

describe('client codec', () => {
  const f = { seq: 9_007_199_254_740, epoch: 'ep', producedAtUs: 1_765_000_000_123_456, kind: 'DELTA' as const, baseSeq: 9_007_199_254_739, snapshot: { marketTimeMs: 5, phase: 3, symbols: [], indices: [], removedSymbols: ['X'] } };

  it('decodes proto and JSON frames to the same shape', () => {
    const p = decodeFrame(encodeProto(f));
    const j = decodeFrame(encodeJsonText(f));
    expect(p).toEqual(j);
    expect(p).toMatchObject({ seq: f.seq, baseSeq: f.baseSeq, producedAtUs: f.producedAtUs, kind: 'DELTA', epoch: 'ep', control: null });
    expect(p.snapshot).toMatchObject({ phase: 'CONTINUOUS', removedSymbols: ['X'], foreign: null, tradingDate: '' });
    // JSON text sent as a binary frame on a JSON socket.
    expect(decodeFrame(new TextEncoder().encode(encodeJsonText(f)), 'json')).toEqual(p);
  });

  it('encodes client messages the server parses', () => {
    // A copy: protobufjs may hand out a Buffer view into a shared pool.
    const toAb = (m: Uint8Array | string) => new Uint8Array(typeof m === 'string' ? new TextEncoder().encode(m) : m).buffer;
    for (const format of ['proto', 'json'] as const) {
      const bin = format === 'proto';
      expect(parseClientMessage(toAb(encodeClientMessage(format, { resync: {} })), bin)).toEqual({ type: 'resync' });
      expect(parseClientMessage(toAb(encodeClientMessage(format, { ping: { clientTimeUs: 1_765_000_000_123_456 } })), bin)).toEqual({ type: 'ping', clientTimeUs: 1_765_000_000_123_456 });
      expect(parseClientMessage(toAb(encodeClientMessage(format, { unsubscribe: { channels: ['a'], symbols: ['B'] } })), bin)).toEqual({ type: 'unsubscribe', channels: ['a'], symbols: ['B'] });
    }
  });
});
