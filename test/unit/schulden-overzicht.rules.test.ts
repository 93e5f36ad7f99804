import Decimal from 'decimal.js';
import { BetalingsregelingStatus } from '../../src/modules/betalingsregeling/betalingsregeling.enums';
import type { TermijnStand } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import {
  isNogTeBetalen,
  schuldenOverzicht,
  uitleg,
  type OverzichtRegeling,
  type OverzichtSchuld,
} from '../../src/modules/schuld/schulden-overzicht.rules';
import { formatDatum, formatEuro } from '../../src/shared/format-nl';
import { ToeslagSoort } from '../../src/modules/toeslag/toeslag.enums';
import { seededRandom } from '../support/factories';

const d = (v: string) => new Decimal(v);
const TODAY = '2026-11-22';

let n = 0;
function schuld(o: Omit<Partial<OverzichtSchuld>, 'kosten'> & { open?: string; kosten?: string } = {}): OverzichtSchuld {
  n++;
  return {
    id: o.id ?? `s${String(n).padStart(3, '0')}`,
    status: o.status ?? SchuldStatus.OPEN,
    openstaandBedrag: d(o.open ?? '100.00'),
    kosten: d(o.kosten ?? '0'),
    gepauzeerd: o.gepauzeerd ?? false,
    vervaldatum: o.vervaldatum ?? '2026-12-01',
    toeslag: o.toeslag ?? { soort: ToeslagSoort.ZORGTOESLAG, berekeningsjaar: 2024 },
    beschikking: o.beschikking ?? {
      nummer: `TV-2024-0193-${String(n).padStart(6, '0')}`,
      dagtekening: '2026-07-10',
      betaaldeVoorschotten: d('1572.00'),
      terugTeBetalen: d('312.00'),
      reden: 'Uw inkomen was hoger.',
    },
  };
}

function termijnen(spec: Array<[string, string, string]>): TermijnStand[] {
  return spec.map(([vervaldatum, bedrag, betaald], i) => ({ volgnummer: i + 1, vervaldatum, bedrag: d(bedrag), betaaldBedrag: d(betaald) }));
}

function regeling(o: Partial<OverzichtRegeling> & { schuldIds: string[] }): OverzichtRegeling {
  return {
    id: o.id ?? 'r1',
    status: o.status ?? BetalingsregelingStatus.ACTIEF,
    startdatum: o.startdatum ?? '2026-09-01',
    schuldIds: o.schuldIds,
    termijnen: o.termijnen ?? termijnen([['2026-09-01', '20.00', '20.00'], ['2026-10-01', '20.00', '0']]),
  };
}

const total = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), d('0'));

describe('which schulden count (isNogTeBetalen)', () => {
  it.each([
    [SchuldStatus.OPEN, '10.00', '0', true],
    [SchuldStatus.AANGEMAAND, '0', '8.00', true], // only costs left: still to be paid
    [SchuldStatus.OPEN, '0', '0', false], // nothing left
    [SchuldStatus.VOLDAAN, '10.00', '0', false],
    [SchuldStatus.KWIJTGESCHOLDEN, '10.00', '0', false],
    [SchuldStatus.BUITEN_INVORDERING, '10.00', '8.00', false],
    [SchuldStatus.IN_BETALINGSREGELING, '0.01', '0', true],
  ])('%s with open %s and kosten %s → %s', (status, open, kosten, expected) => {
    expect(isNogTeBetalen(schuld({ status, open, kosten }))).toBe(expected);
  });
});

