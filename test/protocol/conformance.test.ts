// PROTOCOL.md conformance: a minimal client written only from the spec's rules (JSON
// format, plain objects, no SDK and no code of the server) keeps, frame after frame, the
// same board as a `delta=0` client that receives every board frame FULL.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

type Obj = Record<string, any>;

/** The spec's client (PROTOCOL.md sections 2, 4 and 5). */
class SpecClient {
  board: Obj | undefined;
  epoch: string | undefined;
  seq: number | undefined;
  waitingForFull = true;
  readonly boards = new Map<number, string>();
  applied = { full: 0, delta: 0 };
  resyncs = 0;
  controls = 0;
  readonly controlKinds = new Set<string>();

  onFrame(text: string, ws: WebSocket): void {
    const f = JSON.parse(text) as Obj;
    // Section 2: control or board by the presence of `control` / `snapshot`, not by kind.
    if (f.control) {
      this.controls++;
      this.controlKinds.add(String(f.kind));
      return;
    }
    if (!f.snapshot) return;
    const seq = Number(f.seq ?? '0');
    const baseSeq = Number(f.baseSeq ?? '0');
    // Section 4.
    if (f.epoch !== this.epoch) {
      this.board = undefined;
      this.epoch = f.epoch;
      this.waitingForFull = true;
    }
    const kind = f.kind ?? 'FULL';
    if (kind === 'FULL') {
      this.board = f.snapshot;
      this.seq = seq;
      this.waitingForFull = false;
      this.applied.full++;
    } else if (kind === 'DELTA') {
      if (this.waitingForFull || this.board === undefined || baseSeq !== this.seq || seq !== this.seq! + 1) {
        this.waitingForFull = true;
        this.resyncs++;
        ws.send(JSON.stringify({ version: 1, resync: {} }));
        return;
      }
      this.board = merge(this.board, f.snapshot);
      this.seq = seq;
      this.applied.delta++;
    } else return; // an unknown kind (section 8): skipped
    this.boards.set(seq, canonical(this.board!));
  }
}

/** Section 5: a DELTA merged into a board. */
function merge(board: Obj, d: Obj): Obj {
  const out: Obj = { ...board };
  for (const k of ['marketTimeMs', 'tradingDate', 'phase', 'derivativesPhase', 'feed']) {
    if (k in d) out[k] = d[k];
    else delete out[k]; // the header is always sent: an omitted field is its default
  }
  const removed = new Set<string>(d.removedSymbols ?? []);
  const changed = new Map<string, Obj>((d.symbols ?? []).map((s: Obj) => [s.symbol, s]));
  const symbols: Obj[] = [];
  for (const s of board.symbols ?? []) {
    if (removed.has(s.symbol)) continue;
    symbols.push(changed.get(s.symbol) ?? s);
    changed.delete(s.symbol);
  }
  symbols.push(...changed.values());
  out.symbols = symbols;
  const indices: Obj[] = [...(board.indices ?? [])];
  for (const di of d.indices ?? []) {
    const at = indices.findIndex((i) => i.id === di.id);
    const old = at >= 0 ? indices[at]! : undefined;
    const points: Obj[] = di.intraday ?? [];
    let series: Obj[] = old?.intraday ?? [];
    if (points.length > 0) {
      const from = points[0]!.timeMs ?? 0;
      series = [...series.filter((p) => (p.timeMs ?? 0) < from), ...points];
    }
    const next = { ...di, intraday: series };
    if (at >= 0) indices[at] = next;
    else indices.push(next);
  }
  out.indices = indices;
  if (d.foreign) out.foreign = d.foreign;
  if (d.derivatives) out.derivatives = d.derivatives;
  delete out.removedSymbols;
  return out;
}

/** A board as comparable text: defaults (omitted or explicit) and key order do not matter. */
function canonical(board: Obj): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(clean);
    if (v && typeof v === 'object') {
      const o: Obj = {};
      for (const k of Object.keys(v).sort()) {
        const c = clean((v as Obj)[k]);
        if (c !== undefined) o[k] = c;
      }
      return Object.keys(o).length === 0 ? undefined : o;
    }
    return v === 0 || v === '' || v === false || v === null ? undefined : v;
  };
  const { removedSymbols: _r, ...rest } = board;
  return JSON.stringify(clean(rest) ?? {});
}

function open(url: string, onText: (t: string, ws: WebSocket) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('message', (data, isBinary) => onText(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString(), ws));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('PROTOCOL.md conformance', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A keyframe rarely, so most frames are DELTAs.
    server = await startTestServer({ BROADCAST_INTERVAL_MS: '50', KEYFRAME_EVERY: '1000' });
  });
  afterAll(() => server.stop());

  it('a client built from the spec keeps the board a delta=0 client sees, frame for frame', async () => {
    const fulls = new Map<number, string>();
    const reference = await open(server.ws('format=json&delta=0'), (t) => {
      const f = JSON.parse(t) as Obj;
      if (f.snapshot) {
        expect(f.kind ?? 'FULL').toBe('FULL');
        fulls.set(Number(f.seq), canonical(f.snapshot));
      }
    });
    const spec = new SpecClient();
    const ws = await open(server.ws('format=json'), (t, socket) => spec.onFrame(t, socket));
    // A ping on the way: its control frame must leave the board alone.
    ws.send(JSON.stringify({ version: 1, ping: { clientTimeUs: String(Date.now() * 1000) } }));
    try {
      const deadline = Date.now() + 20_000;
      while (spec.applied.delta < 60 || spec.controls < 1) {
        if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify({ applied: spec.applied, controls: spec.controls })}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      ws.close();
      reference.close();
    }
    const common = [...spec.boards.keys()].filter((s) => fulls.has(s));
    expect(common.length).toBeGreaterThan(40);
    for (const seq of common) expect(spec.boards.get(seq), `board at seq ${seq}`).toBe(fulls.get(seq));
    expect(spec.applied.full).toBeGreaterThanOrEqual(1);
    expect(spec.controls).toBeGreaterThanOrEqual(1);
    // Control frames say so in their kind too (FrameKind.CONTROL), no longer FULL.
    expect([...spec.controlKinds]).toEqual(['CONTROL']);
  });
});
