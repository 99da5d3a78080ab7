// The exchange reference in src/market/rules/ stands alone: its phase numbers are the wire's,
// it never loads the protobuf runtime set-up (src/wire/proto.ts reconfigures protobufjs for
// the whole process), and the simulator models exactly the basket the rules name.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarketPhase } from '../../src/market/rules/phase.js';
import { VN30_SYMBOLS, VN30_WEIGHT_CAP } from '../../src/market/rules/vn30.js';
import { VN30_BASKET, CapWeightedIndex } from '../../src/market/sim/basket.js';
import { pb } from '../../src/wire/proto.js';

const src = new URL('../../src/', import.meta.url).pathname;
const rulesDir = join(src, 'market/rules');

/** Every file reached from `file` by relative imports (type-only imports count: the rule is about modules). */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
    reach(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('market rules', () => {
  it('phase numbers are the wire enum values, name for name', () => {
    const wire = Object.fromEntries(Object.entries(pb.MarketPhase).filter(([, v]) => typeof v === 'number'));
    expect(MarketPhase).toEqual(wire);
  });

  it('no module under market/rules reaches src/wire (nor anything outside market/rules)', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).map((f) => join(rulesDir, f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const outside = [...reach(f)].filter((r) => !r.startsWith(rulesDir)).map((r) => r.slice(src.length));
      expect(outside, f.slice(src.length)).toEqual([]);
    }
  });

  it('the simulator models exactly the VN30 basket of the rules, in order, under the rules\' weight cap', () => {
    expect(VN30_BASKET.map((c) => c.symbol)).toEqual([...VN30_SYMBOLS]);
    expect(new Set(VN30_SYMBOLS).size).toBe(30);
    const index = new CapWeightedIndex(VN30_BASKET);
    const caps = VN30_BASKET.map((c) => c.reference * index.weights.get(c.symbol)!);
    const total = caps.reduce((a, b) => a + b, 0);
    expect(Math.max(...caps) / total).toBeCloseTo(VN30_WEIGHT_CAP, 9);
  });
});