describe('schuldenOverzicht', () => {
  it('adds up exactly: totaal = gedekt + nietGedekt = Σ per soort = Σ schulden, costs included', () => {
    const a = schuld({ id: 'a', open: '252.00', vervaldatum: '2026-08-21' });
    const b = schuld({ id: 'b', open: '1250.40', kosten: '8.00', vervaldatum: '2026-11-10', toeslag: { soort: ToeslagSoort.HUURTOESLAG, berekeningsjaar: 2024 } });
    const c = schuld({ id: 'c', open: '0.10', kosten: '0.20', gepauzeerd: true, vervaldatum: '2020-09-25', toeslag: { soort: ToeslagSoort.KINDEROPVANGTOESLAG, berekeningsjaar: 2019 } });
    const done = schuld({ id: 'd', status: SchuldStatus.VOLDAAN, open: '99.00' });
    const o = schuldenOverzicht([a, b, c, done], [regeling({ schuldIds: ['a'] })], TODAY);

    expect(o.totaalOpenstaand.toFixed(2)).toBe('1510.70');
    expect(o.aantalSchulden).toBe(3);
    expect(o.gedektDoorRegeling.toFixed(2)).toBe('252.00');
    expect(o.nietGedekt.toFixed(2)).toBe('1258.70');
    expect(o.waarvanGepauzeerd.toFixed(2)).toBe('0.30');
    expect(o.oudsteVervaldatum).toBe('2020-09-25');
    expect(o.schulden.map((s) => [s.schuld.id, s.openstaand.toFixed(2), s.gedekt])).toEqual([
      ['c', '0.30', false],
      ['a', '252.00', true],
      ['b', '1258.40', false],
    ]);
    expect(o.perToeslagsoort.map((p) => [p.soort, p.aantalSchulden, p.totaalOpenstaand.toFixed(2)])).toEqual([
      ['ZORGTOESLAG', 1, '252.00'],
      ['HUURTOESLAG', 1, '1258.40'],
      ['KINDEROPVANGTOESLAG', 1, '0.30'],
    ]);
    expect(o.gedektDoorRegeling.plus(o.nietGedekt).eq(o.totaalOpenstaand)).toBe(true);
  });

  it('counts only ACTIEF regelingen as cover, and takes the next payment from them only', () => {
    const a = schuld({ id: 'a' });
    const ended = regeling({ id: 'old', status: BetalingsregelingStatus.BEEINDIGD, schuldIds: ['a'], termijnen: termijnen([['2026-01-01', '5.00', '0']]) });
    const o = schuldenOverzicht([a], [ended], TODAY);
    expect(o.gedektDoorRegeling.toFixed(2)).toBe('0.00');
    expect(o.schulden[0].gedekt).toBe(false);
    expect(o.volgendeBetaling).toBeNull();
  });

  it('takes the earliest next payment across active regelingen, with what is left of that termijn', () => {
    const r1 = regeling({ id: 'r1', schuldIds: ['a'], termijnen: termijnen([['2026-11-01', '20.00', '20.00'], ['2026-12-01', '20.00', '0']]) });
    const r2 = regeling({ id: 'r2', schuldIds: ['b'], termijnen: termijnen([['2026-11-15', '50.00', '30.00'], ['2026-12-15', '50.00', '0']]) });
    const before = schuldenOverzicht([schuld({ id: 'a' }), schuld({ id: 'b' })], [r1, r2], '2026-11-10');
    expect(before.volgendeBetaling).toMatchObject({ datum: '2026-11-15', regeling: { id: 'r2' } });
    expect(before.volgendeBetaling!.bedrag.toFixed(2)).toBe('20.00');
    expect(before.achterstand.toFixed(2)).toBe('0.00');
    // On 22 November r2's termijn of the 15th is overdue: arrears, not the next payment.
    const o = schuldenOverzicht([schuld({ id: 'a' }), schuld({ id: 'b' })], [r1, r2], TODAY);
    expect(o.volgendeBetaling).toMatchObject({ datum: '2026-12-01', regeling: { id: 'r1' } });
    expect(o.volgendeBetaling!.bedrag.toFixed(2)).toBe('20.00');
    expect(o.achterstand.toFixed(2)).toBe('20.00');
  });

  it('is empty and null-safe for a household without schulden', () => {
    const o = schuldenOverzicht([], [], TODAY);
    expect(o).toMatchObject({ aantalSchulden: 0, oudsteVervaldatum: null, perToeslagsoort: [], volgendeBetaling: null, schulden: [] });
    for (const v of [o.totaalOpenstaand, o.gedektDoorRegeling, o.nietGedekt, o.waarvanGepauzeerd]) expect(v.toFixed(2)).toBe('0.00');
  });

  it('keeps every identity exact on 500 random households (no float anywhere)', () => {
    const random = seededRandom(42);
    const cents = (max: number) => new Decimal(Math.floor(random() * max * 100)).dividedBy(100);
    const statuses = Object.values(SchuldStatus);
    const soorten = Object.values(ToeslagSoort);
    for (let h = 0; h < 500; h++) {
      const schulden = Array.from({ length: Math.floor(random() * 8) }, (_, i) =>
        schuld({
          id: `h${h}s${i}`,
          status: statuses[Math.floor(random() * statuses.length)],
          open: cents(5000).toFixed(2),
          kosten: random() < 0.3 ? cents(60).toFixed(2) : '0',
          gepauzeerd: random() < 0.2,
          vervaldatum: `202${Math.floor(random() * 7)}-0${1 + Math.floor(random() * 9)}-15`,
          toeslag: { soort: soorten[Math.floor(random() * soorten.length)], berekeningsjaar: 2020 },
        }),
      );
      const regelingen = [regeling({ id: `h${h}r`, schuldIds: schulden.filter(() => random() < 0.4).map((s) => s.id) })];
      const o = schuldenOverzicht(schulden, regelingen, TODAY);
      const counted = schulden.filter(isNogTeBetalen);
      expect(o.aantalSchulden).toBe(counted.length);
      expect(o.totaalOpenstaand.eq(total(counted.map((s) => s.openstaandBedrag.plus(s.kosten))))).toBe(true);
      expect(o.totaalOpenstaand.eq(o.gedektDoorRegeling.plus(o.nietGedekt))).toBe(true);
      expect(o.totaalOpenstaand.eq(total(o.perToeslagsoort.map((p) => p.totaalOpenstaand)))).toBe(true);
      expect(o.totaalOpenstaand.eq(total(o.schulden.map((s) => s.openstaand)))).toBe(true);
      expect(o.perToeslagsoort.reduce((a, p) => a + p.aantalSchulden, 0)).toBe(o.aantalSchulden);
      expect(o.waarvanGepauzeerd.lte(o.totaalOpenstaand)).toBe(true);
      expect(o.totaalOpenstaand.decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });
});

describe('uitleg (plain Dutch)', () => {
  it('explains the demo zorgtoeslag schuld exactly as in the brief', () => {
    const s = schuld({
      open: '252.00',
      beschikking: {
        nummer: 'TV-2024-0193-000412',
        dagtekening: '2026-07-10',
        betaaldeVoorschotten: d('1572.00'),
        terugTeBetalen: d('312.00'),
        reden: 'Uw inkomen over 2024 was hoger dan het inkomen waarmee het voorschot was berekend.',
      },
    });
    expect(uitleg(s, true, TODAY)).toBe(
      'Terugvordering zorgtoeslag 2024, beschikking TV-2024-0193-000412 van 10 juli 2026: u kreeg € 1.572,00 aan voorschot en had recht op € 1.260,00. ' +
        'Reden: Uw inkomen over 2024 was hoger dan het inkomen waarmee het voorschot was berekend. Nog te betalen: € 252,00, via uw betalingsregeling.',
    );
  });

  it('mentions costs, a passed term and the collection step, or the pause', () => {
    const late = schuld({ open: '1250.40', kosten: '8.00', status: SchuldStatus.AANGEMAAND, vervaldatum: '2026-11-10', toeslag: { soort: ToeslagSoort.KINDGEBONDEN_BUDGET, berekeningsjaar: 2024 } });
    const text = uitleg(late, false, TODAY);
    expect(text).toContain('Terugvordering kindgebonden budget 2024');
    expect(text).toContain('Nog te betalen: € 1.258,40 (waarvan € 8,00 invorderingskosten). De betaaltermijn is verlopen op 10 november 2026. U hebt een aanmaning gekregen.');
    expect(uitleg(schuld({ gepauzeerd: true }), false, TODAY)).toContain('De invordering staat stil (gepauzeerd)');
    expect(uitleg(schuld({ vervaldatum: '2026-12-01' }), false, TODAY)).toContain('Nog te betalen: € 100,00, uiterlijk op 1 december 2026.');
  });

  it('adds the full stop a reden lacks and leaves out what the beschikking does not say', () => {
    const s = schuld({ beschikking: { nummer: 'TV-1', dagtekening: '2026-01-05', betaaldeVoorschotten: null, terugTeBetalen: d('40.00'), reden: 'Te veel ontvangen' } });
    expect(uitleg(s, true, TODAY)).toBe('Terugvordering zorgtoeslag 2024, beschikking TV-1 van 5 januari 2026: u moet € 40,00 terugbetalen. Reden: Te veel ontvangen. Nog te betalen: € 100,00, via uw betalingsregeling.');
  });
});

describe('Dutch formats', () => {
  it.each([
    ['0', '€ 0,00'],
    ['0.5', '€ 0,50'],
    ['1572', '€ 1.572,00'],
    ['1234567.89', '€ 1.234.567,89'],
    ['-12.30', '-€ 12,30'],
  ])('formatEuro(%s) = %s', (v, expected) => expect(formatEuro(d(v))).toBe(expected));

  it('formats dates as "1 december 2026"', () => {
    expect(formatDatum('2026-12-01')).toBe('1 december 2026');
    expect(formatDatum('2026-07-10')).toBe('10 juli 2026');
  });
});
