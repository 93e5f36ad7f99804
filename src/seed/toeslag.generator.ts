import { CURRENT_YEAR, day, ds, jan1, LAST_DAY, monthStart, yearOfDay } from './calendar';
import type { HouseholdContext } from './chunk-rows';
import { money, NULL, stamp } from './copy-format';
import type { HouseholdPlan } from './household.generator';
import { weighted, type Rng } from './random';

type Soort = 'ZORGTOESLAG' | 'HUURTOESLAG' | 'KINDEROPVANGTOESLAG' | 'KINDGEBONDEN_BUDGET';

/** A terugvorderingsbeschikking written for this household: the origin of one schuld. */
export interface Terugvordering {
  toeslagId: string;
  beschikkingId: string;
  nummer: string;
  soort: Soort;
  jaar: number;
  dagtekening: number;
  /** terug_te_betalen in cents: betaalde voorschotten − definitive jaarbedrag. */
  bedrag: number;
  fraude: boolean;
}

/** Why a year must end in a recovery: a fraud case, an old (≤ 2016) debt, or a UHT herstel case. */
type Forced = 'FRAUDE' | 'OUD' | 'UHT' | null;

interface ToeslagJaar {
  soort: Soort;
  jaar: number;
  /** Calculated monthly voorschot at 100 %, in cents. */
  berekend: number;
  pct: number;
  /** First month of entitlement in this year (1 = January). */
  startMaand: number;
  forced: Forced;
  fraude: boolean;
}

/** The first recent year: toeslagen of 2023 up to the running 2026 are generated for every household. */
const FIRST_RECENT_YEAR = 2023;
const YEAR = 365.25;
const PCT_LAGER = [50, 60, 70, 75, 80, 90];

const OUDE_SOORT = weighted<Soort>([
  ['HUURTOESLAG', 45],
  ['ZORGTOESLAG', 35],
  ['KINDGEBONDEN_BUDGET', 10],
  ['KINDEROPVANGTOESLAG', 10],
]);

const SOORT_NAAM: Record<Soort, string> = {
  ZORGTOESLAG: 'zorgtoeslag',
  HUURTOESLAG: 'huurtoeslag',
  KINDEROPVANGTOESLAG: 'kinderopvangtoeslag',
  KINDGEBONDEN_BUDGET: 'kindgebonden budget',
};

const REDEN: Record<Soort, readonly string[]> = {
  ZORGTOESLAG: [
    'Uw inkomen over JAAR was hoger dan het inkomen waarmee het voorschot was berekend.',
    'U had in JAAR minder maanden recht op zorgtoeslag.',
  ],
  HUURTOESLAG: [
    'Uw gezamenlijke inkomen over JAAR was hoger dan opgegeven.',
    'Uw huur in JAAR was lager dan opgegeven.',
  ],
  KINDEROPVANGTOESLAG: [
    'De kinderopvangtoeslag over JAAR is lager vastgesteld: minder opvanguren dan opgegeven.',
    'De uurprijs van de opvang in JAAR was lager dan opgegeven.',
  ],
  KINDGEBONDEN_BUDGET: [
    'Uw inkomen over JAAR was hoger dan verwacht.',
    'Uw vermogen op 1 januari JAAR was hoger dan de vermogensgrens.',
  ],
};

/** Monthly voorschot at 100 % in cents for the household's base year. */
function baseAmount(rng: Rng, soort: Soort, plan: HouseholdPlan, kinderen: number): number {
  switch (soort) {
    case 'ZORGTOESLAG':
      return plan.partner ? rng.int(6000, 24000) : rng.int(2500, 12500);
    case 'HUURTOESLAG':
      return rng.int(4000, 42000);
    case 'KINDGEBONDEN_BUDGET':
      return rng.int(5000, 21000) + Math.max(0, kinderen - 1) * rng.int(4000, 8000);
    case 'KINDEROPVANGTOESLAG':
      return rng.int(20000, 160000);
  }
}

/** The calculated amount for a year: a few percent indexation per year and some noise, in cents. */
function forYear(rng: Rng, base: number, jaar: number): number {
  return Math.max(100, Math.round((base * (1000 + 35 * (jaar - FIRST_RECENT_YEAR)) * rng.int(95, 105)) / 100_000));
}

function pctFor(rng: Rng): number {
  return rng.chance(0.88) ? 100 : rng.pick(PCT_LAGER);
}

