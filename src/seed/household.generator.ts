import type { BsnSequence } from './bsn';
import { day, ds, LAST_DAY } from './calendar';
import type { HouseholdContext } from './chunk-rows';
import { NULL, stamp } from './copy-format';
import { GEMEENTE_KEUZE, POSTCODE_LETTER_PAIRS, type Gemeente } from './gemeenten';
import { ACHTERNAMEN, STRATEN, TOEVOEGINGEN, VOORNAMEN_MAN, VOORNAMEN_VROUW, type Achternaam } from './names';
import { weighted, type Rng } from './random';

/**
 * The kind of household, assigned in exact proportions per block of 100 (see generator.ts), so
 * every special population is present in any data set of 100 households or more.
 */
export type HouseholdRole = 'REGULIER' | 'UHT' | 'OUD' | 'FRAUDE';

export interface Kind {
  geboortedag: number;
}

/** What the toeslag and schuld generators need to know about the household. */
export interface HouseholdPlan {
  role: HouseholdRole;
  gemeente: Gemeente;
  /** Day the aanvrager's membership starts: no toeslag before that year. */
  vanaf: number;
  partner: boolean;
  kinderen: Kind[];
  /** UHT: the registration day; collection paused from then on. */
  uhtSinds: number | null;
  /** OUD: the (first) old berekeningsjaar, 2011–2015. */
  oudJaar: number | null;
  /** UHT: the first kinderopvangtoeslag year of the herstel case, 2012–2017. */
  uhtJaar: number | null;
}

const YEAR = 365.25;

const AGE_REGULIER = weighted<[number, number]>([
  [[18, 25], 10],
  [[26, 35], 22],
  [[36, 50], 28],
  [[51, 66], 22],
  [[67, 90], 18],
]);
const KINDEREN = weighted<number>([[0, 45], [1, 20], [2, 22], [3, 9], [4, 3], [5, 1]]);
const HUISNUMMER = weighted<[number, number]>([
  [[1, 30], 50],
  [[31, 120], 35],
  [[121, 400], 15],
]);

function birthday(rng: Rng, age: number): number {
  return LAST_DAY - Math.floor(age * YEAR) - rng.int(0, 364);
}

function adultFrom(geboortedag: number): number {
  return geboortedag + Math.ceil(18 * YEAR);
}

