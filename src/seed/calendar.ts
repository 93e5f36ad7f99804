import { addDays } from '../shared/dates';

/**
 * Dates as day numbers (days since 1920-01-01) while generating, formatted through a table built
 * once with the shared date helpers: the generator handles millions of dates, and integer days
 * make "dagtekening + 42" a plain addition.
 */
const FIRST = '1920-01-01';
const LAST_YEAR = 2032;

const STRINGS: string[] = [];
const NUMBERS = new Map<string, number>();
for (let d = FIRST; Number(d.slice(0, 4)) <= LAST_YEAR; d = addDays(d, 1)) {
  NUMBERS.set(d, STRINGS.length);
  STRINGS.push(d);
}

/** YYYY-MM-DD → day number. */
export function day(date: string): number {
  const n = NUMBERS.get(date);
  if (n === undefined) throw new Error(`date ${date} is outside the seed calendar`);
  return n;
}

/** Day number → YYYY-MM-DD. */
export function ds(n: number): string {
  const s = STRINGS[n];
  if (s === undefined) throw new Error(`day ${n} is outside the seed calendar`);
  return s;
}

export function yearOfDay(n: number): number {
  return Number(ds(n).slice(0, 4));
}

/** 1 January of `year` as a day number. */
export function jan1(year: number): number {
  return day(`${year}-01-01`);
}

/** The seeded world is as of 22 November 2026: every date is on or before the day before. */
export const REFERENCE_DATE = '2026-11-22';
export const LAST_DAY = day(REFERENCE_DATE) - 1;
export const CURRENT_YEAR = 2026;

/** The first day of month `month` (1–12) of `year`. */
export function monthStart(year: number, month: number): number {
  return day(`${year}-${month < 10 ? '0' : ''}${month}-01`);
}