/** Picks the toeslagen and berekeningsjaren of a household. */
function planYears(rng: Rng, plan: HouseholdPlan): ToeslagJaar[] {
  const years: ToeslagJaar[] = [];
  const vanafJaar = yearOfDay(plan.vanaf);
  const vanafMaand = Number(ds(plan.vanaf).slice(5, 7));
  const windowStart = Math.max(FIRST_RECENT_YEAR, vanafJaar);
  const kinderen = plan.kinderen.length;
  const onder13 = plan.kinderen.filter((k) => k.geboortedag > LAST_DAY - 13 * YEAR);
  const oudsteKind = Math.min(...plan.kinderen.map((k) => yearOfDay(k.geboortedag)));
  const jongsteOnder13 = Math.max(...onder13.map((k) => yearOfDay(k.geboortedag)));

  const soorten: Soort[] = [];
  if (rng.chance(0.85)) soorten.push('ZORGTOESLAG');
  if (rng.chance(plan.partner ? 0.3 : 0.5)) soorten.push('HUURTOESLAG');
  if (kinderen > 0 && rng.chance(0.75)) soorten.push('KINDGEBONDEN_BUDGET');
  if (onder13.length > 0 && rng.chance(0.3)) soorten.push('KINDEROPVANGTOESLAG');
  if (plan.role === 'FRAUDE' && !soorten.includes('HUURTOESLAG') && !soorten.includes('KINDEROPVANGTOESLAG')) soorten.push('HUURTOESLAG');
  if (soorten.length === 0) soorten.push('ZORGTOESLAG');

  // A fraud case: voorschotten of a whole recent year without any right (definitive 0).
  const fraudeSoort = plan.role === 'FRAUDE' ? (soorten.includes('KINDEROPVANGTOESLAG') ? 'KINDEROPVANGTOESLAG' : 'HUURTOESLAG') : null;
  const fraudeJaar = plan.role === 'FRAUDE' ? rng.int(2023, 2024) : 0;

  for (const soort of soorten) {
    let start = rng.chance(0.75) ? windowStart : rng.int(windowStart, CURRENT_YEAR);
    let end = rng.chance(0.9) ? CURRENT_YEAR : rng.int(start, CURRENT_YEAR - 1);
    if (soort === 'KINDGEBONDEN_BUDGET') start = Math.max(start, oudsteKind);
    if (soort === 'KINDEROPVANGTOESLAG') start = Math.max(start, jongsteOnder13);
    if (soort === fraudeSoort) {
      start = windowStart;
      end = Math.max(end, fraudeJaar);
    }
    const base = baseAmount(rng, soort, plan, kinderen);
    const pct = pctFor(rng);
    for (let jaar = start; jaar <= end; jaar++) {
      let startMaand = 1;
      if (jaar === start && jaar > FIRST_RECENT_YEAR && rng.chance(0.3)) startMaand = rng.int(2, 12);
      if (jaar === vanafJaar) startMaand = Math.max(startMaand, ds(plan.vanaf).endsWith('-01') ? vanafMaand : vanafMaand + 1);
      if (startMaand > (jaar === CURRENT_YEAR ? 11 : 12)) continue;
      const forced: Forced = soort === fraudeSoort && jaar === fraudeJaar ? 'FRAUDE' : null;
      years.push({ soort, jaar, berekend: forYear(rng, base, jaar), pct: forced ? 100 : pct, startMaand, forced, fraude: forced !== null });
    }
  }

  // An old case: one or two years of 2011–2015, definitively decided (and recovered) by 2016.
  if (plan.oudJaar !== null) {
    const soort = kinderen > 0 ? rng.choose(OUDE_SOORT) : rng.chance(0.55) ? 'HUURTOESLAG' : 'ZORGTOESLAG';
    const fraude = rng.chance(0.3);
    const base = baseAmount(rng, soort, plan, Math.max(1, kinderen));
    const last = plan.oudJaar <= 2014 && rng.chance(0.3) ? plan.oudJaar + 1 : plan.oudJaar;
    for (let jaar = plan.oudJaar; jaar <= last; jaar++) {
      years.push({ soort, jaar, berekend: forYear(rng, base, jaar), pct: 100, startMaand: 1, forced: 'OUD', fraude });
    }
  }

  // A UHT herstel case: kinderopvangtoeslag in the 2010s, recovered in full or largely, often labelled fraud.
  if (plan.uhtJaar !== null) {
    const fraude = rng.chance(0.55);
    const base = rng.int(30000, 150000);
    const last = Math.min(2019, plan.uhtJaar + rng.int(0, 2));
    for (let jaar = plan.uhtJaar; jaar <= last; jaar++) {
      years.push({ soort: 'KINDEROPVANGTOESLAG', jaar, berekend: forYear(rng, base, jaar), pct: 100, startMaand: 1, forced: 'UHT', fraude });
    }
  }
  return years;
}

/** The window in which the definitive decision on `jaar` is dated, or null while it is still open. */
function definitiefWindow(rng: Rng, t: ToeslagJaar): [number, number] | null {
  const lo = day(`${t.jaar + 1}-03-01`);
  if (t.forced === 'OUD') return [lo, Math.min(day(`${t.jaar + 2}-10-31`), day('2016-12-15'))];
  if (t.jaar >= CURRENT_YEAR) return null;
  if (t.jaar === CURRENT_YEAR - 1 && !rng.chance(0.6)) return null;
  return [lo, Math.min(day(`${t.jaar + 2}-06-30`), LAST_DAY)];
}

