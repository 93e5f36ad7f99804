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

/**
 * The demo personas (README.md, "Demo personas"), as of 22 November 2026. BSNs are from the
 * 99999xxxx test range and pass the 11-proef; ids are fixed so the README's examples keep working.
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

const money = (v: string) => new Decimal(v);

/**
 * Inserts the demo data set in one transaction. `today` (YYYY-MM-DD) is the date in the Netherlands
 * at load time. Deterministic: same ids and values every time.
 */
export async function loadDemoData(em: EntityManager, today: string): Promise<void> {
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
    const voorlopig = (t: Toeslag, nummer: string, dagtekening: string) =>
      tx.create(Beschikking, {
        id: demoUuid(beschikkingN++),
        household: t.household,
        toeslag: t,
        soort: BeschikkingSoort.VOORLOPIG,
        nummer,
        dagtekening,
        ingangsdatum: `${t.berekeningsjaar}-01-01`,
        jaarbedrag: t.berekendVoorschotMaandbedrag!.times(12),
        voorschotMaandbedrag: t.voorschotMaandbedrag,
        voorschotPercentage: t.voorschotPercentage,
      });
    /** The definitieve berekening and the terugvorderingsbeschikking of a year with too much voorschot. */
    const recovered = (t: Toeslag, nr: string, dagtekening: string, betaald: string, definitief: string, reden: string) => {
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
    const schuld = (n: number, b: Beschikking, vervaldatum: string, o: Partial<Pick<Schuld, 'status' | 'statusSinds' | 'gepauzeerd' | 'fraude'>> & { open?: string; kosten?: string }) => {
      const s = tx.create(Schuld, {
        id: demoUuid(n),
        household: b.household,
        toeslag: b.toeslag,
        beschikking: b,
        dagtekening: b.dagtekening,
        vervaldatum,
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

    // Household De Vries, Zwolle: the main persona.
    const deVries = household(DEMO.households.deVries, '0193', {
      straat: 'Grote Markt',
      huisnummer: 12,
      huisnummertoevoeging: 'A',
      postcode: '8011LW',
      woonplaats: 'Zwolle',
    });
    const sanne = person(1, DEMO.sanne.bsn, 'Sanne', 'Vries', '1988-03-14', 'de');
    const ahmed = person(2, DEMO.ahmed.bsn, 'Ahmed', 'Vries', '1986-11-02', 'de');
    const noor = person(3, DEMO.noor.bsn, 'Noor', 'Vries', '2019-06-21', 'de');
    member(deVries, sanne, MemberRol.AANVRAGER, '2015-01-01');
    member(deVries, ahmed, MemberRol.TOESLAGPARTNER, '2017-05-01');
    member(deVries, noor, MemberRol.KIND, '2019-06-21');

    // 2024: both toeslagen ended in a recovery.
    const zorg2024 = toeslag(300, deVries, ToeslagSoort.ZORGTOESLAG, 2024, ToeslagStatus.DEFINITIEF_TOEGEKEND, '131.00', 100);
    voorlopig(zorg2024, 'VL-2024-0193-000101', '2023-12-15');
    const tvZorg = recovered(zorg2024, '2024-0193-000412', '2026-07-10', '1572.00', '1260.00', 'Uw inkomen over 2024 was hoger dan het inkomen waarmee het voorschot was berekend.');
    const huur2024 = toeslag(301, deVries, ToeslagSoort.HUURTOESLAG, 2024, ToeslagStatus.DEFINITIEF_TOEGEKEND, '331.12', 90);
    voorlopig(huur2024, 'VL-2024-0193-000102', '2023-12-15');
    const tvHuur = recovered(huur2024, '2024-0193-000413', '2026-09-29', '3576.00', '2325.60', 'Uw gezamenlijke inkomen over 2024 was hoger en uw huur was lager dan opgegeven.');
    // 2026: both running.
    const zorg2026 = toeslag(304, deVries, ToeslagSoort.ZORGTOESLAG, 2026, ToeslagStatus.VOORLOPIG_TOEGEKEND, '123.00', 100);
    voorlopig(zorg2026, 'VL-2026-0193-000201', '2025-12-12');
    const huur2026 = toeslag(305, deVries, ToeslagSoort.HUURTOESLAG, 2026, ToeslagStatus.VOORLOPIG_TOEGEKEND, '340.00', 90);
    voorlopig(huur2026, 'VL-2026-0193-000202', '2025-12-12');

    const schuldZorg = schuld(400, tvZorg, '2026-08-21', { status: SchuldStatus.IN_BETALINGSREGELING, statusSinds: '2026-08-20', open: '252.00' });
    event(schuldZorg, '2026-08-20', SchuldEventSoort.REGELING_GESTART, SchuldStatus.IN_BETALINGSREGELING, 'Standaard betalingsregeling aangevraagd');
    for (const datum of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      event(schuldZorg, datum, SchuldEventSoort.BETALING, null, 'Termijn betalingsregeling ontvangen', '20.00');
    }
    const schuldHuur = schuld(401, tvHuur, '2026-11-10', { status: SchuldStatus.HERINNERD, statusSinds: '2026-11-17' });
    event(schuldHuur, '2026-11-17', SchuldEventSoort.HERINNERING, SchuldStatus.HERINNERD, 'Niet betaald voor de vervaldatum: betalingsherinnering');

    // A standaard regeling (Leidraad art. 79.7): €20 a month, the remainder in the last termijn.
    const regeling = tx.create(Betalingsregeling, {
      id: demoUuid(500),
      household: deVries,
      soort: BetalingsregelingSoort.STANDAARD,
      status: BetalingsregelingStatus.ACTIEF,
      totaalBedrag: money('312.00'),
      termijnbedrag: money('20.00'),
      aantalTermijnen: 16,
      startdatum: '2026-09-01',
    });
    regeling.schulden.add(schuldZorg);
    for (let i = 0; i < 16; i++) {
      const month = 8 + i; // September 2026 = month index 8
      const vervaldatum = `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
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
    member(jansen, person(4, DEMO.jan.bsn, 'Jan', 'Jansen', '1975-02-28'), MemberRol.AANVRAGER, '2010-01-01');
    const janZorg2025 = toeslag(302, jansen, ToeslagSoort.ZORGTOESLAG, 2025, ToeslagStatus.DEFINITIEF_TOEGEKEND, '110.00', 100);
    voorlopig(janZorg2025, 'VL-2025-0995-000031', '2024-12-13');
    const tvJan = recovered(janZorg2025, '2025-0995-000077', '2026-09-01', '1320.00', '1224.00', 'U had in 2025 minder maanden recht op zorgtoeslag.');
    schuld(402, tvJan, '2026-10-13', {});
    const janZorg2026 = toeslag(306, jansen, ToeslagSoort.ZORGTOESLAG, 2026, ToeslagStatus.VOORLOPIG_TOEGEKEND, '123.00', 100);
    voorlopig(janZorg2026, 'VL-2026-0995-000032', '2025-12-12');

    // Household El Amrani, Utrecht: registered with UHT, so collection is paused.
    const elAmrani = household(
      DEMO.households.elAmrani,
      '0344',
      { straat: 'Oudegracht', huisnummer: 200, huisnummertoevoeging: 'bis', postcode: '3511NR', woonplaats: 'Utrecht' },
      true,
    );
    member(elAmrani, person(5, DEMO.fatima.bsn, 'Fatima', 'El Amrani', '1981-08-09'), MemberRol.AANVRAGER, '2012-01-01');
    const kot2019 = toeslag(303, elAmrani, ToeslagSoort.KINDEROPVANGTOESLAG, 2019, ToeslagStatus.DEFINITIEF_TOEGEKEND, '812.00', 100);
    voorlopig(kot2019, 'VL-2019-0344-001200', '2018-12-14');
    const tvKot = recovered(kot2019, '2019-0344-001980', '2020-08-14', '9744.00', '4873.85', 'De kinderopvangtoeslag over 2019 is lager vastgesteld.');
    const schuldKot = schuld(403, tvKot, '2020-09-25', { gepauzeerd: true, statusSinds: '2021-01-15' });
    event(schuldKot, '2021-01-15', SchuldEventSoort.GEPAUZEERD, null, 'Aangemeld bij de herstelorganisatie (UHT): invordering gepauzeerd');

    // Vroegsignalering (issue 6): the experiment's participants (a few of the ten, until 1 June 2027).
    for (const [n, gemeentecode, naam] of [[800, '0193', 'Zwolle'], [801, '0995', 'Lelystad'], [802, '0344', 'Utrecht'], [803, '0363', 'Amsterdam'], [804, '0014', 'Groningen']] as const) {
      tx.create(VroegsignaleringDeelname, { id: demoUuid(n), gemeentecode, naam, vanaf: '2025-01-01', tot: '2027-06-01', gewijzigdDoor: 'M12345' });
    }
    // The KOO persona (issue 7): an organisation under the old convenant with one LRK location, and
    // one open convenanttegoed it still holds for household De Vries.
    const koo = tx.create(KooOrganisatie, {
      id: demoUuid(850),
      organisationId: DEMO.koo.org,
      naam: 'Kinderopvang De Vlinder',
      overeenkomstStatus: OvereenkomstStatus.OUD_CONVENANT,
      financieleGezondheidOk: true,
      financieleGezondheidDatum: '2026-06-30',
    });
    tx.create(KooLocatie, { id: demoUuid(851), organisatie: koo, lrkNummer: DEMO.koo.lrk, naam: 'De Vlinder, Zwolle-Zuid' });
    tx.create(KooConvenanttegoed, {
      id: demoUuid(860),
      household: deVries,
      organisatie: koo,
      periode: '2025-11',
      bedrag: money('145.20'),
      status: ConvenanttegoedStatus.OPEN,
      ontstaanOp: '2026-03-12',
    });
  });
}

/** True when no household exists yet: the demo set is loaded only into an empty database. */
export async function databaseIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Household, {})) === 0;
}
