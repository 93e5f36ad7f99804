import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Beschikking } from '../modules/beschikking/beschikking.entity';
import { BeschikkingSoort } from '../modules/beschikking/beschikking.enums';
import { Betalingsregeling } from '../modules/betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from '../modules/betalingsregeling/betalingsregeling.enums';
import { Termijn } from '../modules/betalingsregeling/termijn.entity';
import { KooConvenanttegoed } from '../modules/kinderopvang/convenant.entity';
import { ConvenanttegoedStatus, OvereenkomstStatus } from '../modules/kinderopvang/kinderopvang.enums';
import { KooLocatie, KooOrganisatie } from '../modules/kinderopvang/koo.entity';
import { Household } from '../modules/household/household.entity';
import { HouseholdMember } from '../modules/household/household-member.entity';
import { MemberRol } from '../modules/household/household.enums';
import { Person } from '../modules/household/person.entity';
import { SchuldEvent } from '../modules/schuld/schuld-event.entity';
import { Schuld } from '../modules/schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus } from '../modules/schuld/schuld.enums';
import { Toeslag } from '../modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../modules/toeslag/toeslag.enums';
import { VroegsignaleringDeelname } from '../modules/vroegsignalering/vroegsignaal.entity';
import { addDays, addMonths, firstOfNextMonth, yearOf } from '../shared/dates';

/**
 * The demo personas (README.md, "Demo personas"). BSNs are from the 99999xxxx test range and pass
 * the 11-proef; ids are fixed so the README's examples keep working; dates are relative to the day
 * the set is loaded (demoCalendar).
 */
export const DEMO = {
  sanne: { bsn: '999990019', name: 'Sanne de Vries', note: 'BURGER, aanvrager: zorg- and huurtoeslag, two schulden, one betalingsregeling' },
  ahmed: { bsn: '999990020', name: 'Ahmed de Vries', note: 'BURGER, toeslagpartner in the same household' },
  noor: { bsn: '999990032', name: 'Noor de Vries', note: 'child in the same household' },
  jan: { bsn: '999990044', name: 'Jan Jansen', note: 'BURGER in another household (Lelystad); a small recovery below the doelmatigheidsgrens' },
  fatima: { bsn: '999990056', name: 'Fatima El Amrani', note: 'BURGER registered with UHT: collection paused' },
  medewerker: { employee: 'M12345', note: 'MEDEWERKER of Dienst Toeslagen' },
  intermediair: { org: 'KVK:87654321', employee: 'SR-001', note: 'INTERMEDIAIR (schuldhulp Zwolle); no machtigingen yet' },
  gemeente: { gemeente: '0193', note: 'GEMEENTE Zwolle (takes part in vroegsignalering)' },
  koo: { org: 'KVK:11223344', lrk: '123456789', note: 'KOO with one LRK location' },
  households: {
    deVries: '0e8a4a6c-1c1b-4c2a-9a51-000000000001',
    jansen: '0e8a4a6c-1c1b-4c2a-9a51-000000000002',
    elAmrani: '0e8a4a6c-1c1b-4c2a-9a51-000000000003',
  },
} as const;

/** Fixed demo uuid number n (see the README's id tables). */
export function demoUuid(n: number): string {
  return `0e8a4a6c-1c1b-4c2a-9a51-${String(n).padStart(12, '0')}`;
}

/**
 * Sanne's zorgtoeslag whose voorschot can be changed from next month on `today` (the README's
 * setVoorschotpercentage example): the running year's, in December next year's.
 */
export function demoZorgtoeslagVoorVolgendeMaand(today: string): string {
  return demoUuid(yearOf(firstOfNextMonth(today)) > yearOf(today) ? 307 : 304);
}

const money = (v: string) => new Decimal(v);