/** Writes the household, its persons and memberships; returns the plan for the other generators. */
export function generateHousehold(ctx: HouseholdContext, rng: Rng, role: HouseholdRole, gemeente: Gemeente, bsn: BsnSequence): HouseholdPlan {
  const { rows, prefix } = ctx;

  // The role fixes the years that must lie inside the household's history.
  const oudJaar = role === 'OUD' ? rng.int(2011, 2015) : null;
  const uhtJaar = role === 'UHT' ? rng.int(2012, 2017) : null;
  const uhtSinds = role === 'UHT' ? rng.int(day('2020-02-01'), day('2023-12-31')) : null;

  const [minAge, maxAge] =
    role === 'UHT' ? [35, 55] : role === 'OUD' ? [35, 80] : role === 'FRAUDE' ? [25, 60] : rng.choose(AGE_REGULIER);
  const age = rng.int(minAge, maxAge);
  const aanvragerGeboren = birthday(rng, age);
  const earliest = Math.max(adultFrom(aanvragerGeboren), day('2004-01-01'));
  const latest =
    oudJaar !== null ? day(`${oudJaar - 1}-12-31`)
    : uhtJaar !== null ? day(`${uhtJaar - 1}-12-31`)
    : role === 'FRAUDE' ? day('2022-12-31')
    : LAST_DAY - 30;
  // Skewed towards long-standing households.
  const vanaf = earliest + Math.floor((Math.max(latest, earliest) - earliest) * rng.float() ** 1.6);

  // Address.
  const straat = rng.pick(STRATEN);
  const [hnLo, hnHi] = rng.choose(HUISNUMMER);
  const huisnummer = rng.int(hnLo, hnHi);
  const toevoeging = rng.chance(0.1) ? rng.pick(TOEVOEGINGEN) : NULL;
  const postcode = `${rng.int(gemeente.postcodeVan, gemeente.postcodeTot)}${rng.pick(POSTCODE_LETTER_PAIRS)}`;
  rows.add(
    'household',
    `${ctx.id}\t${stamp(ds(vanaf))}\t${stamp(ds(vanaf))}\t${straat}\t${huisnummer}\t${toevoeging}\t${postcode}\t${gemeente.woonplaats}\t${gemeente.code}\t${role === 'UHT' ? 't' : 'f'}\t1`,
  );

  const person = (geboortedag: number, vrouw: boolean, naam: Achternaam, rol: string, van: number, tot: number | null) => {
    const id = rng.uuid(prefix);
    const voornamen = vrouw ? VOORNAMEN_VROUW : VOORNAMEN_MAN;
    const voornaam = rng.chance(0.3) ? `${rng.pick(voornamen)} ${rng.pick(voornamen)}` : rng.pick(voornamen);
    rows.add(
      'person',
      `${id}\t${stamp(ds(van))}\t${stamp(ds(van))}\t${bsn.bsn(ctx.counters.person++)}\t${voornaam}\t${naam.tussenvoegsel ?? NULL}\t${naam.achternaam}\t${ds(geboortedag)}`,
    );
    rows.add('household_member', `${rng.uuid(prefix)}\t${stamp(ds(van))}\t${stamp(ds(tot ?? van))}\t${ctx.id}\t${id}\t${rol}\t${ds(van)}\t${tot === null ? NULL : ds(tot)}`);
  };

  const aanvragerVrouw = rng.chance(0.55);
  const aanvragerNaam = rng.pick(ACHTERNAMEN);
  person(aanvragerGeboren, aanvragerVrouw, aanvragerNaam, 'AANVRAGER', vanaf, null);

  // Toeslagpartner: often; a partner since the start, or one who joined later.
  let partnerNaam: Achternaam | null = null;
  let partnerVanaf = LAST_DAY;
  if (rng.chance(role === 'UHT' ? 0.6 : 0.5)) {
    const partnerGeboren = birthday(rng, Math.max(18, age + rng.int(-6, 6)));
    partnerVanaf = Math.max(rng.chance(0.6) ? vanaf : rng.int(vanaf, LAST_DAY - 30), adultFrom(partnerGeboren));
    if (partnerVanaf <= LAST_DAY - 1) {
      partnerNaam = rng.chance(0.4) ? aanvragerNaam : rng.pick(ACHTERNAMEN);
      person(partnerGeboren, rng.chance(0.9) ? !aanvragerVrouw : aanvragerVrouw, partnerNaam, 'TOESLAGPARTNER', partnerVanaf, null);
    } else {
      partnerVanaf = LAST_DAY;
    }
  }

  // A former partner who left.
  if (rng.chance(0.05) && vanaf < LAST_DAY - 400) {
    const exGeboren = birthday(rng, Math.max(18, age + rng.int(-6, 6)));
    const exVanaf = Math.max(vanaf, adultFrom(exGeboren));
    const exTot = Math.min(exVanaf + rng.int(180, 2500), partnerVanaf - 1, LAST_DAY - 30);
    if (exTot > exVanaf) person(exGeboren, rng.chance(0.5), rng.pick(ACHTERNAMEN), 'TOESLAGPARTNER', exVanaf, exTot);
  }

  // Kinderen (under 18). A UHT household had kinderopvangtoeslag in the 2010s, so a child born then.
  const kinderen: Kind[] = [];
  const aantal = role === 'UHT' ? Math.max(1, rng.choose(KINDEREN)) : age >= 20 && age <= 62 ? rng.choose(KINDEREN) : 0;
  for (let k = 0; k < aantal; k++) {
    const geboortedag =
      role === 'UHT' && k === 0 ? rng.int(day(`${uhtJaar! - 3}-01-01`), day(`${uhtJaar! - 1}-12-31`)) : birthday(rng, rng.int(0, Math.min(17, age - 19)));
    if (geboortedag > LAST_DAY) continue;
    kinderen.push({ geboortedag });
    const naam = partnerNaam && rng.chance(0.4) ? partnerNaam : aanvragerNaam;
    person(geboortedag, rng.chance(0.5), naam, 'KIND', Math.max(geboortedag, vanaf), null);
  }

  // Sometimes a medebewoner (a parent, an adult child, a lodger).
  if (rng.chance(0.04)) {
    const geboren = birthday(rng, rng.int(18, 90));
    const van = Math.max(rng.int(vanaf, LAST_DAY - 30), adultFrom(geboren));
    if (van <= LAST_DAY) person(geboren, rng.chance(0.5), rng.pick(ACHTERNAMEN), 'MEDEBEWONER', van, null);
  }

  return { role, gemeente, vanaf, partner: partnerNaam !== null, kinderen, uhtSinds, oudJaar, uhtJaar };
}

export function pickGemeente(rng: Rng): Gemeente {
  return rng.choose(GEMEENTE_KEUZE);
}
