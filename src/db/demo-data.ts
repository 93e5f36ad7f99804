import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Betalingsregeling } from '../modules/betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from '../modules/betalingsregeling/betalingsregeling.enums';
import { Household } from '../modules/household/household.entity';
import { HouseholdMember } from '../modules/household/household-member.entity';
import { MemberRol } from '../modules/household/household.enums';
import { Person } from '../modules/household/person.entity';
import { Schuld } from '../modules/schuld/schuld.entity';
import { SchuldStatus } from '../modules/schuld/schuld.enums';
import { Toeslag } from '../modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../modules/toeslag/toeslag.enums';

/**
 * The demo personas (README.md, "Demo personas"). BSNs are from the 99999xxxx test range and pass
 * the 11-proef; ids are fixed so the README's examples keep working.
 */
export const DEMO = {
  sanne: { bsn: '999990019', name: 'Sanne de Vries', note: 'BURGER, aanvrager: two toeslagen, two schulden, one betalingsregeling' },
  ahmed: { bsn: '999990020', name: 'Ahmed de Vries', note: 'BURGER, toeslagpartner in the same household' },
  noor: { bsn: '999990032', name: 'Noor de Vries', note: 'child in the same household' },
  jan: { bsn: '999990044', name: 'Jan Jansen', note: 'BURGER in another household (Lelystad)' },
  fatima: { bsn: '999990056', name: 'Fatima El Amrani', note: 'BURGER registered with UHT: collection paused' },
  medewerker: { employee: 'M12345', note: 'MEDEWERKER of Dienst Toeslagen' },
  intermediair: { org: 'KVK:87654321', employee: 'SR-001', note: 'INTERMEDIAIR (schuldhulp Zwolle); no machtigingen yet' },
  gemeente: { gemeente: '0193', note: 'GEMEENTE Zwolle' },
  koo: { org: 'KVK:11223344', lrk: '123456789', note: 'KOO with one LRK location' },
  households: {
    deVries: '0e8a4a6c-1c1b-4c2a-9a51-000000000001',
    jansen: '0e8a4a6c-1c1b-4c2a-9a51-000000000002',
    elAmrani: '0e8a4a6c-1c1b-4c2a-9a51-000000000003',
  },
} as const;

function uuid(n: number): string {
  return `0e8a4a6c-1c1b-4c2a-9a51-${String(n).padStart(12, '0')}`;
}

