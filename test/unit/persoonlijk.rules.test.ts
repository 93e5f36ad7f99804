import Decimal from 'decimal.js';
import fc from 'fast-check';
import { berekenBetalingscapaciteit, Huishoudtype, InkomenSoort, RegelGroep, type CapaciteitInput } from '../../src/modules/betalingsregeling/betalingscapaciteit.rules';
import { BetalingsregelingSoort } from '../../src/modules/betalingsregeling/betalingsregeling.enums';
import {
  checkPersoonlijkeBeslissing,
  planPersoonlijk,
  PersoonlijkeUitkomst,
  vasteTermijnen,
  type PersoonlijkeNormen,
} from '../../src/modules/betalingsregeling/persoonlijk.rules';
import { NormsTable, type NormRow } from '../../src/modules/norms/norms';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { UserErrorCode } from '../../src/shared/user-error';
import { addMonths } from '../../src/shared/dates';
import { planMatiging, verlaagTermijnen } from '../../src/modules/zaak/matiging.rules';
import { termijnOverschreden } from '../../src/modules/zaak/zaak.rules';

const d = (v: string | number) => new Decimal(v);
const sum = (xs: Array<{ bedrag: Decimal }>) => xs.reduce((s, x) => s.plus(x.bedrag), d(0));

const NORMEN: PersoonlijkeNormen = {
  standaardTermijnbedrag: d('20.00'),
  standaardMaxTermijnen: 24,
  persoonlijkTermijnen: 24,
  herzieningNaMaanden: 12,
  verlengdMaxMaanden: 60,
  geenCapaciteitVerrekeningJaren: 3,
};
const START = '2026-12-01';
const plan = (totaal: string, termijnbedrag: string, illiquideVermogen = false) =>
  planPersoonlijk({ totaal: d(totaal), termijnbedrag: d(termijnbedrag), illiquideVermogen, startdatum: START, datum: '2026-11-22' }, NORMEN);

/** An amount in cents from min to max euro. */
const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => d(c).dividedBy(100));

describe('planPersoonlijk: worked examples', () => {
  it('Mark after the decision (energy accepted): 24 × €40.27 = €966.48, review after 12 months, €3,833.52 remitted at the end', () => {
    const p = plan('4800.00', '40.27');
    expect(p).toMatchObject({ uitkomst: PersoonlijkeUitkomst.PERSOONLIJK, soort: BetalingsregelingSoort.PERSOONLIJK, herzieningsdatum: '2027-12-01', verrekenenTot: null });
    expect(p.termijnen).toHaveLength(24);
    expect(p.termijnen.every((t) => t.bedrag.eq('40.27'))).toBe(true);
    expect(p.totaalRegeling.toFixed(2)).toBe('966.48');
    expect(p.restant.toFixed(2)).toBe('3833.52');
    expect(p.termijnen.at(-1)!.vervaldatum).toBe('2028-11-01');
    expect(p.toelichting).toContain('kwijtgescholden');
  });

  it('a lower amount that pays the debt within 24 months: fewer termijnen, the last one the remainder, nothing remitted', () => {
    // €100: the standaard termijn would be €20; €15 a month pays it in 7.
    const p = plan('100.00', '15.00');
    expect(p.uitkomst).toBe(PersoonlijkeUitkomst.PERSOONLIJK);
    expect(p.termijnen.map((t) => t.bedrag.toFixed(2))).toEqual([...Array(6).fill('15.00'), '10.00']);
    expect(p.restant.toFixed(2)).toBe('0.00');
    expect(p.toelichting).not.toContain('kwijtgescholden');
  });

  it('capacity at or above the standaard termijnbedrag: the standaard regeling', () => {
    // 1200 / 24 = 50.00.
    const p = plan('1200.00', '50.00');
    expect(p).toMatchObject({ uitkomst: PersoonlijkeUitkomst.STANDAARD, soort: BetalingsregelingSoort.STANDAARD, herzieningsdatum: null });
    expect(p.termijnen).toHaveLength(24);
    expect(sum(p.termijnen).toFixed(2)).toBe('1200.00');
    expect(plan('1200.00', '49.99').uitkomst).toBe(PersoonlijkeUitkomst.PERSOONLIJK);
  });

  it('illiquid vermogen: VERLENGD at the capacity, or faster when 60 months are not enough', () => {
    const a = plan('6000.00', '110.92', true);
    expect(a).toMatchObject({ uitkomst: PersoonlijkeUitkomst.VERLENGD, soort: BetalingsregelingSoort.VERLENGD });
    expect(a.termijnen).toHaveLength(55);
    expect(sum(a.termijnen).toFixed(2)).toBe('6000.00');
    // 6000 / 60 = 100.00 > 50.00: the amount is raised so the debt is paid within 60 months.
    const b = plan('6000.00', '50.00', true);
    expect(b.termijnen).toHaveLength(60);
    expect(b.termijnen[0].bedrag.toFixed(2)).toBe('100.00');
    expect(b.restant.toFixed(2)).toBe('0.00');
  });

  it('no capacity: no regeling, no collection measures, refunds set off for 3 years — also with vermogen', () => {
    for (const vermogen of [false, true]) {
      const p = plan('4800.00', '0.00', vermogen);
      expect(p).toMatchObject({ uitkomst: PersoonlijkeUitkomst.GEEN_CAPACITEIT, soort: null, termijnen: [], verrekenenTot: '2029-11-22' });
      expect(p.toelichting).toContain('opzet of grove schuld');
    }
  });
});

