import Decimal from 'decimal.js';
import { planVoorschotpercentage, voorschotBijPercentage, wijzigingsnummer, type VoorschotToeslag } from '../../src/modules/toeslag/toeslag.rules';
import { ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';

const d = (v: string) => new Decimal(v);
const lopend = (o: Partial<VoorschotToeslag> = {}): VoorschotToeslag => ({
  status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
  berekeningsjaar: 2026,
  berekendVoorschotMaandbedrag: d('123.00'),
  voorschotPercentage: 100,
  ...o,
});
const codes = (plan: ReturnType<typeof planVoorschotpercentage>) => (plan.ok ? [] : plan.errors.map((e) => e.code));

describe('voorschotBijPercentage: berekend × pct / 100, rounded down to the cent', () => {
  it.each([
    ['123.00', 90, '110.70'],
    ['340.00', 90, '306.00'],
    ['331.12', 90, '298.00'], // 298.008 → down
    ['99.99', 33, '32.99'], // 32.9967 → down, never up
    ['100.00', 0, '0.00'],
    ['100.00', 100, '100.00'],
    ['0.01', 50, '0.00'],
  ])('%s at %i %% = %s', (berekend, pct, expected) => {
    expect(voorschotBijPercentage(d(berekend), pct).toFixed(2)).toBe(expected);
  });
});

describe('planVoorschotpercentage (instelbaar voorschot)', () => {
  it('changes from the first day of next month, with the yearly amount and a reason', () => {
    const plan = planVoorschotpercentage(lopend(), 90, '2026-11-22');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.wijziging.ingangsdatum).toBe('2026-12-01');
    expect(plan.wijziging.jaarbedrag.toFixed(2)).toBe('1476.00');
    expect(plan.wijziging.voorschotMaandbedrag.toFixed(2)).toBe('110.70');
    expect(plan.wijziging.voorschotPercentage).toBe(90);
    expect(plan.wijziging.reden).toContain('van 100% naar 90%');
    expect(plan.wijziging.reden).toContain('Vanaf 1 december 2026 ontvangt u € 110,70 per maand');
  });

  it('uses the last day of a month correctly (31 December → 1 January is the next year: refused for this year)', () => {
    expect(codes(planVoorschotpercentage(lopend(), 50, '2026-12-31'))).toEqual(['TOESLAG_NIET_LOPEND']);
    const next = planVoorschotpercentage(lopend({ berekeningsjaar: 2027 }), 50, '2026-12-31');
    expect(next.ok && next.wijziging.ingangsdatum).toBe('2027-01-01');
  });

  it('starts a change to next year’s voorschot on 1 January, not in this year', () => {
    const plan = planVoorschotpercentage(lopend({ berekeningsjaar: 2027 }), 80, '2026-11-22');
    expect(plan.ok && plan.wijziging.ingangsdatum).toBe('2027-01-01');
  });

  it.each([-1, 101, 50.5, Number.NaN])('refuses percentage %p with PERCENTAGE_ONGELDIG', (pct) => {
    expect(codes(planVoorschotpercentage(lopend(), pct, '2026-11-22'))).toEqual(['PERCENTAGE_ONGELDIG']);
  });

  it.each([0, 100])('accepts the bounds (%i %%)', (pct) => {
    expect(planVoorschotpercentage(lopend({ voorschotPercentage: 50 }), pct, '2026-11-22').ok).toBe(true);
  });

  it.each([ToeslagStatus.AANGEVRAAGD, ToeslagStatus.DEFINITIEF_TOEGEKEND, ToeslagStatus.AFGEWEZEN, ToeslagStatus.BEEINDIGD])(
    'refuses a toeslag that is %s with TOESLAG_NIET_LOPEND',
    (status) => {
      expect(codes(planVoorschotpercentage(lopend({ status }), 80, '2026-11-22'))).toEqual(['TOESLAG_NIET_LOPEND']);
    },
  );

  it('refuses a running toeslag without a calculated voorschot, and one whose year is over', () => {
    expect(codes(planVoorschotpercentage(lopend({ berekendVoorschotMaandbedrag: null }), 80, '2026-11-22'))).toEqual(['TOESLAG_NIET_LOPEND']);
    expect(codes(planVoorschotpercentage(lopend({ berekeningsjaar: 2025 }), 80, '2026-11-22'))).toEqual(['TOESLAG_NIET_LOPEND']);
  });

  it('refuses the current percentage with ONGEWIJZIGD, and reports every problem at once otherwise', () => {
    expect(codes(planVoorschotpercentage(lopend({ voorschotPercentage: 90 }), 90, '2026-11-22'))).toEqual(['ONGEWIJZIGD']);
    expect(codes(planVoorschotpercentage(lopend({ status: ToeslagStatus.BEEINDIGD }), 120, '2026-11-22')).sort()).toEqual(['PERCENTAGE_ONGELDIG', 'TOESLAG_NIET_LOPEND']);
  });

  it('points each error at its input field', () => {
    const plan = planVoorschotpercentage(lopend({ status: ToeslagStatus.BEEINDIGD }), 120, '2026-11-22');
    expect(plan.ok ? [] : plan.errors.map((e) => e.field)).toEqual([['input', 'percentage'], ['input', 'toeslagId']]);
  });
});

describe('wijzigingsnummer', () => {
  it('follows the numbering style and refuses odd suffixes', () => {
    expect(wijzigingsnummer(2026, '0193', 'A1B2C3D4E5')).toBe('WZ-2026-0193-A1B2C3D4E5');
    expect(() => wijzigingsnummer(2026, '0193', "x' or 1=1")).toThrow();
  });
});
