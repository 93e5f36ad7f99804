import Decimal from 'decimal.js';
import fc from 'fast-check';
import { NormsTable, type NormRow } from '../../src/modules/norms/norms';
import { MutatievoorstelStatus, OvereenkomstVoorwaarde, RecordFoutCode, SoortOpvang } from '../../src/modules/kinderopvang/kinderopvang.enums';
import {
  beoordeelNieuweOvereenkomst,
  beoordeelRecord,
  bepaalVoorstellen,
  blokkerenTot,
  checkBlokkeren,
  checkLeveringNormen,
  checkLeveringPeriode,
  compileRecordCheck,
  fixed2,
  isDoorvoerbaar,
  kindBedrag,
  voorschotNaVerlaging,
  type Kandidaat,
  type RecordInvoer,
} from '../../src/modules/kinderopvang/kinderopvang.rules';
import { UserErrorCode } from '../../src/shared/user-error';

const d = (v: string | number) => new Decimal(v);
// The rows of migrations/Migration20261122183000_kinderopvang_data.ts.
const row = (code: string, geldigVanaf: string, waarde: string): NormRow => ({
  code, geldigVanaf, waarde: d(waarde), eenheid: 'EUR', omschrijving: code, bron: 'test', aanname: false,
});
const norms = new NormsTable([
  row('MAX_UURPRIJS_DAGOPVANG', '2025-01-01', '10.71'),
  row('MAX_UURPRIJS_DAGOPVANG', '2026-01-01', '11.23'),
  row('MAX_UURPRIJS_BSO', '2025-01-01', '9.52'),
  row('MAX_UURPRIJS_BSO', '2026-01-01', '9.98'),
  row('MAX_UURPRIJS_GASTOUDEROPVANG', '2025-01-01', '8.10'),
  row('MAX_UURPRIJS_GASTOUDEROPVANG', '2026-01-01', '8.49'),
  row('KOO_AFWIJKING_PERCENTAGE', '2000-01-01', '10'),
  row('KOO_AFWIJKING_MIN_BEDRAG', '2000-01-01', '25.00'),
  row('KOO_BLOKKEERTERMIJN_DAGEN', '2000-01-01', '21'),
  row('KOO_MAX_MUTATIEBRIEVEN_PER_JAAR', '2000-01-01', '3'),
  row('KOO_LEVERING_UITERLIJK_DAG', '2000-01-01', '15'),
  row('KOO_LEVERING_TOETS_MAANDEN', '2000-01-01', '3'),
]);

const ctx = { periode: '2026-10', lrkNummers: new Set(['123456789']), norms };
const record = (o: Partial<RecordInvoer> = {}): RecordInvoer => ({
  periode: '2026-10',
  lrkNummer: '123456789',
  soortOpvang: SoortOpvang.DAGOPVANG,
  kindBsn: '999990032',
  kindNaam: 'Noor de Vries',
  kindGeboortedatum: '2023-04-02',
  ouderBsn: '999990019',
  partnerBsn: '999990020',
  uren: '120.00',
  uurprijs: d('10.50'),
  factuurbedrag: d('1260.00'),
  contracteinddatum: '2027-07-31',
  ...o,
});
const codes = (r: RecordInvoer) => beoordeelRecord(r, ctx).fouten.map((f) => `${f.code}:${f.veld}`);