describe('planPersoonlijk: properties', () => {
  it('the termijnen sum exactly, are never negative or zero, never exceed the termijnbedrag, and termijnen + restant = the debt', () => {
    fc.assert(
      fc.property(cents(0.01, 50_000), cents(0, 3_000), fc.boolean(), (totaal, termijnbedrag, vermogen) => {
        const p = planPersoonlijk({ totaal, termijnbedrag, illiquideVermogen: vermogen, startdatum: START, datum: '2026-11-22' }, NORMEN);
        expect(sum(p.termijnen).toFixed(2)).toBe(p.totaalRegeling.toFixed(2));
        expect(p.totaalRegeling.plus(p.restant).toFixed(2)).toBe(p.uitkomst === PersoonlijkeUitkomst.GEEN_CAPACITEIT ? '0.00' : totaal.toFixed(2));
        expect(p.restant.isNegative()).toBe(false);
        for (const t of p.termijnen) {
          expect(t.bedrag.gt(0)).toBe(true);
          expect(t.bedrag.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(t.bedrag.lte(p.termijnen[0].bedrag)).toBe(true);
        }
        p.termijnen.forEach((t, i) => expect(t.vervaldatum).toBe(addMonths(START, i)));
        switch (p.uitkomst) {
          case PersoonlijkeUitkomst.PERSOONLIJK:
            expect(p.termijnen.length).toBeLessThanOrEqual(24);
            expect(p.termijnen[0].bedrag.toFixed(2)).toBe(termijnbedrag.toFixed(2));
            expect(p.herzieningsdatum).toBe(addMonths(START, 12));
            break;
          case PersoonlijkeUitkomst.VERLENGD:
            expect(vermogen).toBe(true);
            expect(p.termijnen.length).toBeLessThanOrEqual(60);
            expect(p.restant.isZero()).toBe(true);
            break;
          case PersoonlijkeUitkomst.STANDAARD:
            expect(p.termijnen.length).toBeLessThanOrEqual(24);
            expect(p.restant.isZero()).toBe(true);
            break;
          case PersoonlijkeUitkomst.GEEN_CAPACITEIT:
            expect(termijnbedrag.isZero()).toBe(true);
            break;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('vasteTermijnen covers min(total, amount × max) in at most max termijnen', () => {
    fc.assert(
      fc.property(cents(0.01, 20_000), cents(0.01, 2_000), fc.integer({ min: 1, max: 60 }), (totaal, bedrag, max) => {
        const ts = vasteTermijnen(totaal, bedrag, START, max);
        expect(ts.length).toBeLessThanOrEqual(max);
        expect(sum(ts).toFixed(2)).toBe(Decimal.min(totaal, bedrag.times(max)).toFixed(2));
        expect(ts.every((t) => t.bedrag.gt(0) && t.bedrag.lte(bedrag))).toBe(true);
      }),
    );
  });
});

describe('checkPersoonlijkeBeslissing', () => {
  const besluit = (code: string, reden = 'reden', geaccepteerd = true) => ({ code, geaccepteerd, reden });
  it('needs exactly one decision with a reason per bijzondere last', () => {
    expect(checkPersoonlijkeBeslissing(2, [besluit('BIJZONDERE_LAST_1'), besluit('BIJZONDERE_LAST_2', 'r', false)], { bedrag: null, reden: null }, null)).toEqual([]);
    expect(checkPersoonlijkeBeslissing(2, [besluit('BIJZONDERE_LAST_1')], { bedrag: null, reden: null }, null).map((e) => e.code)).toEqual([UserErrorCode.BESLISSING_ONVOLLEDIG]);
    expect(
      checkPersoonlijkeBeslissing(1, [besluit('BIJZONDERE_LAST_1'), besluit('BIJZONDERE_LAST_1'), besluit('BIJZONDERE_LAST_9', '')], { bedrag: null, reden: null }, null).map((e) => e.code),
    ).toEqual([UserErrorCode.BESLISSING_ONVOLLEDIG, UserErrorCode.BESLISSING_ONVOLLEDIG, UserErrorCode.REDEN_ONGELDIG]);
  });
  it('an adjusted amount needs a reason and cents; vermogen needs a description', () => {
    expect(checkPersoonlijkeBeslissing(0, [], { bedrag: d('50.00'), reden: 'tijdelijk' }, null)).toEqual([]);
    expect(checkPersoonlijkeBeslissing(0, [], { bedrag: d('50.00'), reden: ' ' }, null).map((e) => e.code)).toEqual([UserErrorCode.REDEN_ONGELDIG]);
    expect(checkPersoonlijkeBeslissing(0, [], { bedrag: d('-1'), reden: 'x' }, null).map((e) => e.code)).toEqual([UserErrorCode.BEDRAG_ONGELDIG]);
    expect(checkPersoonlijkeBeslissing(0, [], { bedrag: d('1.001'), reden: 'x' }, null).map((e) => e.code)).toEqual([UserErrorCode.BEDRAG_ONGELDIG]);
    expect(checkPersoonlijkeBeslissing(0, [], { bedrag: null, reden: null }, '').map((e) => e.code)).toEqual([UserErrorCode.REDEN_ONGELDIG]);
  });
});

describe('accepted bijzondere lasten in the calculation', () => {
  const row = (code: string, waarde: string): NormRow => ({ code, geldigVanaf: '2000-01-01', waarde: d(waarde), eenheid: 'EUR', omschrijving: code, bron: 'test', aanname: false });
  const norms = new NormsTable([
    row('BIJSTANDSNORM_ALLEENSTAANDE', '1401.50'),
    row('KOSTEN_VAN_BESTAAN_PERCENTAGE', '90'),
    row('AFLOSCAPACITEIT_PERCENTAGE', '80'),
    row('VAKANTIEGELD_PERCENTAGE', '7'),
    row('NORMHUUR', '252.49'),
    row('MAXIMALE_HUURGRENS', '932.93'),
    row('NORMPREMIE_ALLEENSTAANDE', '47'),
    row('STANDAARD_TERMIJNBEDRAG', '20.00'),
    row('STANDAARD_MAX_TERMIJNEN', '24'),
    row('PERSOONLIJK_TERMIJNEN', '24'),
    row('PERSOONLIJK_HERBEOORDELING_MAANDEN', '12'),
  ]);
  const base = (lasten: CapaciteitInput['bijzondereLasten']): CapaciteitInput => ({
    datum: '2026-03-01',
    huishoudtype: Huishoudtype.ALLEENSTAANDE,
    inkomsten: [{ soort: InkomenSoort.NETTO_LOON, bedrag: d('1960.00'), vakantiegeldInbegrepen: false }],
    partnerInkomsten: [],
    lasten: {
      huur: d('575.00'), huurtoeslag: d(0), hypotheekrente: d(0), zorgpremie: d('150.00'), zorgtoeslagOntvangen: d(0),
      alimentatieBetaald: d(0), aflossingBelastingschulden: d('240.00'), aflossingAndereToeslagregelingen: d(0), kostenKinderen: d(0),
    },
    bijzondereLasten: lasten,
    openstaandBedrag: d('4800.00'),
  });

  it('only accepted lasten are deducted, and the identities hold for any mix of decisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bedrag: cents(0, 800), beslissing: fc.constantFrom('open', 'ja', 'nee') }), { maxLength: 5 }),
        (lasten) => {
          const r = berekenBetalingscapaciteit(
            base(
              lasten.map((l, i) => ({
                omschrijving: `last ${i + 1}`,
                bedrag: l.bedrag,
                toelichting: '',
                beoordeling: l.beslissing === 'open' ? null : { geaccepteerd: l.beslissing === 'ja', reden: 'r' },
              })),
            ),
            norms,
          );
          const geaccepteerd = lasten.filter((l) => l.beslissing === 'ja').reduce((s, l) => s.plus(l.bedrag), d(0));
          expect(r.bijzondereLastenTotaal.toFixed(2)).toBe(geaccepteerd.toFixed(2));
          // 170.34 without any accepted last (the case of Mark).
          expect(r.betalingscapaciteit.toFixed(2)).toBe(d('170.34').minus(geaccepteerd).toFixed(2));
          const counted = r.regels.filter((l) => l.meegeteld);
          expect(counted.reduce((s, l) => s.plus(l.bedrag), d(0)).toFixed(2)).toBe(r.betalingscapaciteit.toFixed(2));
          expect(r.nettoBesteedbaarInkomen.minus(r.aftrekTotaal).minus(r.bijzondereLastenTotaal).minus(r.kostenVanBestaan).toFixed(2)).toBe(r.betalingscapaciteit.toFixed(2));
          expect(r.maatwerkNodig).toBe(lasten.some((l) => l.beslissing === 'open'));
          expect(r.regels.filter((l) => l.groep === RegelGroep.BIJZONDERE_LAST).map((l) => l.meegeteld)).toEqual(lasten.map((l) => l.beslissing === 'ja'));
        },
      ),
    );
  });
});

describe('matiging', () => {
  const schuld = (openstaand: string, kosten = '0', status = SchuldStatus.AANGEMAAND) => ({ status, openstaandBedrag: d(openstaand), kosten: d(kosten) });
  it('lowers the open amount; to zero it is kwijtgescholden with the costs', () => {
    const a = planMatiging(schuld('1000.00', '8.00'), d('400.00'));
    expect(a.ok && [a.effect.verlaging.toFixed(2), a.effect.kwijtgescholden, a.effect.kwijtgescholdenKosten.toFixed(2)]).toEqual(['600.00', false, '0.00']);
    const b = planMatiging(schuld('250.00', '56.00'), d('0'));
    expect(b.ok && [b.effect.verlaging.toFixed(2), b.effect.kwijtgescholden, b.effect.kwijtgescholdenKosten.toFixed(2)]).toEqual(['250.00', true, '56.00']);
  });
  it('refuses the same or a higher amount, a negative one, and a paid or buiten-invordering schuld', () => {
    const codes = (r: ReturnType<typeof planMatiging>) => (r.ok ? [] : r.errors.map((e) => e.code));
    expect(codes(planMatiging(schuld('1000.00'), d('1000.00')))).toEqual([UserErrorCode.BEDRAG_ONGELDIG]);
    expect(codes(planMatiging(schuld('1000.00'), d('-0.01')))).toEqual([UserErrorCode.BEDRAG_ONGELDIG]);
    expect(codes(planMatiging(schuld('0.00', '0', SchuldStatus.VOLDAAN), d('0')))).toEqual([UserErrorCode.SCHULD_AL_BETAALD]);
    expect(codes(planMatiging(schuld('100.00', '0', SchuldStatus.BUITEN_INVORDERING), d('0')))).toEqual([UserErrorCode.SCHULD_BUITEN_INVORDERING]);
  });
  it('verlaagTermijnen takes the reduction off the unpaid termijnen from the end; the rest still sums exactly and never drops below what was paid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bedrag: cents(0.01, 500), betaaldDeel: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        cents(0, 20_000),
        (rows, verlaging) => {
          const termijnen = rows.map((r, i) => ({
            volgnummer: i + 1,
            bedrag: r.bedrag,
            betaaldBedrag: r.bedrag.times(r.betaaldDeel).toDecimalPlaces(2, Decimal.ROUND_DOWN),
          }));
          const onbetaald = termijnen.reduce((s, t) => s.plus(t.bedrag.minus(t.betaaldBedrag)), d(0));
          const { bedragen, vervallen, verlaagd } = verlaagTermijnen(termijnen, verlaging);
          expect(verlaagd.toFixed(2)).toBe(Decimal.min(verlaging, onbetaald).toFixed(2));
          const na = termijnen.filter((t) => !vervallen.includes(t.volgnummer)).map((t) => ({ ...t, bedrag: bedragen.get(t.volgnummer) ?? t.bedrag }));
          expect(sum(na).toFixed(2)).toBe(sum(termijnen).minus(verlaagd).toFixed(2));
          for (const t of na) expect(t.bedrag.gte(t.betaaldBedrag)).toBe(true);
          for (const v of vervallen) expect(termijnen[v - 1].betaaldBedrag.isZero()).toBe(true);
        },
      ),
    );
  });
});

describe('termijnOverschreden', () => {
  it('open after the deadline, or decided after it; never without a deadline', () => {
    expect(termijnOverschreden('2026-11-20', null, '2026-11-21')).toBe(true);
    expect(termijnOverschreden('2026-11-21', null, '2026-11-21')).toBe(false);
    expect(termijnOverschreden('2026-11-20', new Date('2026-11-20T23:30:00Z'), '2026-12-31')).toBe(true); // 00:30 on 21 Nov in NL
    expect(termijnOverschreden('2026-11-20', new Date('2026-11-20T10:00:00Z'), '2026-12-31')).toBe(false);
    expect(termijnOverschreden(null, null, '2030-01-01')).toBe(false);
  });
});
