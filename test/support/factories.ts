import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Beschikking } from '../../src/modules/beschikking/beschikking.entity';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from '../../src/modules/betalingsregeling/betalingsregeling.enums';
import { standaardTermijnen } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { Household } from '../../src/modules/household/household.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { MemberRol } from '../../src/modules/household/household.enums';
import { Person } from '../../src/modules/household/person.entity';
import { SchuldEvent } from '../../src/modules/schuld/schuld-event.entity';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../../src/modules/schuld/schuld.enums';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { isValidBsn } from '../../src/shared/bsn';
import { addDays, addMonths, firstOfNextMonth, yearOf } from '../../src/shared/dates';
import { TEST_TODAY } from './clock';

/**
 * A small factory for test data of our own (not the demo set, not the scale seeder): households with
 * members, toeslagen with their beschikkingen, schulden with history, and betalingsregelingen with
 * termijnen. Random but reproducible (seeded); every value respects the model's invariants.
 */

/** mulberry32: a tiny seeded PRNG, so a failing run can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let bsnSeq = 10_000_000;
/** A fresh valid BSN (11-proef) outside the demo range 99999xxxx, unique within the test file. */
export function nextBsn(): string {
  for (;;) {
    const base = String(bsnSeq++).padStart(8, '0');
    for (let d = 0; d <= 9; d++) {
      const bsn = `${base}${d}`;
      if (isValidBsn(bsn)) return bsn;
    }
  }
}

export interface HouseholdOptions {
  gemeentecode?: string;
  uht?: boolean;
  /** Guarantee at least one open schuld, one ACTIEF regeling with termijnen, a partner and a running toeslag. */
  full?: boolean;
  /** Extra members with these BSNs (rol KIND), e.g. to look a household up by a child's BSN. */
  kinderen?: string[];
}

export interface BuiltHousehold {
  household: Household;
  aanvrager: Person;
  members: Person[];
  toeslagen: Toeslag[];
  /** The running toeslag of the current year (VOORLOPIG_TOEGEKEND), when there is one. */
  lopend: Toeslag | null;
  beschikkingen: Beschikking[];
  schulden: Schuld[];
  regelingen: Betalingsregeling[];
}

const SOORTEN = Object.values(ToeslagSoort);
const GEMEENTEN = ['0193', '0995', '0344', '0363'];

/**
 * Beschikking numbers must be unique per database. One counter for every Factory of this test file
 * (each file has a database of its own): with a counter per instance, two factories whose random
 * prefixes happened to match produced the same numbers (a flaky unique violation in the matrix test,
 * which makes ~30 factories).
 */
const NUMMER_PREFIX = randomBytes(2).toString('hex').toUpperCase();
let nummerSeq = 0;

export class Factory {
  private readonly random: () => number;
  /** The berekeningsjaar in which a voorschot change from next month still falls. */
  readonly lopendJaar: number;

  /** `today`: the date the data is made for (the test app's pinned date unless a test pins another). */
  constructor(
    private readonly em: EntityManager,
    seed = 1,
    readonly today: string = TEST_TODAY,
  ) {
    this.random = seededRandom(seed);
    this.lopendJaar = yearOf(firstOfNextMonth(today));
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }
  /** A random amount in cents between min and max euro. */
  private money(min: number, max: number): Decimal {
    return new Decimal(this.int(min * 100, max * 100)).dividedBy(100);
  }
  private nummer(soort: string, jaar: number, gemeentecode: string): string {
    return `${soort}-${jaar}-${gemeentecode}-${NUMMER_PREFIX}${String(++nummerSeq).padStart(6, '0')}`;
  }

  person(bsn = nextBsn(), voornamen = 'Test'): Person {
    return this.em.create(Person, { bsn, voornamen, achternaam: `Persoon ${bsn.slice(-4)}`, geboortedatum: '1980-01-01' });
  }

