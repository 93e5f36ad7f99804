import Decimal from 'decimal.js';
import fc from 'fast-check';
import { standaardTermijnen } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { addMonths, daysBetween } from '../../src/shared/dates';

// Property-based tests of the arrangement arithmetic: for random amounts, start dates and
// norm values the termijnen sum exactly to the amount, none is negative or below the minimum except
// the last, and there is no rounding drift. fast-check shrinks a failure to its smallest case and
// prints the seed to replay it.

const FC = { numRuns: 2000 } as const;

/** An amount in whole cents, from €0.01 to €250,000.00, biased towards the interesting edges. */
const cents = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 25_000_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60_000 }) }, // around €20 × 24 = €480
  { weight: 1, arbitrary: fc.constantFrom(1, 1999, 2000, 2001, 47_999, 48_000, 48_001, 48_023, 48_024, 48_025) },
);
const euros = (c: number) => new Decimal(c).dividedBy(100);

/** Any calendar date from 2000 to 2099, including month ends and 29 February. */
const date = fc
  .record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

/** Norm values as a future norms table might hold them: a minimum termijnbedrag and a maximum length. */
const norm = fc.record({ minimumCents: fc.integer({ min: 100, max: 10_000 }), maxTermijnen: fc.integer({ min: 1, max: 120 }) });

const sumCents = (ts: { bedrag: Decimal }[]) => ts.reduce((s, t) => s + t.bedrag.times(100).toNumber(), 0);

describe('property: standaard termijnen (Leidraad art. 79.7) for random amounts, dates and norms', () => {
  it('sum exactly to the amount, in whole cents, with no rounding drift', () => {
    fc.assert(
      fc.property(cents, date, norm, (c, start, n) => {
        const ts = standaardTermijnen(euros(c), start, euros(n.minimumCents), n.maxTermijnen);
        // Exact in Decimal and, independently, in integer cents (no float anywhere).
        expect(ts.reduce((s, t) => s.plus(t.bedrag), new Decimal(0)).eq(euros(c))).toBe(true);
        expect(sumCents(ts)).toBe(c);
        expect(ts.every((t) => t.bedrag.decimalPlaces() <= 2)).toBe(true);
      }),
      FC,
    );
  });

  it('no termijn is zero or negative; all but the last are equal and at least the minimum; the last is not larger', () => {
    fc.assert(
      fc.property(cents, date, norm, (c, start, n) => {
        const minimum = euros(n.minimumCents);
        const ts = standaardTermijnen(euros(c), start, minimum, n.maxTermijnen);
        const [first] = ts;
        const last = ts[ts.length - 1];
        expect(ts.every((t) => t.bedrag.gt(0))).toBe(true);
        expect(ts.slice(0, -1).every((t) => t.bedrag.eq(first.bedrag) && t.bedrag.gte(minimum))).toBe(true);
        expect(last.bedrag.lte(first.bedrag)).toBe(true);
        // Below the minimum only when the whole amount is: then it is one termijn of the whole amount.
        if (euros(c).lt(minimum)) expect(ts.map((t) => t.bedrag.toFixed(2))).toEqual([euros(c).toFixed(2)]);
      }),
      FC,
    );
  });

  it('never runs longer than the maximum, and the termijnbedrag is the smallest that fits (minimum, or amount / max rounded up to the cent)', () => {
    fc.assert(
      fc.property(cents, date, norm, (c, start, n) => {
        const ts = standaardTermijnen(euros(c), start, euros(n.minimumCents), n.maxTermijnen);
        expect(ts.length).toBeGreaterThanOrEqual(1);
        expect(ts.length).toBeLessThanOrEqual(n.maxTermijnen);
        // Integer model: the termijnbedrag in cents is max(minimum, ceil(c / max)).
        const perMaandCents = Math.max(n.minimumCents, Math.ceil(c / n.maxTermijnen));
        expect(ts[0].bedrag.times(100).toNumber()).toBe(Math.min(perMaandCents, c));
        expect(ts.length).toBe(Math.ceil(c / perMaandCents));
        // One cent less per month would not finish in time (or would go below the minimum).
        if (ts.length > 1) expect(perMaandCents === n.minimumCents || (perMaandCents - 1) * n.maxTermijnen < c).toBe(true);
      }),
      FC,
    );
  });

  it('fall due monthly from the start date, numbered 1…n, never twice in one month', () => {
    fc.assert(
      fc.property(cents, date, norm, (c, start, n) => {
        const ts = standaardTermijnen(euros(c), start, euros(n.minimumCents), n.maxTermijnen);
        expect(ts.map((t) => t.volgnummer)).toEqual(ts.map((_, i) => i + 1));
        expect(ts.map((t) => t.vervaldatum)).toEqual(ts.map((_, i) => addMonths(start, i)));
        const gaps = ts.slice(1).map((t, i) => daysBetween(ts[i].vervaldatum, t.vervaldatum));
        expect(gaps.every((g) => g >= 28 && g <= 31)).toBe(true);
        expect(new Set(ts.map((t) => t.vervaldatum.slice(0, 7))).size).toBe(ts.length);
      }),
      FC,
    );
  });

  it('a new terugvordering added to the remaining balance gives a plan that again sums exactly (art. 79.7, second paragraph)', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 23 }), cents, date, (c, paidCount, extra, start) => {
        const plan = standaardTermijnen(euros(c), start);
        const paid = plan.slice(0, Math.min(paidCount, plan.length - 1));
        const rest = euros(c).minus(paid.reduce((s, t) => s.plus(t.bedrag), new Decimal(0)));
        const again = standaardTermijnen(rest.plus(euros(extra)), start);
        expect(sumCents(paid) + sumCents(again)).toBe(c + extra);
      }),
      FC,
    );
  });
});
