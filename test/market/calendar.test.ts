// The exchange calendar: both timetables, holidays and weekends, at hand-picked instants.
import { describe, expect, it } from 'vitest';
import { isTradingDay, phaseAt, phaseBoundaries } from '../../src/market/rules/calendar.js';
import { localTimeToMs } from '../../src/market/rules/session.js';
import { MarketPhase } from '../../src/wire/proto.js';

const P = MarketPhase;
const WD = '2026-06-16'; // a Tuesday

describe('exchange calendar', () => {
  it.each([
    ['08:44:59', P.PRE_OPEN, P.PRE_OPEN],
    ['08:45', P.PRE_OPEN, P.ATO],
    ['08:50', P.PRE_OPEN, P.ATO],
    ['08:59:59', P.PRE_OPEN, P.ATO],
    ['09:00', P.ATO, P.CONTINUOUS],
    ['09:05', P.ATO, P.CONTINUOUS],
    ['09:15', P.CONTINUOUS, P.CONTINUOUS],
    ['11:29:59', P.CONTINUOUS, P.CONTINUOUS],
    ['11:30', P.LUNCH_BREAK, P.LUNCH_BREAK],
    ['13:00', P.CONTINUOUS, P.CONTINUOUS],
    ['14:30', P.ATC, P.ATC],
    ['14:40', P.ATC, P.ATC],
    ['14:45', P.PUT_THROUGH, P.CLOSED],
    ['15:00', P.CLOSED, P.CLOSED],
  ])('%s: stocks %s, futures %s', (time, stock, derivatives) => {
    const t = localTimeToMs(WD, time);
    expect(phaseAt(t, 'stock')).toBe(stock);
    expect(phaseAt(t, 'derivatives')).toBe(derivatives);
  });

  it('is CLOSED all day on weekends and exchange holidays, for both classes', () => {
    for (const [date, why] of [
      ['2026-09-02', 'National Day'],
      ['2026-08-31', 'National Day bridge'],
      ['2026-02-17', 'Tết'],
      ['2026-02-20', 'Tết'],
      ['2027-02-08', 'Tết (provisional)'],
      ['2026-06-20', 'Saturday'],
      ['2026-06-21', 'Sunday'],
    ]) {
      for (const time of ['08:50', '09:05', '10:00', '14:40']) {
        expect(phaseAt(localTimeToMs(date, time), 'stock'), `${date} ${why} ${time}`).toBe(P.CLOSED);
        expect(phaseAt(localTimeToMs(date, time), 'derivatives'), `${date} ${why} ${time}`).toBe(P.CLOSED);
      }
      expect(isTradingDay(date)).toBe(false);
    }
    // The day after the holiday trades again.
    expect(phaseAt(localTimeToMs('2026-09-03', '10:00'), 'stock')).toBe(P.CONTINUOUS);
    expect(phaseAt(localTimeToMs('2026-02-23', '09:05'), 'derivatives')).toBe(P.CONTINUOUS);
  });

  it('lists the boundaries of each timetable', () => {
    expect(phaseBoundaries('stock')).toEqual([540, 555, 690, 780, 870, 885, 900]);
    expect(phaseBoundaries('derivatives')).toEqual([525, 540, 690, 780, 870, 885]);
  });
});