  /** Creates (persists, not flushes) one household; call `flush()` after building. */
  household(o: HouseholdOptions = {}): BuiltHousehold {
    const em = this.em;
    const gemeentecode = o.gemeentecode ?? this.pick(GEMEENTEN);
    const uht = o.uht ?? this.chance(0.1);
    const household = em.create(Household, {
      gemeentecode,
      uhtGeregistreerd: uht,
      adres: { straat: 'Teststraat', huisnummer: this.int(1, 300), huisnummertoevoeging: null, postcode: '1234AB', woonplaats: 'Teststad' },
    });
    const aanvrager = this.person();
    const members = [aanvrager];
    em.create(HouseholdMember, { household, person: aanvrager, rol: MemberRol.AANVRAGER, vanaf: '2015-01-01' });
    if (o.full || this.chance(0.5)) {
      const partner = this.person(nextBsn(), 'Partner');
      members.push(partner);
      em.create(HouseholdMember, { household, person: partner, rol: MemberRol.TOESLAGPARTNER, vanaf: '2016-01-01' });
    }
    for (const bsn of o.kinderen ?? []) {
      const kind = this.person(bsn, 'Kind');
      members.push(kind);
      em.create(HouseholdMember, { household, person: kind, rol: MemberRol.KIND, vanaf: '2019-01-01' });
    }

    const built: BuiltHousehold = { household, aanvrager, members, toeslagen: [], lopend: null, beschikkingen: [], schulden: [], regelingen: [] };

    // Past years: definitief toegekend, each with a recovery (a schuld).
    const pastYears = o.full ? this.int(2, 4) : this.int(0, 4);
    const used = new Set<string>();
    for (let i = 0; i < pastYears; i++) {
      const soort = this.pick(SOORTEN);
      const jaar = this.int(2019, this.lopendJaar - 1);
      if (used.has(`${soort}${jaar}`)) continue;
      used.add(`${soort}${jaar}`);
      const berekend = this.money(50, 900);
      const toeslag = em.create(Toeslag, {
        household,
        soort,
        berekeningsjaar: jaar,
        status: ToeslagStatus.DEFINITIEF_TOEGEKEND,
        berekendVoorschotMaandbedrag: berekend,
        voorschotMaandbedrag: berekend,
        voorschotPercentage: 100,
      });
      built.toeslagen.push(toeslag);
      this.voorlopig(built, toeslag, `${jaar - 1}-12-15`);
      const betaald = berekend.times(12);
      const terug = this.money(20, Math.min(3000, betaald.toNumber()));
      const dagtekening = `${jaar + 1}-0${this.int(1, 9)}-${String(this.int(10, 28))}`;
      built.beschikkingen.push(
        em.create(Beschikking, {
          household,
          toeslag,
          soort: BeschikkingSoort.DEFINITIEF,
          nummer: this.nummer('DF', jaar, gemeentecode),
          dagtekening,
          jaarbedrag: betaald.minus(terug),
          betaaldeVoorschotten: betaald,
        }),
      );
      const tv = em.create(Beschikking, {
        household,
        toeslag,
        soort: BeschikkingSoort.TERUGVORDERING,
        nummer: this.nummer('TV', jaar, gemeentecode),
        dagtekening,
        betaaldeVoorschotten: betaald,
        terugTeBetalen: terug,
        reden: this.pick(['Uw inkomen was hoger dan geschat.', 'Uw huur was lager dan opgegeven', 'U had minder maanden recht op toeslag.']),
      });
      built.beschikkingen.push(tv);
      this.schuld(built, tv, terug, uht, o.full && i === 0);
    }

    // The current year: a running toeslag.
    if (o.full || this.chance(0.7)) {
      const soort = this.pick(SOORTEN);
      const berekend = this.money(50, 900);
      const pct = this.pick([100, 100, 90, 75, 50]);
      const toeslag = em.create(Toeslag, {
        household,
        soort,
        berekeningsjaar: this.lopendJaar,
        status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
        berekendVoorschotMaandbedrag: berekend,
        voorschotMaandbedrag: berekend.times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN),
        voorschotPercentage: pct,
      });
      built.toeslagen.push(toeslag);
      built.lopend = toeslag;
      this.voorlopig(built, toeslag, `${this.lopendJaar - 1}-12-12`);
    }

