/**
 * The clock: the only place in the code that reads the wall clock. Everything else learns "today" and
 * "now" from the `Clock` it is given (the request context, an engine run, a CLI command, a seeder), so
 * a test can pin the date and a replay can run as of another day.
 *
 * "Today" is the calendar date in the Netherlands (Europe/Amsterdam), as YYYY-MM-DD: the date every
 * rule of the agency speaks of (betaaltermijnen, voorschot months, beslistermijnen).
 */
export interface Clock {
  /** Today's date in the Netherlands (Europe/Amsterdam), YYYY-MM-DD. */
  today(): string;
  /** The current instant. */
  now(): Date;
}

// Built once: constructing an Intl.DateTimeFormat (time zone data lookup) costs far more than
// formatting with it, and the policy asks for today on every request (docs/benchmarks.md).
const NL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

// Amsterdam is a whole number of hours from UTC (CET +1, CEST +2; the switches fall on whole UTC
// hours), so its calendar date is constant within every UTC hour: one format per hour is exact.
let cachedHour = Number.NaN;
let cachedDate = '';

/** The calendar date in the Netherlands (Europe/Amsterdam) at `instant`, as YYYY-MM-DD. */
export function dateInNL(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  if (hour !== cachedHour) {
    cachedDate = NL_DATE.format(instant);
    cachedHour = hour;
  }
  return cachedDate;
}

/** The system's clock: what production runs on. */
export const systemClock: Clock = {
  today: () => dateInNL(new Date()),
  now: () => new Date(),
};

/**
 * A clock set to a chosen moment, for tests and replays. `at` is a date (YYYY-MM-DD, taken as 12:00
 * in the Netherlands, far from either midnight) or an ISO instant. It keeps ticking with the real
 * elapsed time from then on (timestamps stay ordered), unless `ticking: false`; `set` and
 * `advanceDays` move it.
 */
export class PinnedClock implements Clock {
  private base!: number;
  private since!: number;

  constructor(
    at: string | Date,
    private readonly ticking = true,
  ) {
    this.set(at);
  }

  set(at: string | Date): this {
    this.base = instantOf(at);
    this.since = performance.now();
    return this;
  }

  advanceDays(days: number): this {
    return this.set(new Date(this.now().getTime() + days * 86_400_000));
  }

  now(): Date {
    return new Date(this.base + (this.ticking ? Math.floor(performance.now() - this.since) : 0));
  }

  today(): string {
    return dateInNL(this.now());
  }
}

function instantOf(at: string | Date): number {
  if (at instanceof Date) return at.getTime();
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    // 12:00 in Amsterdam is 10:00 or 11:00 UTC; 10:30 UTC is noon-ish in either season.
    return Date.parse(`${at}T10:30:00Z`);
  }
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new Error(`not a date or instant: ${at}`);
  return t;
}