describe('record validation (domain.md §5, §8)', () => {
  it('accepts a complete record, and a missing child BSN (it may follow in a later month)', () => {
    expect(codes(record())).toEqual([]);
    expect(codes(record({ kindBsn: null, partnerBsn: null, contracteinddatum: null }))).toEqual([]);
  });

  it('checks every BSN with the 11-proef', () => {
    expect(codes(record({ ouderBsn: '999990018' }))).toEqual(['BSN_ONGELDIG:ouderBsn']);
    expect(codes(record({ kindBsn: '123456789' }))).toEqual(['BSN_ONGELDIG:kindBsn']);
    expect(codes(record({ partnerBsn: '000000000' }))).toEqual(['BSN_ONGELDIG:partnerBsn']);
  });

  it('refuses an LRK number of another KOO, another period, negative amounts and a contract ended before the period', () => {
    expect(codes(record({ lrkNummer: '987654321' }))).toEqual(['LRK_NIET_VAN_KOO:lrkNummer']);
    expect(codes(record({ periode: '2026-09' }))).toEqual(['PERIODE_ONGELDIG:periode']);
    expect(codes(record({ uren: '-1.00', uurprijs: d('-0.01'), factuurbedrag: d('-5') }))).toEqual([
      'NEGATIEF_BEDRAG:uren',
      'NEGATIEF_BEDRAG:uurprijs',
      'NEGATIEF_BEDRAG:factuurbedrag',
    ]);
    expect(codes(record({ uren: '12,5' }))).toEqual(['VELD_ONGELDIG:uren']);
    expect(codes(record({ contracteinddatum: '2026-09-30' }))).toEqual(['CONTRACTEINDDATUM_ONGELDIG:contracteinddatum']);
    expect(codes(record({ contracteinddatum: '2026-10-01' }))).toEqual([]);
  });

  it('accepts a price above the maximum uurprijs of the soort on the period’s first day, but flags it', () => {
    expect(beoordeelRecord(record({ uurprijs: d('11.23') }), ctx)).toMatchObject({ fouten: [], bovenMaxUurprijs: false });
    expect(beoordeelRecord(record({ uurprijs: d('11.24') }), ctx)).toMatchObject({ fouten: [], bovenMaxUurprijs: true });
    expect(beoordeelRecord(record({ soortOpvang: SoortOpvang.BSO, uurprijs: d('9.99') }), ctx).bovenMaxUurprijs).toBe(true);
    expect(beoordeelRecord(record({ soortOpvang: SoortOpvang.GASTOUDEROPVANG, uurprijs: d('8.49') }), ctx).bovenMaxUurprijs).toBe(false);
    // 2025: the 2025 norm applies.
    const ctx2025 = { ...ctx, periode: '2025-10' };
    expect(beoordeelRecord(record({ periode: '2025-10', uurprijs: d('10.72') }), ctx2025).bovenMaxUurprijs).toBe(true);
    expect(beoordeelRecord(record({ periode: '2025-10', uurprijs: d('10.71') }), ctx2025).bovenMaxUurprijs).toBe(false);
  });

  it('a delivery period is a month that has started', () => {
    expect(checkLeveringPeriode('2026-11', '2026-11-22')).toBeNull();
    expect(checkLeveringPeriode('2026-12', '2026-11-22')?.code).toBe(UserErrorCode.PERIODE_ONGELDIG);
    expect(checkLeveringPeriode('2026-13', '2026-11-22')?.code).toBe(UserErrorCode.PERIODE_ONGELDIG);
  });

  it('a period before the first maximum uurprijs is NORM_ONBEKEND on the period, naming the first possible date', () => {
    expect(checkLeveringNormen('2024-12', norms)).toEqual({
      code: UserErrorCode.NORM_ONBEKEND,
      field: ['input', 'periode'],
      message:
        'Op 1 december 2024 kan de maximum uurprijs voor deze periode niet worden bepaald: de normentabel heeft op die datum nog geen waarde voor ' +
        'MAX_UURPRIJS_DAGOPVANG, MAX_UURPRIJS_BSO, MAX_UURPRIJS_GASTOUDEROPVANG. Dat kan vanaf 1 januari 2025.',
    });
    expect(checkLeveringNormen('2025-01', norms)).toBeNull();
    expect(checkLeveringNormen('2027-03', norms)).toBeNull();
  });
});

