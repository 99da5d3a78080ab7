// The edge's frame fence (pure): the lease term is the trust root; seq and epoch must be
// plausible for the time that passed.
import { describe, expect, it } from 'vitest';
import { FrameFence, type FenceHeader } from '../../src/scale/frame-fence.js';

const INTERVAL = 100;
const h = (seq: number, over: Partial<FenceHeader> = {}): FenceHeader => ({ term: 5, epoch: 'e1', seq, keyframe: false, ...over });

/** A fence that accepted seq 1..n of epoch e1, term 5, one interval apart, ending at t. */
function running(n: number, t = 10_000) {
  const f = new FrameFence({ intervalMs: INTERVAL });
  f.leaseTerm = 5;
  for (let s = 1; s <= n; s++) {
    const at = t - (n - s) * INTERVAL;
    expect(f.check(h(s, { keyframe: s === 1 }), at)).toEqual({ accept: true });
    f.commit(h(s), at);
  }
  return f;
}

describe('FrameFence', () => {
  it('accepts nothing before the lease term is known, then only that term', () => {
    const f = new FrameFence({ intervalMs: INTERVAL });
    expect(f.check(h(1), 0)).toEqual({ accept: false, reason: 'term_unknown' });
    f.leaseTerm = 5;
    expect(f.check(h(1, { term: 4 }), 0)).toEqual({ accept: false, reason: 'term_stale' });
    expect(f.check(h(1, { term: 2 ** 53 - 1, epoch: 'forged' }), 0)).toEqual({ accept: false, reason: 'term_ahead' });
    expect(f.check(h(1), 0)).toEqual({ accept: true });
  });

  it('drops stale seqs and a seq = 2^53-1 on the current epoch; the real next frame still passes and is gap-free', () => {
    const f = running(10);
    expect(f.check(h(10), 10_050)).toEqual({ accept: false, reason: 'stale' });
    expect(f.check(h(2 ** 53 - 1, { keyframe: true }), 10_050)).toEqual({ accept: false, reason: 'seq_jump' });
    expect(f.check(h(11), 10_100)).toEqual({ accept: true });
    expect(f.commit(h(11), 10_100)).toEqual({ newEpoch: false, gap: false });
  });

  it('allows the jump that the elapsed time explains (an edge away from NATS for a while)', () => {
    const f = running(10);
    // 30 s later, 300 frames later: a gap, not a forgery.
    expect(f.check(h(310), 40_000)).toEqual({ accept: true });
    expect(f.commit(h(310), 40_000)).toEqual({ newEpoch: false, gap: true });
  });

  it('a suspect jump is proved by a keyframe that continues it; a lone message never is', () => {
    const f = running(10);
    expect(f.check(h(5000), 10_100).accept).toBe(false);
    expect(f.check(h(5001), 10_200).accept).toBe(false); // not a keyframe: still suspect
    expect(f.check(h(5002, { keyframe: true }), 10_300)).toEqual({ accept: true });
    f.commit(h(5002), 10_300);
    expect(f.lastSeq).toBe(5002);
    // A lone keyframe far ahead is not proof.
    expect(f.check(h(90_000, { keyframe: true }), 10_400).accept).toBe(false);
    expect(f.check(h(5003), 10_400).accept).toBe(true);
  });

  it('a new epoch in the same term must start low with a keyframe (a restarted worker); a new term may bring any epoch', () => {
    const f = running(10);
    expect(f.check(h(1, { epoch: 'e2' }), 10_300)).toEqual({ accept: false, reason: 'epoch' }); // no keyframe
    expect(f.check(h(4000, { epoch: 'e2', keyframe: true }), 10_300)).toEqual({ accept: false, reason: 'epoch' });
    expect(f.check(h(1, { epoch: 'e2', keyframe: true }), 10_300)).toEqual({ accept: true });
    expect(f.commit(h(1, { epoch: 'e2' }), 10_300)).toEqual({ newEpoch: true, gap: false });
    f.leaseTerm = 9; // a failover: the watch shows the new leader's term
    expect(f.check(h(12, { epoch: 'e1' }), 10_400)).toEqual({ accept: false, reason: 'term_stale' });
    expect(f.check(h(777, { term: 9, epoch: 'e3' }), 10_400)).toEqual({ accept: true });
  });
});
