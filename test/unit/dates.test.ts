import { dateInNL, PinnedClock } from '../../src/shared/clock';

const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('dateInNL', () => {
  it('equals a fresh Europe/Amsterdam formatting at every minute around midnights and DST switches', () => {
    const around = [
      '2026-03-28T22:00:00Z', // the night of the switch to summer time (01:00 UTC on 29 March)
      '2026-10-24T21:00:00Z', // the night of the switch back (01:00 UTC on 25 October)
      '2026-11-22T22:00:00Z', // an ordinary winter midnight (23:00 UTC)
      '2026-07-01T21:00:00Z', // an ordinary summer midnight (22:00 UTC)
      '2026-12-31T22:00:00Z', // new year
    ];
    for (const start of around) {
      const t0 = Date.parse(start);
      for (let m = 0; m <= 6 * 60; m++) {
        const at = new Date(t0 + m * 60_000);
        expect([at.toISOString(), dateInNL(at)]).toEqual([at.toISOString(), reference.format(at)]);
      }
    }
  });

  it('answers for the moment asked, also when asked out of order', () => {
    const times = ['2026-11-22T22:59:59.999Z', '2026-01-01T00:00:00Z', '2026-11-22T23:00:00Z', '2026-11-22T22:59:59.999Z'];
    expect(times.map((t) => dateInNL(new Date(t)))).toEqual(['2026-11-22', '2026-01-01', '2026-11-23', '2026-11-22']);
  });
});

describe('PinnedClock', () => {
  it('is noon in the Netherlands on the pinned date, in winter and in summer', () => {
    expect(new PinnedClock('2026-12-31', false).today()).toBe('2026-12-31');
    expect(new PinnedClock('2027-01-01', false).today()).toBe('2027-01-01');
    expect(new PinnedClock('2026-06-15', false).today()).toBe('2026-06-15');
    expect(new PinnedClock('2026-06-15', false).now().toISOString()).toBe('2026-06-15T10:30:00.000Z');
  });

  it('moves only when told (set, advanceDays); an instant keeps its time of day', () => {
    const clock = new PinnedClock('2026-12-31T22:59:00Z', false);
    expect(clock.today()).toBe('2026-12-31');
    expect(clock.advanceDays(1).today()).toBe('2027-01-01');
    expect(clock.set('2027-03-28').today()).toBe('2027-03-28');
  });

  it('ticks on with real elapsed time from the pinned moment', async () => {
    const clock = new PinnedClock('2026-06-15');
    const t0 = clock.now().getTime();
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now().getTime() - t0).toBeGreaterThanOrEqual(15);
    expect(clock.today()).toBe('2026-06-15');
  });
});