describe('the bulk path’s compiled record check (decisions §29)', () => {
  it('fixed2 is toFixed(2) for every amount the Money scalar gives, and for others too', () => {
    for (const v of ['0', '-0', '0.0', '-0.00', '10.9', '10.95', '-5.5', '007.50', '1234567890123.45', '0.01', '1e-9', '1.005', '12345678901234567890123.5']) {
      expect(fixed2(d(v))).toBe(d(v).toFixed(2));
    }
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => fixed2(d(cents.toString()).dividedBy(100)) === d(cents.toString()).dividedBy(100).toFixed(2)));
  });

  it('accepts exactly the records beoordeelRecord accepts, with the same amounts and flag', () => {
    // Mostly valid values, so that many records pass every check, and every kind of invalid one.
    const mostly = <T>(valid: T[], invalid: T[]) =>
      fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
    const bsn = mostly<string | null>(['999990032', '999990019', '999990020', '', null], ['111111111', '000000000', '12345678', '99999003x']);
    const amount = mostly(['0', '0.00', '10.5', '10.50', '11.23', '11.24', '9.98', '9.99', '8.49', '8.50', '1234.5', '007.10'], ['-0', '-0.01']).map(d);
    const uren = mostly(['0', '00.5', '120', '120.00', '120.5', '99999.99', '007'], ['-0', '-1.00', '12,5', '123456', '1.234', ' 1', '']);
    const datum = mostly<string | null>([null, '2023-04-02', '2026-10-31', '2026-11-01', '2026-10-01', '2027-07-31'], ['2026-09-30', '2027-02-30', '2026-1-1', 'x']);
    const r = fc.record({
      periode: mostly(['2026-10'], ['2026-09', '2026-13']),
      lrkNummer: mostly(['123456789'], ['987654321']),
      soortOpvang: mostly(Object.values(SoortOpvang), ['ONBEKEND' as SoortOpvang]),
      kindBsn: bsn,
      kindNaam: mostly(['Noor', '  Noor  ', 'x'.repeat(200), 'A\tB\\C'], ['', '   ', 'x'.repeat(201)]),
      kindGeboortedatum: datum,
      ouderBsn: bsn.map((b) => b ?? '999990019'),
      partnerBsn: bsn,
      uren,
      uurprijs: amount,
      factuurbedrag: amount,
      contracteinddatum: datum,
    });
    let accepted = 0;
    for (const periode of ['2026-10', '2026-13']) {
      const c = { ...ctx, periode };
      const check = compileRecordCheck(c);
      fc.assert(
        fc.property(r, (rec) => {
          const fast = check(rec);
          const full = beoordeelRecord(rec, c);
          if (fast === null) return true; // the caller then uses beoordeelRecord itself
          accepted++;
          expect(full.fouten).toEqual([]);
          expect(fast).toEqual({
            uren: full.uren!.toFixed(2),
            uurprijs: rec.uurprijs.toFixed(2),
            factuurbedrag: rec.factuurbedrag.toFixed(2),
            bovenMaxUurprijs: full.bovenMaxUurprijs,
          });
          return true;
        }),
        { numRuns: 3000 },
      );
    }
    // The fast path is taken, for this file's valid record too.
    expect(accepted).toBeGreaterThan(200);
    expect(compileRecordCheck(ctx)(record())).not.toBeNull();
  });
});

const kandidaat = (o: Partial<Kandidaat> = {}): Kandidaat => ({
  opgaveId: 'a',
  kindNaam: 'Noor',
  soortOpvang: SoortOpvang.DAGOPVANG,
  urenPerMaand: d('100'),
  uurprijs: d('10.00'),
  vergoedingspercentage: d('90'),
  gemeldeUren: d('100'),
  gemeldeUurprijs: d('10.00'),
  heeftOpenVoorstel: false,
  ...o,
});
const opts = { periode: '2026-10', datum: '2026-11-22', brievenDitJaar: 0, norms };

