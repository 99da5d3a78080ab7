// The wire codec: protobuf and JSON round-trips of a full frame built by the real
// processor from the seeded simulator, the caching encoder against the generated one, and
// the committed generated code against the proto file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simBoard } from './helpers/board.js';
import { decodeProtoToJsonMapping, omitEmptyOptIn, encodeJsonText, encodeProto, encodeSnapshot, toJsonMapping, type FrameInput } from '../src/wire/reference-codec.js';
import { FeedState, pb } from '../src/wire/proto.js';

const root = join(import.meta.dirname, '..');

function boardAfter(seconds: number) {
  const b = simBoard(11, '09:00:00', 60);
  for (let i = 0; i < seconds; i++) b.step(1000);
  return b;
}

// Every frame the worker builds carries the feed's health.
const frameOf = (snapshot: FrameInput['snapshot'], seq = 42): FrameInput => ({ seq, epoch: 'e-1', producedAtUs: 1_795_000_000_123_456, kind: 'FULL', baseSeq: 0, snapshot: { ...snapshot, feed: { state: FeedState.FEED_STALE, lastMessageAgeMs: 31_250 } } });

describe('codec', () => {
  const board = boardAfter(120); // two simulated hours: trades, flows, an intraday series

  it('protobuf round-trip of a full frame keeps every field', () => {
    const f = frameOf(board.processor.snapshot());
    const bytes = new Uint8Array(encodeProto(f));
    const decoded = decodeProtoToJsonMapping(bytes);
    expect(decoded).toEqual(JSON.parse(encodeJsonText(f)));
    expect((decoded.snapshot as { feed: unknown }).feed).toEqual({ state: 'FEED_STALE', lastMessageAgeMs: 31_250 });
    const snap = decoded.snapshot as { symbols: unknown[]; indices: Array<{ intraday: unknown[] }> };
    expect(snap.symbols).toHaveLength(30);
    expect(snap.indices[0]!.intraday.length).toBeGreaterThan(60);
  });

  it('JSON text is the protobuf JSON mapping: 64-bit ints as strings, enums by name, and it parses back', () => {
    const f = frameOf(board.processor.snapshot(), 2 ** 40);
    const json = JSON.parse(encodeJsonText(f)) as Record<string, unknown>;
    expect(json.seq).toBe(String(2 ** 40));
    expect(json.producedAtUs).toBe('1795000000123456');
    expect(json.kind).toBe('FULL');
    expect(typeof (json.snapshot as { phase: unknown }).phase).toBe('string');
    const back = pb.Frame.fromObject(json);
    expect(Number(back.seq)).toBe(2 ** 40);
    const { control, ...rest } = pb.Frame.toObject(back, { longs: String, enums: String, defaults: true, arrays: true });
    expect(control).toBeNull();
    omitEmptyOptIn(rest.snapshot as Record<string, unknown>);
    expect(rest).toEqual(json);
  });

  it('the caching encoder writes what the generated encoder writes, as the board changes', () => {
    const b = boardAfter(30);
    for (let i = 0; i < 50; i++) {
      b.step(300);
      const s = b.processor.snapshot();
      const mine = pb.Snapshot.toObject(pb.Snapshot.decode(encodeSnapshot(s)), { defaults: true, arrays: true });
      const generated = pb.Snapshot.toObject(pb.Snapshot.decode(pb.Snapshot.encode(s).finish()), { defaults: true, arrays: true });
      expect(mine).toEqual(generated);
    }
  });

  it('the protobuf frame is at most half the JSON bytes', () => {
    const f = frameOf(board.processor.snapshot());
    expect(encodeProto(f).byteLength).toBeLessThanOrEqual(Buffer.byteLength(encodeJsonText(f)) / 2);
  });

  it('a frame buffer is exactly the frame (transferable, never a pooled slice)', () => {
    const f = frameOf(board.processor.snapshot());
    const buf = encodeProto(f);
    expect(pb.Frame.decode(new Uint8Array(buf)).seq).toBe(42);
    expect(toJsonMapping(f).epoch).toBe('e-1');
  });

  it('the committed generated code matches proto/boardcast.proto', () => {
    const out = mkdtempSync(join(tmpdir(), 'bc-gen-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/gen-proto.mjs'), out], { stdio: 'pipe' });
      for (const f of ['boardcast.js', 'boardcast.d.ts']) {
        expect(readFileSync(join(out, f), 'utf8'), `src/wire/gen/${f} is stale: run npm run proto:gen`).toBe(readFileSync(join(root, 'src/wire/gen', f), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
