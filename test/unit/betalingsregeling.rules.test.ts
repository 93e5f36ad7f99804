import Decimal from 'decimal.js';
import { achterstand, isBijOpDatum, standaardTermijnen, volgendeBetaling } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { addDays, addMonths, daysBetween, firstOfNextMonth } from '../../src/shared/dates';

const d = (v: string) => new Decimal(v);
const sum = (ts: { bedrag: Decimal }[]) => ts.reduce((s, t) => s.plus(t.bedrag), d('0'));

describe('standaard betalingsregeling (Leidraad art. 79.7)', () => {
  it.each([
    // amount, termijnbedrag, number of termijnen, last termijn
    ['312.00', '20.00', 16, '12.00'],
    ['480.00', '20.00', 24, '20.00'],
    ['480.01', '20.01', 24, '19.78'], // just above €480: amount / 24 rounded up to the cent
    ['481.00', '20.05', 24, '19.85'],
    ['1250.40', '52.10', 24, '52.10'],
    ['1000.00', '41.67', 24, '41.59'],
    ['19.99', '19.99', 1, '19.99'], // less than €20: one termijn of the whole amount
    ['20.00', '20.00', 1, '20.00'],
    ['0.01', '0.01', 1, '0.01'],
    ['99999.99', '4166.67', 24, '4166.58'],
  ])('%s → first termijn %s, %i termijnen, last %s; the termijnen sum exactly', (amount, per, count, last) => {
    const ts = standaardTermijnen(d(amount), '2026-09-01');
    expect(ts).toHaveLength(count);
    expect(ts[0].bedrag.toFixed(2)).toBe(per);
    expect(ts[ts.length - 1].bedrag.toFixed(2)).toBe(last);
    expect(sum(ts).toFixed(2)).toBe(d(amount).toFixed(2));
    expect(ts.length).toBeLessThanOrEqual(24);
    expect(ts.every((t) => t.bedrag.gt(0) && t.bedrag.decimalPlaces() <= 2)).toBe(true);
  });

  it('falls due monthly from the start date, clamping to month ends', () => {
    expect(standaardTermijnen(d('60.00'), '2027-01-31').map((t) => t.vervaldatum)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });

  it('refuses zero, negative and sub-cent amounts', () => {
    for (const v of ['0', '-1.00', '10.005']) expect(() => standaardTermijnen(d(v), '2026-01-01')).toThrow();
  });
});

describe('paid up, arrears and next payment', () => {
  const ts = standaardTermijnen(d('312.00'), '2026-09-01').map((t, i) => ({ ...t, betaaldBedrag: d(i < 3 ? '20.00' : '0') }));

  it('is paid up while every termijn due before the date is paid', () => {
    expect(isBijOpDatum(ts, '2026-12-01')).toBe(true); // the December termijn falls due that day, not before
    expect(isBijOpDatum(ts, '2026-12-02')).toBe(false);
    expect(achterstand(ts, '2026-12-02').toFixed(2)).toBe('20.00');
    expect(achterstand(ts, '2026-12-01').toFixed(2)).toBe('0.00');
  });

  it('counts a partly paid termijn as not paid, and the next payment is what is left of it', () => {
    const partly = ts.map((t) => (t.volgnummer === 4 ? { ...t, betaaldBedrag: d('5.00') } : t));
    expect(isBijOpDatum(partly, '2027-01-01')).toBe(false);
    expect(volgendeBetaling(partly, '2026-11-20')).toEqual({ volgnummer: 4, vervaldatum: '2026-12-01', bedrag: d('15.00') });
  });

  it('is never a termijn whose vervaldatum has passed: that one is arrears, the next is the first due today or later', () => {
    // Termijn 4 (1 December) is unpaid. On 4 December it is overdue; the next payment is termijn 5 (1 January).
    expect(volgendeBetaling(ts, '2026-12-01')).toEqual({ volgnummer: 4, vervaldatum: '2026-12-01', bedrag: d('20.00') });
    expect(volgendeBetaling(ts, '2026-12-04')).toEqual({ volgnummer: 5, vervaldatum: '2027-01-01', bedrag: d('20.00') });
    expect(achterstand(ts, '2026-12-04').toFixed(2)).toBe('20.00');
    // Over the year boundary: on 2 January termijnen 4 and 5 are arrears, termijn 6 (1 February) is next.
    expect(volgendeBetaling(ts, '2027-01-02')).toMatchObject({ volgnummer: 6, vervaldatum: '2027-02-01' });
    expect(achterstand(ts, '2027-01-02').toFixed(2)).toBe('40.00');
  });

  it('has no next payment when everything is paid', () => {
    expect(volgendeBetaling(ts.map((t) => ({ ...t, betaaldBedrag: t.bedrag })), '2026-09-01')).toBeNull();
  });
});

describe('dates', () => {
  it('adds days and months in the calendar, not in milliseconds', () => {
    expect(addDays('2026-07-10', 42)).toBe('2026-08-21');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST change
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(daysBetween('2026-08-21', '2026-08-28')).toBe(7);
    expect(firstOfNextMonth('2026-11-22')).toBe('2026-12-01');
    expect(firstOfNextMonth('2026-12-01')).toBe('2027-01-01');
  });
});
