// The alert engine over hand-built boards: each rule fires on its scenario, is not repeated
// inside the de-duplication window, and fires again after it.
import { describe, expect, it } from 'vitest';
import { AlertEngine, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../src/market/alerts/engine.js';
import { AlertQueue } from '../../src/market/alerts/alert-queue.js';
import { parsePriceRules } from '../../src/price-alert-rules.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import type { SnapshotProps, SymbolStateProps } from '../../src/wire/proto.js';

const T0 = Date.parse('2026-06-01T02:30:00Z'); // 09:30 in Hanoi, a minute boundary
const MIN = 60_000;
const settings = (over: Partial<AlertSettings> = {}): AlertSettings => ({ ...DEFAULT_ALERT_SETTINGS, dedupMs: 5 * MIN, ...over });

const row = (r: SymbolStateProps): SymbolStateProps => ({ symbol: 'FPT', lastPrice: 100_000, reference: 100_000, ceiling: 107_000, floor: 93_000, totalVolume: 0, changePct: 0, ...r });
const board = (t: number, symbols: SymbolStateProps[], extra: Partial<SnapshotProps> = {}): SnapshotProps => ({ marketTimeMs: t, tradingDate: '2026-06-01', symbols, ...extra });
const types = (alerts: Array<{ type: string }>) => alerts.map((a) => a.type);

describe('alert engine', () => {
  it('volume spike: a minute over k × the rolling average (and over the minimum) fires; not again inside the window; again after', () => {
    const e = new AlertEngine(settings({ volumeSpikeK: 3, volumeWindowMin: 5, volumeMin: 10_000 }));
    let total = 0;
    // Five quiet minutes of 5,000 shares each.
    for (let m = 0; m <= 5; m++) {
      expect(e.check(board(T0 + m * MIN, [row({ totalVolume: total })]))).toEqual([]);
      total += 5_000;
    }
    // Minute 6: 14,000 shares — over the minimum but under 3 × 5,000: nothing.
    total += 9_000;
    expect(e.check(board(T0 + 6 * MIN + 30_000, [row({ totalVolume: total })]))).toEqual([]);
    // Minute 7: 40,000 shares in the minute — a spike.
    const base = total;
    const fired = e.check(board(T0 + 7 * MIN + 10_000, [row({ totalVolume: base + 40_000 })]));
    expect(types(fired)).toEqual(['volume_spike']);
    expect(fired[0]).toMatchObject({ symbol: 'FPT', value: 40_000, severity: 'WARNING', id: `volume_spike:FPT:${T0 + 7 * MIN + 10_000}`, wide: false });
    expect(fired[0]!.params).toMatchObject({ k: 3, windowMin: 5, minVolume: 10_000 });
    // More volume in the same minute: held, suppressed.
    expect(e.check(board(T0 + 7 * MIN + 40_000, [row({ totalVolume: base + 60_000 })]))).toEqual([]);
    // Another spike 3 minutes later: still inside the 5-minute window.
    let t = T0 + 10 * MIN + 10_000;
    total = base + 60_000;
    expect(e.check(board(t - 30_000, [row({ totalVolume: total })]))).toEqual([]);
    expect(e.check(board(t, [row({ totalVolume: total + 500_000 })]))).toEqual([]);
    // After the window: fires again.
    total += 500_000;
    t = T0 + 13 * MIN + 5_000;
    expect(e.check(board(t - 10_000, [row({ totalVolume: total })]))).toEqual([]);
    expect(types(e.check(board(t, [row({ totalVolume: total + 2_000_000 })])))).toEqual(['volume_spike']);
  });

  it('volume spike needs the minimum volume even over a zero average', () => {
    const e = new AlertEngine(settings({ volumeMin: 10_000 }));
    e.check(board(T0, [row({ totalVolume: 0 })]));
    expect(e.check(board(T0 + MIN, [row({ totalVolume: 9_000 })]))).toEqual([]);
    expect(types(e.check(board(T0 + MIN + 1000, [row({ totalVolume: 10_000 })])))).toEqual(['volume_spike']);
  });

  it('ceiling and floor: fire at the limit, held ones are suppressed, again after the window', () => {
    const e = new AlertEngine(settings());
    expect(e.check(board(T0, [row({ lastPrice: 106_900 })]))).toEqual([]);
    const up = e.check(board(T0 + 1000, [row({ lastPrice: 107_000 }), row({ symbol: 'VNM', lastPrice: 60_000, reference: 64_000, ceiling: 68_400, floor: 60_000 })]));
    expect(up.map((a) => [a.type, a.symbol, a.value, a.severity])).toEqual([
      ['ceiling', 'FPT', 107_000, 'CRITICAL'],
      ['floor', 'VNM', 60_000, 'CRITICAL'],
    ]);
    expect(up[0]!.params).toEqual({ ceiling: 107_000 });
    expect(e.check(board(T0 + 4 * MIN, [row({ lastPrice: 107_000 })]))).toEqual([]);
    expect(types(e.check(board(T0 + 1000 + 5 * MIN, [row({ lastPrice: 107_000 })])))).toEqual(['ceiling']);
  });

  it('foreign acceleration: |acceleration| over the threshold, either way', () => {
    const e = new AlertEngine(settings({ foreignAccel: 20_000 }));
    const f = (acceleration: number) => row({ foreign: { acceleration, speedPerMinute: 1000 } });
    expect(e.check(board(T0, [f(19_999)]))).toEqual([]);
    const a = e.check(board(T0 + 1000, [f(-25_000)]));
    expect(a.map((x) => [x.type, x.value])).toEqual([['foreign_acceleration', -25_000]]);
    expect(a[0]!.message).toContain('selling');
    expect(e.check(board(T0 + 2 * MIN, [f(30_000)]))).toEqual([]);
    expect(types(e.check(board(T0 + 1000 + 5 * MIN, [f(30_000)])))).toEqual(['foreign_acceleration']);
  });

  it('basis flip: premium ↔ discount past the hysteresis, not at par; market-wide', () => {
    const e = new AlertEngine(settings({ basisHysteresis: 0.5, dedupMs: 0 }));
    const d = (t: number, basis: number) => e.check(board(t, [], { derivatives: { symbol: 'VN30F2606', basis, basisPct: basis / 13, totalVolume: 0 } }));
    expect(d(T0, 2)).toEqual([]); // the first regime seen is no flip
    expect(d(T0 + 1000, 0.2)).toEqual([]);
    expect(d(T0 + 2000, -0.3)).toEqual([]); // inside the band: still premium
    expect(d(T0 + 3000, 0.4)).toEqual([]);
    const flip = d(T0 + 4000, -0.6);
    expect(flip.map((a) => [a.type, a.symbol, a.value, a.wide])).toEqual([['basis_flip', 'VN30F2606', -0.6, true]]);
    expect(flip[0]!.message).toContain('discount');
    expect(d(T0 + 5000, -2)).toEqual([]);
    expect(types(d(T0 + 6000, 0.5))).toEqual(['basis_flip']);
  });

  it('basis flip inside the de-duplication window is suppressed, the next one after it fires', () => {
    const e = new AlertEngine(settings({ basisHysteresis: 0.5, dedupMs: 5 * MIN }));
    const d = (t: number, basis: number) => e.check(board(t, [], { derivatives: { symbol: 'VN30F2606', basis, basisPct: 0, totalVolume: 0 } }));
    d(T0, 1);
    expect(types(d(T0 + MIN, -1))).toEqual(['basis_flip']);
    expect(d(T0 + 2 * MIN, 1)).toEqual([]);
    expect(d(T0 + 3 * MIN, -1)).toEqual([]);
    expect(types(d(T0 + 7 * MIN, 1))).toEqual(['basis_flip']);
  });

  it('price and percent thresholds from configuration: stocks, indices and futures', () => {
    const e = new AlertEngine(settings({ priceRules: parsePriceRules('FPT>=120000, VNM<=60000,HPG%>=5,VN30%<=-1.5,VN30F2606>=1400') }));
    // Wide bands: only the configured thresholds are crossed.
    const row = (r: SymbolStateProps) => ({ symbol: 'FPT', lastPrice: 100_000, ceiling: 200_000, floor: 10_000, ...r });
    const quiet = e.check(board(T0, [row({ lastPrice: 119_900 }), row({ symbol: 'VNM', lastPrice: 60_100 }), row({ symbol: 'HPG', changePct: 4.9 })], { indices: [{ id: 'VN30', value: 1300, changePct: -1.4 }], derivatives: { symbol: 'VN30F2606', last: 1399, basis: 0 } }));
    expect(quiet).toEqual([]);
    const hit = e.check(board(T0 + 1000, [row({ lastPrice: 120_000 }), row({ symbol: 'VNM', lastPrice: 60_000 }), row({ symbol: 'HPG', changePct: 5 })], { indices: [{ id: 'VN30', value: 1290, changePct: -1.6 }], derivatives: { symbol: 'VN30F2606', last: 1401, basis: 0 } }));
    expect(hit.map((a) => [a.type, a.symbol, a.value, a.params.threshold, a.wide])).toEqual([
      ['price_above', 'FPT', 120_000, 120_000, false],
      ['price_below', 'VNM', 60_000, 60_000, false],
      ['percent_move', 'HPG', 5, 5, false],
      ['percent_move', 'VN30', -1.6, -1.5, true],
      ['price_above', 'VN30F2606', 1401, 1400, true],
    ]);
    expect(hit.every((a) => a.severity === 'INFO' && /^[\x20-\x7e]+$/.test(a.message))).toBe(true);
  });

  it('a new trading day starts the volume minutes and the basis regime afresh', () => {
    const e = new AlertEngine(settings({ dedupMs: 0, volumeMin: 1 }));
    e.check(board(T0, [], { derivatives: { symbol: 'VN30F2606', basis: 2 } }));
    const next = T0 + 86_400_000;
    expect(e.check(board(next, [], { tradingDate: '2026-06-02', derivatives: { symbol: 'VN30F2606', basis: -2 } }))).toEqual([]);
  });

  it('the queue hands each alert to one frame and replays the last N, grouped by symbol (market-wide ones under "")', () => {
    const q = new AlertQueue(2);
    const a = (id: string) => ({ id, type: 'ceiling', severity: 'CRITICAL' as const, symbol: 'FPT', value: 1, params: {}, timeMs: 1, message: id, wide: false });
    q.push([a('1'), a('2'), a('3')]);
    const first = q.drain();
    expect(first.since).toEqual(new Map([['FPT', [a('1'), a('2'), a('3')]]]));
    expect(first.replay).toEqual(new Map([['FPT', [a('2'), a('3')]]]));
    const second = q.drain();
    expect(second.since).toEqual(new Map());
    // Unchanged replay: the same groups (their encoding is cached by identity).
    expect(second.replay).toBe(first.replay);
    const wide = { ...a('4'), symbol: 'VN30', wide: true };
    q.push([wide]);
    expect(q.drain()).toEqual({ since: new Map([['', [wide]]]), replay: new Map([['FPT', [a('3')]], ['', [wide]]]) });
  });
});

describe('ALERT_PRICE_RULES', () => {
  it('parses the documented syntax', () => {
    expect(parsePriceRules(' fpt >= 120000 ,VNM<=60000,HPG%>=5,VN30%<=-1.5,,')).toEqual([
      { symbol: 'FPT', measure: 'price', op: '>=', value: 120_000 },
      { symbol: 'VNM', measure: 'price', op: '<=', value: 60_000 },
      { symbol: 'HPG', measure: 'percent', op: '>=', value: 5 },
      { symbol: 'VN30', measure: 'percent', op: '<=', value: -1.5 },
    ]);
  });

  it.each(['FPT>120000', 'FPT=>1', 'FPT>=abc', 'FPT>=0', '>=5', 'FPT>=1;VNM<=2'])('a bad value %j is a ConfigError naming the variable (exit 78)', (v) => {
    expect(() => loadConfig({ ALERT_PRICE_RULES: v })).toThrow(ConfigError);
    try {
      loadConfig({ ALERT_PRICE_RULES: v });
    } catch (err) {
      expect((err as ConfigError).message).toContain('ALERT_PRICE_RULES');
    }
  });

  it('other alert variables are range-checked', () => {
    expect(() => loadConfig({ ALERT_VOLUME_SPIKE_K: '0.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALERTS_REPLAY: '-1' })).toThrow(ConfigError);
    expect(loadConfig({ ALERT_PRICE_RULES: 'FPT>=120000' }).ALERT_PRICE_RULES).toHaveLength(1);
  });
});