describe('mutatievoorstellen (domain.md §5, seed 002)', () => {
  it('the child’s share is vergoedingspercentage × hours × min(price, maximum), rounded down', () => {
    expect(kindBedrag(d('90'), d('100'), d('10.00'), d('11.23')).toFixed(2)).toBe('900.00');
    expect(kindBedrag(d('90'), d('100'), d('12.00'), d('11.23')).toFixed(2)).toBe('1010.70');
    expect(kindBedrag(d('33.33'), d('1'), d('1.00'), d('11.23')).toFixed(2)).toBe('0.33');
  });

  it('only lowers: KOO data showing higher costs never produce a proposal', () => {
    expect(bepaalVoorstellen([kandidaat({ gemeldeUren: d('140') })], opts).voorstellen).toEqual([]);
    expect(bepaalVoorstellen([kandidaat({ gemeldeUurprijs: d('11.00') })], opts).voorstellen).toEqual([]);
    const [v] = bepaalVoorstellen([kandidaat({ gemeldeUren: d('60') })], opts).voorstellen;
    expect(v.huidigBedrag.toFixed(2)).toBe('900.00');
    expect(v.voorgesteldBedrag.toFixed(2)).toBe('540.00');
    expect(v.verlaging.toFixed(2)).toBe('360.00');
  });

  it('a higher KOO price never offsets fewer hours (the declared price caps it)', () => {
    const [v] = bepaalVoorstellen([kandidaat({ gemeldeUren: d('80'), gemeldeUurprijs: d('12.00') })], opts).voorstellen;
    expect(v.voorgesteldBedrag.toFixed(2)).toBe('720.00');
  });

  it('the household’s total never goes up, whatever the KOO delivers (property)', () => {
    const amount = fc.integer({ min: 0, max: 20000 }).map((c) => d(c).dividedBy(100));
    const k = fc.record({
      urenPerMaand: amount,
      uurprijs: amount,
      vergoedingspercentage: fc.integer({ min: 0, max: 100 }).map(d),
      gemeldeUren: amount,
      gemeldeUurprijs: amount,
      soortOpvang: fc.constantFrom(...Object.values(SoortOpvang)),
    });
    fc.assert(
      fc.property(fc.array(k, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (ks, brieven) => {
        const kandidaten = ks.map((x, i) => kandidaat({ ...x, opgaveId: `k${i}` }));
        const { voorstellen } = bepaalVoorstellen(kandidaten, { ...opts, brievenDitJaar: brieven });
        for (const v of voorstellen) expect(v.voorgesteldBedrag.lessThan(v.huidigBedrag)).toBe(true);
        const berekend = d('2000.00');
        const totaal = voorstellen.reduce((acc, v) => voorschotNaVerlaging(acc, v.verlaging, 100).berekend, berekend);
        expect(totaal.lessThanOrEqualTo(berekend)).toBe(true);
        expect(voorstellen.length).toBeLessThanOrEqual(3 - brieven);
      }),
    );
  });

  it('only substantial deviations: at least 10 % and at least €25 per month lower (norms)', () => {
    // 900 → 819 (−81, 9 %): not substantial.
    expect(bepaalVoorstellen([kandidaat({ gemeldeUren: d('91') })], opts).voorstellen).toHaveLength(0);
    // 900 → 810 (−90, 10 %): substantial.
    expect(bepaalVoorstellen([kandidaat({ gemeldeUren: d('90') })], opts).voorstellen).toHaveLength(1);
    // A small toeslag: 90 → 72 (−18, 20 %) but below €25.
    expect(bepaalVoorstellen([kandidaat({ urenPerMaand: d('10'), gemeldeUren: d('8') })], opts).voorstellen).toHaveLength(0);
  });

  it('one letter per child; at most 3 letters per parent per year, the largest decreases first', () => {
    const drie = [
      kandidaat({ opgaveId: 'a', gemeldeUren: d('80') }),
      kandidaat({ opgaveId: 'b', gemeldeUren: d('50') }),
      kandidaat({ opgaveId: 'c', gemeldeUren: d('70') }),
      kandidaat({ opgaveId: 'd', gemeldeUren: d('60') }),
    ];
    const r0 = bepaalVoorstellen(drie, opts);
    expect(r0.voorstellen.map((v) => v.opgaveId)).toEqual(['b', 'd', 'c']);
    expect(r0.overMaximum).toBe(1);
    const r2 = bepaalVoorstellen(drie, { ...opts, brievenDitJaar: 2 });
    expect(r2.voorstellen.map((v) => v.opgaveId)).toEqual(['b']);
    expect(r2.overMaximum).toBe(3);
    expect(bepaalVoorstellen(drie, { ...opts, brievenDitJaar: 3 }).voorstellen).toEqual([]);
    // A child with an open proposal gets no second letter.
    expect(bepaalVoorstellen([kandidaat({ gemeldeUren: d('50'), heeftOpenVoorstel: true })], opts).voorstellen).toEqual([]);
  });

  it('the parent can block through the 21st day after the letter (inclusive), not a day later', () => {
    expect(blokkerenTot('2026-11-02', norms)).toBe('2026-11-23');
    const open = { status: MutatievoorstelStatus.OPEN, blokkerenTot: '2026-11-23' };
    expect(checkBlokkeren(open, '2026-11-02')).toBeNull();
    expect(checkBlokkeren(open, '2026-11-23')).toBeNull();
    expect(checkBlokkeren(open, '2026-11-24')?.code).toBe(UserErrorCode.BLOKKEERTERMIJN_VERSTREKEN);
    expect(checkBlokkeren({ ...open, status: MutatievoorstelStatus.GEBLOKKEERD }, '2026-11-10')?.code).toBe(UserErrorCode.MUTATIEVOORSTEL_NIET_OPEN);
    // It takes effect only after that window.
    expect(isDoorvoerbaar(open, '2026-11-23')).toBe(false);
    expect(isDoorvoerbaar(open, '2026-11-24')).toBe(true);
    expect(isDoorvoerbaar({ ...open, status: MutatievoorstelStatus.GEBLOKKEERD }, '2026-12-01')).toBe(false);
  });

  it('the voorschot after a decrease never rises and never goes below zero', () => {
    expect(voorschotNaVerlaging(d('500'), d('120'), 90)).toEqual({ berekend: d('380'), voorschot: d('342') });
    expect(voorschotNaVerlaging(d('500'), d('-50'), 100).berekend.toFixed(2)).toBe('500.00');
    expect(voorschotNaVerlaging(d('100'), d('150'), 100).berekend.toFixed(2)).toBe('0.00');
  });
});

describe('a new agreement (domain.md §5)', () => {
  const goed: Parameters<typeof beoordeelNieuweOvereenkomst>[0] = {
    openConvenanttegoeden: 0,
    financieleGezondheidOk: true,
    financieleGezondheidDatum: '2026-06-30',
    leveringen: new Map([['2026-08', '2026-09-10'], ['2026-09', '2026-10-15'], ['2026-10', '2026-11-03']]),
    today: '2026-11-22',
    norms,
  };
  const uitkomst = (o: Partial<typeof goed>) =>
    Object.fromEntries(beoordeelNieuweOvereenkomst({ ...goed, ...o }).voorwaarden.map((v) => [v.voorwaarde, v.voldaan]));

  it('qualifies with no open tegoeden, a passed health check and on-time deliveries, each explained', () => {
    const r = beoordeelNieuweOvereenkomst(goed);
    expect(r.geschikt).toBe(true);
    expect(r.voorwaarden.map((v) => v.voorwaarde)).toEqual([
      OvereenkomstVoorwaarde.GEEN_OPEN_CONVENANTTEGOEDEN,
      OvereenkomstVoorwaarde.FINANCIELE_GEZONDHEID,
      OvereenkomstVoorwaarde.TIJDIGE_LEVERINGEN,
    ]);
    expect(r.voorwaarden[2].toelichting).toContain('2026-10, 2026-09, 2026-08');
  });

  it('each condition can fail on its own', () => {
    expect(uitkomst({ openConvenanttegoeden: 2 })).toEqual({ GEEN_OPEN_CONVENANTTEGOEDEN: false, FINANCIELE_GEZONDHEID: true, TIJDIGE_LEVERINGEN: true });
    expect(uitkomst({ financieleGezondheidOk: false })).toMatchObject({ FINANCIELE_GEZONDHEID: false });
    expect(uitkomst({ financieleGezondheidOk: null, financieleGezondheidDatum: null })).toMatchObject({ FINANCIELE_GEZONDHEID: false });
    // September delivered on the 16th of October: late.
    expect(uitkomst({ leveringen: new Map([['2026-08', '2026-09-10'], ['2026-09', '2026-10-16'], ['2026-10', '2026-11-03']]) })).toMatchObject({ TIJDIGE_LEVERINGEN: false });
    // October missing.
    expect(uitkomst({ leveringen: new Map([['2026-08', '2026-09-10'], ['2026-09', '2026-10-15']]) })).toMatchObject({ TIJDIGE_LEVERINGEN: false });
    expect(beoordeelNieuweOvereenkomst({ ...goed, openConvenanttegoeden: 1 }).geschikt).toBe(false);
  });

  it('a month whose deadline has not passed is not tested yet', () => {
    // On 10 November, October is not due yet: July, August, September are tested.
    const r = beoordeelNieuweOvereenkomst({ ...goed, today: '2026-11-10', leveringen: new Map([['2026-07', '2026-08-01'], ['2026-08', '2026-09-10'], ['2026-09', '2026-10-15']]) });
    expect(r.geschikt).toBe(true);
  });
});

it('RecordFoutCode values are the codes the rules use', () => {
  expect(Object.values(RecordFoutCode)).toEqual(expect.arrayContaining(['BSN_ONGELDIG', 'LRK_NIET_VAN_KOO', 'PERIODE_ONGELDIG', 'NEGATIEF_BEDRAG', 'CONTRACTEINDDATUM_ONGELDIG']));
});