/** The betaaltermijn of a terugvordering: its vervaldatum is 6 weeks after the dagtekening (norm BETAALTERMIJN_DAGEN). */
const BETAALTERMIJN_DAGEN = 42;
/** Days from the vervaldatum to the free reminder, and from the reminder to the aanmaning (norms HERINNERING_NA_DAGEN, AANMANING_NA_DAGEN). */
const HERINNERING_NA_DAGEN = 7;
const AANMANING_NA_DAGEN = 14;

/**
 * Household El Amrani's history is fixed on purpose, not relative to the load date: it is a
 * kinderopvangtoeslag of the toeslagenaffaire years, and what happens after the integrale beoordeling
 * depends on those years (schulden up to and including 2020 are remitted, later ones are collected
 * again; domain.md §3). A date that moved with today would drift out of that period.
 */
const EL_AMRANI = {
  jaar: 2019,
  voorlopig: '2018-12-14',
  terugvordering: '2020-08-14',
  gepauzeerd: '2021-01-15',
  geboren: '1981-08-09',
  aanvragerSinds: '2012-01-01',
} as const;

/**
 * Every date of the demo set, as what it means relative to `today` (the load date), so the README's
 * examples keep working in every month. The answers quoted in the README are those of a set loaded
 * on 2026-11-22.
 */
export function demoCalendar(today: string) {
  const jaar = yearOf(today);
  // Sanne's standaard betalingsregeling: three termijnen paid, the fourth due on the first of next month.
  const volgendeTermijn = firstOfNextMonth(today);
  const eersteTermijn = addMonths(volgendeTermijn, -3);
  // She asked for it the day before her zorgtoeslag recovery fell due, 12 days before its first termijn.
  const regelingAangevraagd = addDays(eersteTermijn, -12);
  const vervaldatumZorg = addDays(regelingAangevraagd, 1);
  // Her huurtoeslag recovery is unpaid: reminded 13 days ago, so the aanmaning falls due tomorrow.
  const herinneringHuur = addDays(today, 1 - AANMANING_NA_DAGEN);
  const vervaldatumHuur = addDays(herinneringHuur, -HERINNERING_NA_DAGEN);
  // Jan's small recovery came 12 weeks ago; its betaaltermijn has passed.
  const terugvorderingJan = addDays(today, -84);
  return {
    today,
    /** The running year. */
    jaar,
    /** A voorlopige beschikking (the voorschot for a year) is dated 1 October of the year before. */
    voorlopig: (berekeningsjaar: number) => `${berekeningsjaar - 1}-10-01`,
    /** From 1 October next year's toeslagen have been granted too (VOORLOPIG_TOEGEKEND, with a voorschot). */
    volgendJaarToegekend: today >= `${jaar}-10-01`,
    /** De Vries: the definitieve berekening of two years ago ended in recoveries of both toeslagen. */
    deVriesDefinitiefJaar: jaar - 2,
    terugvorderingZorg: addDays(vervaldatumZorg, -BETAALTERMIJN_DAGEN),
    vervaldatumZorg,
    regelingAangevraagd,
    eersteTermijn,
    volgendeTermijn,
    terugvorderingHuur: addDays(vervaldatumHuur, -BETAALTERMIJN_DAGEN),
    vervaldatumHuur,
    herinneringHuur,
    /** Jansen: the year before Jan's recovery (last year from late March, until then the year before). */
    janDefinitiefJaar: yearOf(terugvorderingJan) - 1,
    terugvorderingJan,
    vervaldatumJan: addDays(terugvorderingJan, BETAALTERMIJN_DAGEN),
    /** Born `jaren` years before the running year, on month-day `md` (ages stay what the personas say). */
    geboren: (jaren: number, md: string) => `${jaar - jaren}-${md}`,
    /** Vroegsignalering: the gemeenten take part from 1 January last year until 1 June next year (the real experiment: 2025-01-01 until 2027-06-01). */
    deelnameVanaf: `${jaar - 1}-01-01`,
    deelnameTot: `${jaar + 1}-06-01`,
    /** The KOO: its financial-health check was approved five months ago; it holds a tegoed for the month a year ago, found eight months ago. */
    financieleGezondheid: addMonths(today, -5),
    tegoedPeriode: addMonths(today, -12).slice(0, 7),
    tegoedOntstaan: addMonths(today, -8),
  };
}