    // Betalingsregelingen: an ACTIEF one over some open schulden, sometimes an ended one too.
    const open = built.schulden.filter((s) => !TERMINAL_SCHULD_STATUSES.includes(s.status) && s.openstaandBedrag.gt(0));
    if (open.length && (o.full || this.chance(0.6))) {
      const covered = open.filter((_, i) => i === 0 || this.chance(0.5));
      for (const s of covered) {
        if (s.status === SchuldStatus.OPEN) s.status = SchuldStatus.IN_BETALINGSREGELING;
      }
      this.regeling(built, covered, BetalingsregelingStatus.ACTIEF);
    }
    if (built.schulden.length && this.chance(0.25)) {
      this.regeling(built, [this.pick(built.schulden)], this.pick([BetalingsregelingStatus.BEEINDIGD, BetalingsregelingStatus.VOLDAAN]));
    }
    return built;
  }

  /** Creates `count` households and flushes them. */
  async households(count: number, o: HouseholdOptions = {}): Promise<BuiltHousehold[]> {
    const built = Array.from({ length: count }, () => this.household(o));
    await this.em.flush();
    return built;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }

  private voorlopig(built: BuiltHousehold, toeslag: Toeslag, dagtekening: string): void {
    built.beschikkingen.push(
      this.em.create(Beschikking, {
        household: built.household,
        toeslag,
        soort: BeschikkingSoort.VOORLOPIG,
        nummer: this.nummer('VL', toeslag.berekeningsjaar, built.household.gemeentecode),
        dagtekening,
        ingangsdatum: `${toeslag.berekeningsjaar}-01-01`,
        jaarbedrag: toeslag.berekendVoorschotMaandbedrag!.times(12),
        voorschotMaandbedrag: toeslag.voorschotMaandbedrag,
        voorschotPercentage: toeslag.voorschotPercentage,
      }),
    );
  }

  private schuld(built: BuiltHousehold, tv: Beschikking, bedrag: Decimal, uht: boolean, forceOpen = false): void {
    const status = forceOpen
      ? this.pick([SchuldStatus.OPEN, SchuldStatus.HERINNERD, SchuldStatus.AANGEMAAND])
      : this.pick(Object.values(SchuldStatus));
    const terminal = TERMINAL_SCHULD_STATUSES.includes(status);
    // Mostly consistent amounts, with the edge cases the overview must handle: a terminal schuld that
    // still shows an amount, an open one that was paid down to zero.
    const open =
      status === SchuldStatus.VOLDAAN && this.chance(0.8)
        ? new Decimal(0)
        : forceOpen
          ? this.money(1, bedrag.toNumber())
          : this.chance(0.1)
            ? new Decimal(0)
            : this.chance(0.5)
              ? bedrag
              : this.money(0, bedrag.toNumber());
    const kosten = !terminal && [SchuldStatus.AANGEMAAND, SchuldStatus.DWANGBEVEL].includes(status) ? this.pick(['8.00', '56.00', '0']) : this.chance(0.1) ? '8.00' : '0';
    const vervaldatum = addDays(tv.dagtekening, 42);
    const schuld = this.em.create(Schuld, {
      household: built.household,
      toeslag: tv.toeslag,
      beschikking: tv,
      dagtekening: tv.dagtekening,
      vervaldatum,
      oorspronkelijkBedrag: bedrag,
      openstaandBedrag: open,
      kosten: new Decimal(kosten),
      status,
      statusSinds: addDays(vervaldatum, 7),
      gepauzeerd: uht || this.chance(0.1),
      fraude: this.chance(0.05),
    });
    built.schulden.push(schuld);
    const event = (datum: string, soort: SchuldEventSoort, vanStatus: SchuldStatus | null, naarStatus: SchuldStatus | null, bedragEvent: Decimal | null = null) =>
      this.em.create(SchuldEvent, { household: built.household, schuld, datum, soort, vanStatus, naarStatus, bedrag: bedragEvent, reden: `${soort} (test)`, bron: 'SYSTEEM' });
    event(tv.dagtekening, SchuldEventSoort.ONTSTAAN, null, SchuldStatus.OPEN);
    if (status !== SchuldStatus.OPEN) event(addDays(vervaldatum, 7), SchuldEventSoort.HERINNERING, SchuldStatus.OPEN, status);
    if (open.lt(bedrag)) event(addDays(vervaldatum, 14), SchuldEventSoort.BETALING, null, null, bedrag.minus(open));
  }

  private regeling(built: BuiltHousehold, schulden: Schuld[], status: BetalingsregelingStatus): void {
    const totaal = schulden.reduce((sum, s) => sum.plus(s.openstaandBedrag), new Decimal(0));
    if (totaal.lte(0)) return;
    const startdatum = addMonths(`${this.today.slice(0, 7)}-01`, -this.int(0, 8));
    const planned = standaardTermijnen(totaal, startdatum);
    const regeling = this.em.create(Betalingsregeling, {
      household: built.household,
      soort: BetalingsregelingSoort.STANDAARD,
      status,
      totaalBedrag: totaal,
      termijnbedrag: planned[0].bedrag,
      aantalTermijnen: planned.length,
      startdatum,
    });
    for (const s of schulden) regeling.schulden.add(s);
    const paid = this.int(0, planned.length);
    for (const t of planned) {
      const betaald = t.volgnummer <= paid ? t.bedrag : t.volgnummer === paid + 1 && this.chance(0.3) ? t.bedrag.dividedBy(2).toDecimalPlaces(2, Decimal.ROUND_DOWN) : new Decimal(0);
      this.em.create(Termijn, {
        household: built.household,
        betalingsregeling: regeling,
        volgnummer: t.volgnummer,
        vervaldatum: t.vervaldatum,
        bedrag: t.bedrag,
        betaaldBedrag: betaald,
        betaaldOp: betaald.eq(t.bedrag) ? t.vervaldatum : null,
      });
    }
    built.regelingen.push(regeling);
  }
}
