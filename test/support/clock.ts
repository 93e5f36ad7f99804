import { PinnedClock } from '../../src/shared/clock';

/**
 * The date every test runs on unless it pins another: never the machine's date, so the suite gives the
 * same result on any day. jest.config.js runs the date-sensitive suites again on the year's last and
 * first day (its `globals.TEST_TODAY`); TEST_TODAY=YYYY-MM-DD in the environment moves the rest.
 */
export const TEST_TODAY: string = (globalThis as { TEST_TODAY?: string }).TEST_TODAY ?? process.env.TEST_TODAY ?? '2026-06-15';

/** A clock pinned to `at` (a date: noon in the Netherlands), ticking on from there. */
export function testClock(at: string = TEST_TODAY): PinnedClock {
  return new PinnedClock(at);
}

/** Engine options for a run on `datum`, as of that day: the engine's clock says it is that day. */
export function runOn(datum: string): { datum: string; clock: PinnedClock } {
  return { datum, clock: testClock(datum) };
}