/** The definitive jaarbedrag in cents. */
function definitiefBedrag(rng: Rng, t: ToeslagJaar, volledig: number): number {
  if (t.forced === 'FRAUDE') return 0;
  if (t.forced) return Math.floor((volledig * rng.int(0, 70)) / 100);
  const r = rng.float();
  if (r < 0.6) return volledig; // as expected
  if (r < 0.78) return Math.round((volledig * rng.int(101, 125)) / 100); // nabetaling
  if (r < 0.98) return Math.round((volledig * rng.int(40, 98)) / 100); // lower: usually a recovery
  return 0; // no right at all
}

/**
 * Writes the toeslagen and their beschikkingen: a VOORLOPIG for every year, a DEFINITIEF for
 * decided years (all up to 2024, most of 2025) and a TERUGVORDERING, with the same dagtekening,
 * when the voorschotten paid exceed the definitive amount. Returns the recoveries.
 */
export function generateToeslagen(ctx: HouseholdContext, rng: Rng, plan: HouseholdPlan): Terugvordering[] {
  const { rows, prefix, counters } = ctx;
  const recoveries: Terugvordering[] = [];
  const gedeeldeDagtekening = new Map<number, number>();
  const nummer = (code: string, jaar: number, n: number) => `${code}-${jaar}-${ctx.gemeentecode}-${String(n).padStart(8, '0')}`;

  for (const t of planYears(rng, plan)) {
    const toeslagId = rng.uuid(prefix);
    const maanden = 13 - t.startMaand;
    const voorschot = Math.floor((t.berekend * t.pct) / 100);
    const ingang = monthStart(t.jaar, t.startMaand);
    const vlDag = Math.max(t.startMaand === 1 ? jan1(t.jaar) - rng.int(10, 25) : ingang - rng.int(5, 25), plan.vanaf);
    rows.add(
      'beschikking',
      `${rng.uuid(prefix)}\t${stamp(ds(vlDag))}\t${stamp(ds(vlDag))}\t${ctx.id}\t${toeslagId}\tVOORLOPIG\t${nummer('VL', t.jaar, counters.nummer++)}\t${ds(vlDag)}\t${ds(ingang)}\t${money(t.berekend * maanden)}\t${money(voorschot)}\t${t.pct}\t${NULL}\t${NULL}\t${NULL}`,
    );

    let status = 'VOORLOPIG_TOEGEKEND';
    let laatste = vlDag;
    const window = definitiefWindow(rng, t);
    if (window) {
      const [lo, hi] = window;
      let dfDag = gedeeldeDagtekening.get(t.jaar);
      if (dfDag === undefined || dfDag < lo || dfDag > hi || !rng.chance(0.7)) {
        dfDag = rng.int(lo, hi);
        if (!gedeeldeDagtekening.has(t.jaar)) gedeeldeDagtekening.set(t.jaar, dfDag);
      }
      const betaald = voorschot * maanden;
      const definitief = definitiefBedrag(rng, t, t.berekend * maanden);
      const n = counters.nummer++;
      rows.add(
        'beschikking',
        `${rng.uuid(prefix)}\t${stamp(ds(dfDag))}\t${stamp(ds(dfDag))}\t${ctx.id}\t${toeslagId}\tDEFINITIEF\t${nummer('DF', t.jaar, n)}\t${ds(dfDag)}\t${NULL}\t${money(definitief)}\t${NULL}\t${NULL}\t${money(betaald)}\t${NULL}\t${NULL}`,
      );
      if (betaald > definitief) {
        const beschikkingId = rng.uuid(prefix);
        const tvNummer = nummer('TV', t.jaar, n);
        const reden = definitief === 0 ? `U had over ${t.jaar} geen recht op ${SOORT_NAAM[t.soort]}.` : rng.pick(REDEN[t.soort]).replace('JAAR', String(t.jaar));
        rows.add(
          'beschikking',
          `${beschikkingId}\t${stamp(ds(dfDag))}\t${stamp(ds(dfDag))}\t${ctx.id}\t${toeslagId}\tTERUGVORDERING\t${tvNummer}\t${ds(dfDag)}\t${NULL}\t${NULL}\t${NULL}\t${NULL}\t${money(betaald)}\t${money(betaald - definitief)}\t${reden}`,
        );
        recoveries.push({
          toeslagId,
          beschikkingId,
          nummer: tvNummer,
          soort: t.soort,
          jaar: t.jaar,
          dagtekening: dfDag,
          bedrag: betaald - definitief,
          fraude: t.fraude || rng.chance(0.01),
        });
      }
      status = 'DEFINITIEF_TOEGEKEND';
      laatste = dfDag;
    }
    rows.add(
      'toeslag',
      `${toeslagId}\t${stamp(ds(vlDag))}\t${stamp(ds(laatste))}\t${ctx.id}\t${t.soort}\t${t.jaar}\t${status}\t${money(t.berekend)}\t${money(voorschot)}\t${t.pct}\t1`,
    );
  }
  return recoveries;
}
