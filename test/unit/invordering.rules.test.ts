import Decimal from 'decimal.js';
import { volgendeActie, type SchuldStand } from '../../src/modules/invordering/invordering.rules';
import { NormCode } from '../../src/modules/norms/norm-codes';
import { NormsTable, type NormRow } from '../../src/modules/norms/norms';
import { SchuldEventSoort, SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { addDays } from '../../src/shared/dates';

const norm = (code: NormCode, geldigVanaf: string, waarde: string): NormRow => ({
  code,
  geldigVanaf,
  waarde: new Decimal(waarde),
  eenheid: '',
  omschrijving: '',
  bron: 'test',
  aanname: false,
});

// Distinct values per year and a change of term on 2027-01-01, to prove the date lookups.
const norms = new NormsTable([
  norm(NormCode.HERINNERING_NA_DAGEN, '2000-01-01', '7'),
  norm(NormCode.HERINNERING_NA_DAGEN, '2027-01-01', '10'),
  norm(NormCode.AANMANING_NA_DAGEN, '2000-01-01', '14'),
  norm(NormCode.DWANGBEVEL_NA_DAGEN, '2000-01-01', '14'),
  norm(NormCode.AANMANINGSKOSTEN, '2000-01-01', '8.00'),
  norm(NormCode.DWANGBEVELKOSTEN, '2000-01-01', '48.00'),
  norm(NormCode.DOELMATIGHEIDSGRENS, '2000-01-01', '100.00'),
  norm(NormCode.DOELMATIGHEIDSGRENS, '2024-01-01', '116.00'),
  norm(NormCode.BUITEN_INVORDERING_TM_JAAR, '2000-01-01', '2016'),
]);

const VERVAL = '2026-08-21';
const base: SchuldStand = {
  status: SchuldStatus.OPEN,
  statusSinds: '2026-07-10',
  dagtekening: '2026-07-10',
  vervaldatum: VERVAL,
  berekeningsjaar: 2024,
  oorspronkelijkBedrag: new Decimal('1250.40'),
  openstaandBedrag: new Decimal('1250.40'),
  kosten: new Decimal('0'),
  fraude: false,
  gepauzeerd: false,
  householdUht: false,
  inActieveRegeling: false,
};
const stand = (o: Partial<SchuldStand>): SchuldStand => ({ ...base, ...o });
const soort = (s: Partial<SchuldStand>, datum: string) => volgendeActie(stand(s), datum, norms)?.soort ?? null;

describe('the chain: herinnering, aanmaning, dwangbevel', () => {
  it('sends the free reminder on the day the term after the vervaldatum ends, not the day before', () => {
    expect(soort({}, addDays(VERVAL, 6))).toBeNull();
    const actie = volgendeActie(stand({}), addDays(VERVAL, 7), norms)!;
    expect(actie).toMatchObject({ soort: SchuldEventSoort.HERINNERING, naarStatus: SchuldStatus.HERINNERD });
    expect(actie.kosten.toFixed(2)).toBe('0.00');
  });

  it('nothing is due before or on the vervaldatum itself', () => {
    expect(soort({}, VERVAL)).toBeNull();
    expect(soort({}, '2026-07-11')).toBeNull();
  });

  it('sends the aanmaning with costs 14 days after the reminder', () => {
    const herinnerd = { status: SchuldStatus.HERINNERD, statusSinds: '2026-08-28' };
    expect(soort(herinnerd, '2026-09-10')).toBeNull();
    const actie = volgendeActie(stand(herinnerd), '2026-09-11', norms)!;
    expect(actie).toMatchObject({ soort: SchuldEventSoort.AANMANING, naarStatus: SchuldStatus.AANGEMAAND });
    expect(actie.kosten.toFixed(2)).toBe('8.00');
  });

  it('issues the dwangbevel with costs 14 days after the aanmaning', () => {
    const aangemaand = { status: SchuldStatus.AANGEMAAND, statusSinds: '2026-09-11', kosten: new Decimal('8.00') };
    expect(soort(aangemaand, '2026-09-24')).toBeNull();
    const actie = volgendeActie(stand(aangemaand), '2026-09-25', norms)!;
    expect(actie).toMatchObject({ soort: SchuldEventSoort.DWANGBEVEL, naarStatus: SchuldStatus.DWANGBEVEL });
    expect(actie.kosten.toFixed(2)).toBe('48.00');
  });

  it('stops after the dwangbevel (beslag is outside this engine) and leaves VERREKEND alone', () => {
    expect(soort({ status: SchuldStatus.DWANGBEVEL, statusSinds: '2026-01-01' }, '2026-11-22')).toBeNull();
    expect(soort({ status: SchuldStatus.VERREKEND, statusSinds: '2026-01-01' }, '2026-11-22')).toBeNull();
  });

  it('takes one step per run even when several terms have passed', () => {
    expect(soort({}, '2027-06-01')).toBe(SchuldEventSoort.HERINNERING);
  });

  it('uses the terms in force on the run date (norms are versioned)', () => {
    const lateVerval = '2026-12-28';
    // 2027-01-04 is 7 days after, but from 2027-01-01 the term is 10 days
    expect(soort({ vervaldatum: lateVerval }, '2027-01-04')).toBeNull();
    expect(soort({ vervaldatum: lateVerval }, '2027-01-06')).toBeNull();
    expect(soort({ vervaldatum: lateVerval }, '2027-01-07')).toBe(SchuldEventSoort.HERINNERING);
  });
});

describe('never a reminder or costs under an active betalingsregeling', () => {
  it.each([SchuldStatus.IN_BETALINGSREGELING, SchuldStatus.OPEN, SchuldStatus.HERINNERD, SchuldStatus.AANGEMAAND])(
    'status %s covered by an active regeling: nothing, even long overdue',
    (status) => {
      expect(soort({ status, statusSinds: '2026-08-20', inActieveRegeling: true }, '2027-06-01')).toBeNull();
    },
  );
});

describe('UHT pause', () => {
  it('pauses the schulden of a UHT household, without changing their status, and then does nothing', () => {
    const actie = volgendeActie(stand({ householdUht: true, status: SchuldStatus.HERINNERD, statusSinds: '2026-08-28' }), '2026-11-22', norms)!;
    expect(actie).toMatchObject({ soort: SchuldEventSoort.GEPAUZEERD, naarStatus: null, gepauzeerd: true });
    expect(actie.kosten.isZero()).toBe(true);
    expect(soort({ householdUht: true, gepauzeerd: true }, '2027-06-01')).toBeNull();
  });

  it('resumes when the registration ends, and the terms restart from the resume date', () => {
    expect(volgendeActie(stand({ gepauzeerd: true }), '2026-11-22', norms)).toMatchObject({ soort: SchuldEventSoort.HERVAT, gepauzeerd: false, naarStatus: null });
    // after the resume (statusSinds = resume date) the reminder waits a full term, although the vervaldatum is long gone
    const hervat = { status: SchuldStatus.OPEN, statusSinds: '2026-11-22', vervaldatum: '2020-09-25', dagtekening: '2020-08-14', berekeningsjaar: 2019 };
    expect(soort(hervat, '2026-11-28')).toBeNull();
    expect(soort(hervat, '2026-11-29')).toBe(SchuldEventSoort.HERINNERING);
  });
});

describe('buiten invordering', () => {
  it('schulden with a dagtekening in 2016 or earlier are not collected', () => {
    expect(soort({ dagtekening: '2016-12-31', vervaldatum: '2017-02-11', berekeningsjaar: 2015 }, '2026-11-22')).toBe(SchuldEventSoort.BUITEN_INVORDERING);
    expect(soort({ dagtekening: '2017-01-01', vervaldatum: '2017-02-12', berekeningsjaar: 2015 }, '2026-11-22')).toBe(SchuldEventSoort.HERINNERING);
  });

  it('the 2016 cut-off does not apply when fraud was established or suspected', () => {
    expect(soort({ dagtekening: '2014-05-01', vervaldatum: '2014-06-12', berekeningsjaar: 2013, fraude: true }, '2026-11-22')).toBe(SchuldEventSoort.HERINNERING);
  });

  it('the cut-off even applies in a UHT pause (it only favours the citizen)', () => {
    expect(soort({ dagtekening: '2016-03-01', householdUht: true }, '2026-11-22')).toBe(SchuldEventSoort.BUITEN_INVORDERING);
  });

  it('recoveries at or below the doelmatigheidsgrens of their berekeningsjaar are not collected', () => {
    expect(soort({ oorspronkelijkBedrag: new Decimal('116.00'), openstaandBedrag: new Decimal('116.00') }, '2026-11-22')).toBe(SchuldEventSoort.BUITEN_INVORDERING);
    expect(soort({ oorspronkelijkBedrag: new Decimal('116.01'), openstaandBedrag: new Decimal('116.01') }, '2026-11-22')).toBe(SchuldEventSoort.HERINNERING);
    // the grens of the berekeningsjaar, not of the run date: €110 is above 2023's €100 but below 2024's €116
    expect(soort({ berekeningsjaar: 2023, oorspronkelijkBedrag: new Decimal('110.00') }, '2026-11-22')).toBe(SchuldEventSoort.HERINNERING);
    expect(soort({ berekeningsjaar: 2024, oorspronkelijkBedrag: new Decimal('110.00') }, '2026-11-22')).toBe(SchuldEventSoort.BUITEN_INVORDERING);
  });

  it('leaves a schuld in a betalingsregeling alone: the citizen chose to pay it', () => {
    expect(soort({ status: SchuldStatus.IN_BETALINGSREGELING, dagtekening: '2016-03-01', inActieveRegeling: true }, '2026-11-22')).toBeNull();
  });
});

describe('paid and terminal', () => {
  it('a schuld with nothing left to pay becomes VOLDAAN; costs still open keep it in collection', () => {
    expect(soort({ openstaandBedrag: new Decimal('0'), kosten: new Decimal('0') }, '2026-11-22')).toBe(SchuldEventSoort.VOLDAAN);
    expect(soort({ status: SchuldStatus.HERINNERD, statusSinds: '2026-08-28', openstaandBedrag: new Decimal('0'), kosten: new Decimal('8.00') }, '2026-09-11')).toBe(SchuldEventSoort.AANMANING);
  });

  it.each([SchuldStatus.VOLDAAN, SchuldStatus.KWIJTGESCHOLDEN, SchuldStatus.BUITEN_INVORDERING])('%s is never touched again', (status) => {
    expect(soort({ status, householdUht: true, gepauzeerd: false }, '2027-06-01')).toBeNull();
  });
});
