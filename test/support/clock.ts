import { PinnedClock } from '../../src/shared/clock';

/**
 * The date every test runs on unless it pins another: never the machine's date, so the suite gives the
 * same result on any day. Override for a whole run with TEST_TODAY=YYYY-MM-DD (e.g. to try the suite
 * on 31 December).
 */
export const TEST_TODAY = process.env.TEST_TODAY ?? '2026-06-15';

/** Dates the date-sensitive suites run their key cases on: the year's end, its start, mid-year. */
export const BOUNDARY_DATES = ['2026-12-31', '2027-01-01', '2026-06-15'] as const;

/** A clock pinned to `at` (a date: noon in the Netherlands), ticking on from there. */
export function testClock(at: string = TEST_TODAY): PinnedClock {
  return new PinnedClock(at);
}

/** Engine options for a run on `datum`, as of that day: the engine's clock says it is that day. */
export function runOn(datum: string): { datum: string; clock: PinnedClock } {
  return { datum, clock: testClock(datum) };
}