/** Inserts the demo data set in one transaction. Deterministic: same ids and values every time. */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const person = (n: number, bsn: string, voornamen: string, achternaam: string, geboortedatum: string, tussenvoegsel: string | null = null) =>
      tx.create(Person, { id: uuid(100 + n), bsn, voornamen, tussenvoegsel, achternaam, geboortedatum });
    const household = (id: string, gemeentecode: string, adres: Household['adres'], uhtGeregistreerd = false) =>
      tx.create(Household, { id, gemeentecode, adres, uhtGeregistreerd });
    let memberN = 200;
    const member = (h: Household, p: Person, rol: MemberRol, vanaf: string) =>
      tx.create(HouseholdMember, { id: uuid(memberN++), household: h, person: p, rol, vanaf });

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

    const zorg2024 = tx.create(Toeslag, {
      id: uuid(300),
      household: deVries,
      soort: ToeslagSoort.ZORGTOESLAG,
      berekeningsjaar: 2024,
      status: ToeslagStatus.DEFINITIEF_TOEGEKEND,
      voorschotMaandbedrag: new Decimal('131.00'),
      voorschotPercentage: 100,
    });
    const huur2024 = tx.create(Toeslag, {
      id: uuid(301),
      household: deVries,
      soort: ToeslagSoort.HUURTOESLAG,
      berekeningsjaar: 2024,
      status: ToeslagStatus.DEFINITIEF_TOEGEKEND,
      voorschotMaandbedrag: new Decimal('298.00'),
      voorschotPercentage: 90,
    });
    const schuldZorg = tx.create(Schuld, {
      id: uuid(400),
      household: deVries,
      toeslag: zorg2024,
      beschikkingsnummer: 'TV-2025-0193-000412',
      dagtekening: '2025-09-10',
      vervaldatum: '2025-10-22',
      oorspronkelijkBedrag: new Decimal('312.00'),
      openstaandBedrag: new Decimal('252.00'),
      status: SchuldStatus.IN_BETALINGSREGELING,
    });
    tx.create(Schuld, {
      id: uuid(401),
      household: deVries,
      toeslag: huur2024,
      beschikkingsnummer: 'TV-2025-0193-000413',
      dagtekening: '2025-09-10',
      vervaldatum: '2025-10-22',
      oorspronkelijkBedrag: new Decimal('1250.40'),
      openstaandBedrag: new Decimal('1250.40'),
      status: SchuldStatus.HERINNERD,
    });
    const regeling = tx.create(Betalingsregeling, {
      id: uuid(500),
      household: deVries,
      soort: BetalingsregelingSoort.STANDAARD,
      status: BetalingsregelingStatus.ACTIEF,
      totaalBedrag: new Decimal('312.00'),
      termijnbedrag: new Decimal('20.00'),
      aantalTermijnen: 16,
      startdatum: '2025-11-01',
    });
    regeling.schulden.add(schuldZorg);

    // Household Jansen, Lelystad: another citizen, for "cannot see someone else's household".
    const jansen = household(DEMO.households.jansen, '0995', {
      straat: 'Stationsplein',
      huisnummer: 3,
      huisnummertoevoeging: null,
      postcode: '8232VT',
      woonplaats: 'Lelystad',
    });
    member(jansen, person(4, DEMO.jan.bsn, 'Jan', 'Jansen', '1975-02-28'), MemberRol.AANVRAGER, '2010-01-01');
    const janZorg = tx.create(Toeslag, {
      id: uuid(302),
      household: jansen,
      soort: ToeslagSoort.ZORGTOESLAG,
      berekeningsjaar: 2026,
      status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
      voorschotMaandbedrag: new Decimal('123.00'),
      voorschotPercentage: 100,
    });
    tx.create(Schuld, {
      id: uuid(402),
      household: jansen,
      toeslag: janZorg,
      beschikkingsnummer: 'TV-2026-0995-000077',
      dagtekening: '2026-09-01',
      vervaldatum: '2026-10-13',
      oorspronkelijkBedrag: new Decimal('96.00'),
      openstaandBedrag: new Decimal('96.00'),
      status: SchuldStatus.OPEN,
    });

    // Household El Amrani, Utrecht: registered with UHT, so collection is paused.
    const elAmrani = household(
      DEMO.households.elAmrani,
      '0344',
      { straat: 'Oudegracht', huisnummer: 200, huisnummertoevoeging: 'bis', postcode: '3511NR', woonplaats: 'Utrecht' },
      true,
    );
    member(elAmrani, person(5, DEMO.fatima.bsn, 'Fatima', 'El Amrani', '1981-08-09'), MemberRol.AANVRAGER, '2012-01-01');
    const kot2019 = tx.create(Toeslag, {
      id: uuid(303),
      household: elAmrani,
      soort: ToeslagSoort.KINDEROPVANGTOESLAG,
      berekeningsjaar: 2019,
      status: ToeslagStatus.DEFINITIEF_TOEGEKEND,
      voorschotMaandbedrag: null,
      voorschotPercentage: 100,
    });
    tx.create(Schuld, {
      id: uuid(403),
      household: elAmrani,
      toeslag: kot2019,
      beschikkingsnummer: 'TV-2020-0344-001980',
      dagtekening: '2020-08-14',
      vervaldatum: '2020-09-25',
      oorspronkelijkBedrag: new Decimal('4870.15'),
      openstaandBedrag: new Decimal('4870.15'),
      status: SchuldStatus.OPEN,
      gepauzeerd: true,
    });
  });
}

/** True when no household exists yet: the demo set is loaded only into an empty database. */
export async function databaseIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Household, {})) === 0;
}
