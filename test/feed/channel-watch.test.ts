// The SwitchChannels safety net's detection (src/market/feed/ssi/channel-watch.ts): pure,
// with a hand-driven clock.
import { describe, expect, it } from 'vitest';
import { ChannelWatch, channelType } from '../../src/market/feed/ssi/channel-watch.js';

const always = () => true;

describe('ChannelWatch', () => {
  it('names a type silent through a whole window while another delivered', () => {
    const w = new ChannelWatch(['X', 'R', 'MI'], 1000, always);
    w.reset(0);
    for (let i = 0; i < 5; i++) w.count('X');
    w.count('MI');
    expect(w.check(999)).toBeUndefined(); // the window is not over
    expect(w.check(1000)).toEqual({ silent: ['R'], delivered: { X: 5, MI: 1 } });
  });

  it('says nothing when every type delivered, or when nothing delivered at all (a quiet hub is the watchdog\'s business)', () => {
    const w = new ChannelWatch(['X', 'R'], 1000, always);
    w.reset(0);
    w.count('X');
    w.count('R');
    expect(w.check(1000)).toBeUndefined();
    expect(w.check(2000)).toBeUndefined(); // next window: nothing from anybody
  });

  it('each verdict starts a new window: counts from before do not carry over', () => {
    const w = new ChannelWatch(['X', 'R'], 1000, always);
    w.reset(0);
    w.count('R');
    expect(w.check(1000)).toEqual({ silent: ['X'], delivered: { R: 1 } });
    w.count('X');
    w.count('R');
    expect(w.check(2000)).toBeUndefined();
  });

  it('outside a type\'s trading hours (at either end of the window) its silence does not count', () => {
    let open = false;
    const w = new ChannelWatch(['X', 'R'], 1000, (t) => t === 'X' || open);
    w.reset(0); // R closed at the start
    open = true;
    w.count('X');
    expect(w.check(1000)).toBeUndefined();
    w.count('X');
    expect(w.check(2000)).toEqual({ silent: ['R'], delivered: { X: 1 } }); // open at both ends now
  });

  it('ignores types it does not watch (F speaks only on a status change)', () => {
    const w = new ChannelWatch(['X', 'R'], 1000, always);
    w.reset(0);
    w.count('F');
    w.count('X');
    w.count('R');
    expect(w.check(1000)).toBeUndefined();
  });

  it('channel types from subscription strings and RTypes', () => {
    expect(channelType('X:FPT-VNM')).toBe('X');
    expect(channelType('X-QUOTE:FPT')).toBe('X');
    expect(channelType('MI:VN30')).toBe('MI');
    expect(channelType('F')).toBe('F');
    expect(channelType('r')).toBe('R');
  });
});