/**
 * Inserts the demo data set in one transaction. `today` (YYYY-MM-DD) is the date in the Netherlands
 * at load time; every date is relative to it (demoCalendar), except household El Amrani's history.
 * Deterministic: the same ids and amounts every time, the same dates for the same `today`.
 */
export async function loadDemoData(em: EntityManager, today: string): Promise<void> {
  const c = demoCalendar(today);
  await em.transactional(async (tx) => {
    const person = (n: number, bsn: string, voornamen: string, achternaam: string, geboortedatum: string, tussenvoegsel: string | null = null) =>
      tx.create(Person, { id: demoUuid(100 + n), bsn, voornamen, tussenvoegsel, achternaam, geboortedatum });
    const household = (id: string, gemeentecode: string, adres: Household['adres'], uhtGeregistreerd = false) =>
      tx.create(Household, { id, gemeentecode, adres, uhtGeregistreerd });
    let memberN = 200;
    const member = (h: Household, p: Person, rol: MemberRol, vanaf: string) =>
      tx.create(HouseholdMember, { id: demoUuid(memberN++), household: h, person: p, rol, vanaf });
    const toeslag = (n: number, h: Household, soort: ToeslagSoort, jaar: number, status: ToeslagStatus, berekend: string | null, pct: number) =>
      tx.create(Toeslag, {
        id: demoUuid(n),
        household: h,
        soort,
        berekeningsjaar: jaar,
        status,
        berekendVoorschotMaandbedrag: berekend ? money(berekend) : null,
        voorschotMaandbedrag: berekend ? money(berekend).times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN) : null,
        voorschotPercentage: pct,
      });
    let beschikkingN = 600;
    /** The voorlopige beschikking of a toeslag (number: soort-jaar-gemeente-volgnummer); `n` fixes its id. */
    const voorlopig = (t: Toeslag, volgnummer: string, dagtekening = c.voorlopig(t.berekeningsjaar), n = beschikkingN++) =>
      tx.create(Beschikking, {
        id: demoUuid(n),
        household: t.household,
        toeslag: t,
        soort: BeschikkingSoort.VOORLOPIG,
        nummer: `VL-${t.berekeningsjaar}-${t.household.gemeentecode}-${volgnummer}`,
        dagtekening,
        ingangsdatum: `${t.berekeningsjaar}-01-01`,
        jaarbedrag: t.berekendVoorschotMaandbedrag!.times(12),
        voorschotMaandbedrag: t.voorschotMaandbedrag,
        voorschotPercentage: t.voorschotPercentage,
      });
    /** The definitieve berekening and the terugvorderingsbeschikking of a year with too much voorschot. */
    const recovered = (t: Toeslag, volgnummer: string, dagtekening: string, betaald: string, definitief: string, reden: string) => {
      const nr = `${t.berekeningsjaar}-${t.household.gemeentecode}-${volgnummer}`;
      tx.create(Beschikking, {
        id: demoUuid(beschikkingN++),
        household: t.household,
        toeslag: t,
        soort: BeschikkingSoort.DEFINITIEF,
        nummer: `DF-${nr}`,
        dagtekening,
        jaarbedrag: money(definitief),
        betaaldeVoorschotten: money(betaald),
      });
      return tx.create(Beschikking, {
        id: demoUuid(beschikkingN++),
        household: t.household,
        toeslag: t,
        soort: BeschikkingSoort.TERUGVORDERING,
        nummer: `TV-${nr}`,
        dagtekening,
        betaaldeVoorschotten: money(betaald),
        terugTeBetalen: money(betaald).minus(definitief),
        reden,
      });
    };
    const event = (schuld: Schuld, datum: string, soort: SchuldEventSoort, naarStatus: SchuldStatus | null, reden: string, bedrag: string | null = null) =>
      tx.create(SchuldEvent, { household: schuld.household, schuld, datum, soort, naarStatus, reden, bron: 'SYSTEEM', bedrag: bedrag ? money(bedrag) : null });
    /** The schuld of a terugvorderingsbeschikking, due 6 weeks after its dagtekening. */
    const schuld = (n: number, b: Beschikking, o: Partial<Pick<Schuld, 'status' | 'statusSinds' | 'gepauzeerd' | 'fraude'>> & { open?: string; kosten?: string }) => {
      const s = tx.create(Schuld, {
        id: demoUuid(n),
        household: b.household,
        toeslag: b.toeslag,
        beschikking: b,
        dagtekening: b.dagtekening,
        vervaldatum: addDays(b.dagtekening, BETAALTERMIJN_DAGEN),
        oorspronkelijkBedrag: b.terugTeBetalen!,
        openstaandBedrag: o.open ? money(o.open) : b.terugTeBetalen!,
        kosten: money(o.kosten ?? '0'),
        status: o.status ?? SchuldStatus.OPEN,
        statusSinds: o.statusSinds ?? b.dagtekening,
        gepauzeerd: o.gepauzeerd ?? false,
        fraude: o.fraude ?? false,
      });
      event(s, b.dagtekening, SchuldEventSoort.ONTSTAAN, SchuldStatus.OPEN, `Terugvorderingsbeschikking ${b.nummer}`);
      return s;
    };
    /** A running toeslag (VOORLOPIG_TOEGEKEND, with a voorschot) and its voorlopige beschikking. */
    const lopend = (n: number, h: Household, soort: ToeslagSoort, jaar: number, berekend: string, pct: number, volgnummer: string, beschikkingId?: number) => {
      const t = toeslag(n, h, soort, jaar, ToeslagStatus.VOORLOPIG_TOEGEKEND, berekend, pct);
      voorlopig(t, volgnummer, undefined, beschikkingId);
      return t;
    };

    // Household De Vries, Zwolle: the main persona.
    const deVries = household(DEMO.households.deVries, '0193', {
      straat: 'Grote Markt',
      huisnummer: 12,
      huisnummertoevoeging: 'A',
      postcode: '8011LW',
      woonplaats: 'Zwolle',
    });
    const sanne = person(1, DEMO.sanne.bsn, 'Sanne', 'Vries', c.geboren(38, '03-14'), 'de');
    const ahmed = person(2, DEMO.ahmed.bsn, 'Ahmed', 'Vries', c.geboren(40, '11-02'), 'de');
    const noorGeboren = c.geboren(7, '06-21');
    const noor = person(3, DEMO.noor.bsn, 'Noor', 'Vries', noorGeboren, 'de');
    member(deVries, sanne, MemberRol.AANVRAGER, `${c.jaar - 11}-01-01`);
    member(deVries, ahmed, MemberRol.TOESLAGPARTNER, `${c.jaar - 9}-05-01`);
    member(deVries, noor, MemberRol.KIND, noorGeboren);

    // Two years ago: both toeslagen ended in a recovery.
    const oud = c.deVriesDefinitiefJaar;
    const zorgOud = toeslag(300, deVries, ToeslagSoort.ZORGTOESLAG, oud, ToeslagStatus.DEFINITIEF_TOEGEKEND, '131.00', 100);
    voorlopig(zorgOud, '000101');
    const tvZorg = recovered(zorgOud, '000412', c.terugvorderingZorg, '1572.00', '1260.00', `Uw inkomen over ${oud} was hoger dan het inkomen waarmee het voorschot was berekend.`);
    const huurOud = toeslag(301, deVries, ToeslagSoort.HUURTOESLAG, oud, ToeslagStatus.DEFINITIEF_TOEGEKEND, '331.12', 90);
    voorlopig(huurOud, '000102');
    const tvHuur = recovered(huurOud, '000413', c.terugvorderingHuur, '3576.00', '2325.60', `Uw gezamenlijke inkomen over ${oud} was hoger en uw huur was lager dan opgegeven.`);
    // The running year: both running (from 1 October next year's too, below).
    lopend(304, deVries, ToeslagSoort.ZORGTOESLAG, c.jaar, '123.00', 100, '000201');
    lopend(305, deVries, ToeslagSoort.HUURTOESLAG, c.jaar, '340.00', 90, '000202');

    const schuldZorg = schuld(400, tvZorg, { status: SchuldStatus.IN_BETALINGSREGELING, statusSinds: c.regelingAangevraagd, open: '252.00' });
    event(schuldZorg, c.regelingAangevraagd, SchuldEventSoort.REGELING_GESTART, SchuldStatus.IN_BETALINGSREGELING, 'Standaard betalingsregeling aangevraagd');
    for (let i = 0; i < 3; i++) {
      event(schuldZorg, addMonths(c.eersteTermijn, i), SchuldEventSoort.BETALING, null, 'Termijn betalingsregeling ontvangen', '20.00');
    }
    const schuldHuur = schuld(401, tvHuur, { status: SchuldStatus.HERINNERD, statusSinds: c.herinneringHuur });
    event(schuldHuur, c.herinneringHuur, SchuldEventSoort.HERINNERING, SchuldStatus.HERINNERD, 'Niet betaald voor de vervaldatum: betalingsherinnering');

    // A standaard regeling (Leidraad art. 79.7): €20 a month from the first termijn, the remainder in
    // the last termijn; the first three are paid, the fourth is due on the first of next month.
    const regeling = tx.create(Betalingsregeling, {
      id: demoUuid(500),
      household: deVries,
      soort: BetalingsregelingSoort.STANDAARD,
      status: BetalingsregelingStatus.ACTIEF,
      totaalBedrag: money('312.00'),
      termijnbedrag: money('20.00'),
      aantalTermijnen: 16,
      startdatum: c.eersteTermijn,
    });
    regeling.schulden.add(schuldZorg);
    for (let i = 0; i < 16; i++) {
      const vervaldatum = addMonths(c.eersteTermijn, i);
      const paid = i < 3;
      tx.create(Termijn, {
        id: demoUuid(520 + i),
        household: deVries,
        betalingsregeling: regeling,
        volgnummer: i + 1,
        vervaldatum,
        bedrag: money(i === 15 ? '12.00' : '20.00'),
        betaaldBedrag: money(paid ? '20.00' : '0'),
        betaaldOp: paid ? vervaldatum : null,
      });
    }

    // Household Jansen, Lelystad: another citizen; a recovery below the doelmatigheidsgrens.
    const jansen = household(DEMO.households.jansen, '0995', {
      straat: 'Stationsplein',
      huisnummer: 3,
      huisnummertoevoeging: null,
      postcode: '8232VT',
      woonplaats: 'Lelystad',
    });
    member(jansen, person(4, DEMO.jan.bsn, 'Jan', 'Jansen', c.geboren(51, '02-28')), MemberRol.AANVRAGER, `${c.jaar - 16}-01-01`);
    const janJaar = c.janDefinitiefJaar;
    const janZorgOud = toeslag(302, jansen, ToeslagSoort.ZORGTOESLAG, janJaar, ToeslagStatus.DEFINITIEF_TOEGEKEND, '110.00', 100);
    voorlopig(janZorgOud, '000031');
    const tvJan = recovered(janZorgOud, '000077', c.terugvorderingJan, '1320.00', '1224.00', `U had in ${janJaar} minder maanden recht op zorgtoeslag.`);
    schuld(402, tvJan, {});
    lopend(306, jansen, ToeslagSoort.ZORGTOESLAG, c.jaar, '123.00', 100, '000032');

    // Household El Amrani, Utrecht: registered with UHT, so collection is paused (fixed dates: EL_AMRANI).
    const elAmrani = household(
      DEMO.households.elAmrani,
      '0344',
      { straat: 'Oudegracht', huisnummer: 200, huisnummertoevoeging: 'bis', postcode: '3511NR', woonplaats: 'Utrecht' },
      true,
    );
    member(elAmrani, person(5, DEMO.fatima.bsn, 'Fatima', 'El Amrani', EL_AMRANI.geboren), MemberRol.AANVRAGER, EL_AMRANI.aanvragerSinds);
    const kot = toeslag(303, elAmrani, ToeslagSoort.KINDEROPVANGTOESLAG, EL_AMRANI.jaar, ToeslagStatus.DEFINITIEF_TOEGEKEND, '812.00', 100);
    voorlopig(kot, '001200', EL_AMRANI.voorlopig);
    const tvKot = recovered(kot, '001980', EL_AMRANI.terugvordering, '9744.00', '4873.85', `De kinderopvangtoeslag over ${EL_AMRANI.jaar} is lager vastgesteld.`);
    const schuldKot = schuld(403, tvKot, { gepauzeerd: true, statusSinds: EL_AMRANI.gepauzeerd });
    event(schuldKot, EL_AMRANI.gepauzeerd, SchuldEventSoort.GEPAUZEERD, null, 'Aangemeld bij de herstelorganisatie (UHT): invordering gepauzeerd');

    // From 1 October next year's toeslagen are granted too, with the same voorschot. In December no
    // voorschot of the running year is paid any more, so a change "from next month" is made on these.
    if (c.volgendJaarToegekend) {
      lopend(307, deVries, ToeslagSoort.ZORGTOESLAG, c.jaar + 1, '123.00', 100, '000301', 620);
      lopend(308, deVries, ToeslagSoort.HUURTOESLAG, c.jaar + 1, '340.00', 90, '000302', 621);
      lopend(309, jansen, ToeslagSoort.ZORGTOESLAG, c.jaar + 1, '123.00', 100, '000033', 622);
    }

    // Vroegsignalering: the experiment's participants (a few of the ten), taking part today and for months to come.
    for (const [n, gemeentecode, naam] of [[800, '0193', 'Zwolle'], [801, '0995', 'Lelystad'], [802, '0344', 'Utrecht'], [803, '0363', 'Amsterdam'], [804, '0014', 'Groningen']] as const) {
      tx.create(VroegsignaleringDeelname, { id: demoUuid(n), gemeentecode, naam, vanaf: c.deelnameVanaf, tot: c.deelnameTot, gewijzigdDoor: 'M12345' });
    }
    // The KOO persona: an organisation under the old convenant with one LRK location, and
    // one open convenanttegoed it still holds for household De Vries.
    const koo = tx.create(KooOrganisatie, {
      id: demoUuid(850),
      organisationId: DEMO.koo.org,
      naam: 'Kinderopvang De Vlinder',
      overeenkomstStatus: OvereenkomstStatus.OUD_CONVENANT,
      financieleGezondheidOk: true,
      financieleGezondheidDatum: c.financieleGezondheid,
    });
    tx.create(KooLocatie, { id: demoUuid(851), organisatie: koo, lrkNummer: DEMO.koo.lrk, naam: 'De Vlinder, Zwolle-Zuid' });
    tx.create(KooConvenanttegoed, {
      id: demoUuid(860),
      household: deVries,
      organisatie: koo,
      periode: c.tegoedPeriode,
      bedrag: money('145.20'),
      status: ConvenanttegoedStatus.OPEN,
      ontstaanOp: c.tegoedOntstaan,
    });
  });
}

/** True when no household exists yet: the demo set is loaded only into an empty database. */
export async function databaseIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Household, {})) === 0;
}
