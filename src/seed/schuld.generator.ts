import Decimal from 'decimal.js';
import { standaardTermijnen } from '../modules/betalingsregeling/betalingsregeling.rules';
import { firstOfNextMonth } from '../shared/dates';
import { day, ds, LAST_DAY, yearOfDay } from './calendar';
import type { HouseholdContext } from './chunk-rows';
import { money, NULL, stamp } from './copy-format';
import type { HouseholdPlan } from './household.generator';
import { weighted, type Rng } from './random';
import { BUITEN_INVORDERING_TM_JAAR, DOELMATIGHEIDSGRENS, SchuldLife } from './schuld-life';
import type { Terugvordering } from './toeslag.generator';

interface Item {
  id: string;
  tv: Terugvordering;
  life: SchuldLife;
}

/** What happens to a collectable schuld outside a regeling: paid on time, or the chain up to a step. */
type Pad = 'BETAALD' | 1 | 2 | 3;
const PAD = weighted<Pad>([
  ['BETAALD', 35],
  [1, 15],
  [2, 20],
  [3, 30],
]);
const PAD_OUD = weighted<Pad>([
  ['BETAALD', 20],
  [1, 15],
  [2, 25],
  [3, 40],
]);

/** Share of households with a collectable schuld that ask for a standaard betalingsregeling. */
const REGELING_KANS = 0.35;
/** Schulden whose dagtekeningen lie this close together can share one regeling. */
const REGELING_SPREIDING_DAGEN = 61;
const BUITEN_INVORDERING_VAN = day('2022-09-15');
const BUITEN_INVORDERING_TOT = day('2022-11-30');

/**
 * Writes one schuld per terugvorderingsbeschikking with its history, and at most one standaard
 * betalingsregeling per household covering one or more of its recent schulden.
 */
export function generateSchulden(ctx: HouseholdContext, rng: Rng, plan: HouseholdPlan, recoveries: Terugvordering[]): void {
  if (recoveries.length === 0) return;
  const items: Item[] = recoveries
    .map((tv, i) => ({ tv, i }))
    .sort((a, b) => a.tv.dagtekening - b.tv.dagtekening || a.i - b.i)
    .map(({ tv }) => ({ id: rng.uuid(ctx.prefix), tv, life: new SchuldLife(tv.dagtekening, tv.bedrag, tv.nummer) }));

  const oud = (it: Item) => yearOfDay(it.tv.dagtekening) <= BUITEN_INVORDERING_TM_JAAR;

  // A standaard regeling: never for UHT households (all collection is paused there), never for
  // amounts under the doelmatigheidsgrens or for schulden that are buiten invordering.
  let groep: Item[] = [];
  let aanvraag = 0;
  if (plan.uhtSinds === null) {
    const kandidaten = items.filter((it) => it.tv.bedrag > DOELMATIGHEIDSGRENS && !(oud(it) && !it.tv.fraude));
    if (kandidaten.length > 0 && rng.chance(REGELING_KANS)) {
      const anker = kandidaten[kandidaten.length - 1].tv.dagtekening;
      const g = kandidaten.filter((it) => it.tv.dagtekening >= anker - REGELING_SPREIDING_DAGEN).slice(-4);
      // Requested after the last dagtekening, and before any aanmaning (so no costs are involved).
      const lo = Math.max(...g.map((it) => it.tv.dagtekening)) + 3;
      const hi = Math.min(Math.min(...g.map((it) => it.life.vervaldatum)) + 20, LAST_DAY);
      if (lo <= hi) {
        groep = g;
        aanvraag = rng.int(lo, hi);
      }
    }
  }

  for (const it of items) {
    if (groep.includes(it)) {
      it.life.chain(1, aanvraag - 1);
      it.life.change(aanvraag, 'REGELING_GESTART', 'IN_BETALINGSREGELING', 'Standaard betalingsregeling aangevraagd', 'BURGER');
    } else {
      fate(rng, plan, it, oud(it));
    }
  }
  if (groep.length > 0) generateRegeling(ctx, rng, groep, aanvraag);

  const { rows, counters } = ctx;
  for (const { id, tv, life } of items) {
    rows.add(
      'schuld',
      `${id}\t${stamp(ds(tv.dagtekening))}\t${stamp(ds(life.lastDate))}\t${ctx.id}\t${tv.toeslagId}\t${tv.beschikkingId}\t${ds(tv.dagtekening)}\t${ds(life.vervaldatum)}\t${money(tv.bedrag)}\t${money(life.open)}\t${money(life.kosten)}\t${tv.fraude ? 't' : 'f'}\t${life.status}\t${ds(life.sinds)}\t${life.gepauzeerd ? 't' : 'f'}\t1`,
    );
    for (const e of life.events) {
      rows.add(
        'schuld_event',
        `${counters.event++}\t${ctx.id}\t${id}\t${ds(e.datum)}\t${e.soort}\t${e.van ?? NULL}\t${e.naar ?? NULL}\t${e.bedrag === null ? NULL : money(e.bedrag)}\t${e.reden}\t${e.bron}\t${stamp(ds(e.datum))}`,
      );
    }
  }
}

/** The history of a schuld outside a regeling, up to 21 November 2026. */
function fate(rng: Rng, plan: HouseholdPlan, it: Item, oud: boolean): void {
  const { life, tv } = it;
  const buiten = oud && !tv.fraude;
  const buitenDag = buiten ? rng.int(BUITEN_INVORDERING_VAN, BUITEN_INVORDERING_TOT) : Number.POSITIVE_INFINITY;
  const pauzeDag = plan.uhtSinds !== null ? Math.max(plan.uhtSinds, tv.dagtekening) : Number.POSITIVE_INFINITY;
  const horizon = Math.min(LAST_DAY, pauzeDag - 1, buitenDag - 1);

  if (tv.bedrag <= DOELMATIGHEIDSGRENS && !oud) {
    // At or below the doelmatigheidsgrens: not collected. Some pay anyway.
    if (rng.chance(0.45)) {
      const d = rng.int(tv.dagtekening + 5, life.vervaldatum + 30);
      if (d <= horizon) life.payAll(d);
    }
  } else {
    const pad = rng.choose(oud ? PAD_OUD : PAD);
    if (pad === 'BETAALD') {
      const d = rng.int(tv.dagtekening + 5, life.vervaldatum);
      if (d <= horizon) life.payAll(d);
    } else {
      const volgende = life.chain(pad, horizon);
      if (life.status !== 'OPEN') {
        const laatste = life.lastDate;
        const r = rng.float();
        if (r < 0.3) {
          const d = rng.int(laatste + 1, laatste + 60);
          if (d <= horizon) life.payAll(d);
        } else if (r < 0.55) {
          const hi = Math.min(volgende - 1, horizon, laatste + 90);
          const deel = Math.floor(((life.open + life.kosten) * rng.int(10, 60)) / 100);
          if (laatste + 1 <= hi && deel > 0) life.pay(rng.int(laatste + 1, hi), deel, 'Gedeeltelijke betaling ontvangen');
        }
      }
    }
  }

  if (buiten && !life.terminal && buitenDag <= LAST_DAY) {
    if (pauzeDag < buitenDag) life.pause(pauzeDag);
    life.change(buitenDag, 'BUITEN_INVORDERING', 'BUITEN_INVORDERING', 'Dagtekening 2016 of eerder: buiten invordering gesteld', 'SYSTEEM');
  } else if (!life.terminal && pauzeDag <= LAST_DAY) {
    life.pause(pauzeDag);
  }
}

/**
 * A standaard betalingsregeling (Leidraad Invordering 2008, art. 79.7) for the group, requested on
 * `aanvraag`, first termijn the first of the next month. Termijnen from `standaardTermijnen`; the
 * ones due by 21 November 2026 are paid (by most households), each payment booked on the
 * schulden in order of vervaldatum, so the paid termijnen equal the principal paid off.
 */
function generateRegeling(ctx: HouseholdContext, rng: Rng, groep: Item[], aanvraag: number): void {
  const { rows, prefix } = ctx;
  const id = rng.uuid(prefix);
  const totaal = groep.reduce((sum, it) => sum + it.life.open, 0);
  const startdatum = firstOfNextMonth(ds(aanvraag));
  const termijnen = standaardTermijnen(new Decimal(money(totaal)).toDecimalPlaces(2), startdatum).map((t) => ({
    volgnummer: t.volgnummer,
    vervaldatum: t.vervaldatum,
    bedrag: Number(t.bedrag.times(100).toFixed(0)),
  }));
  if (termijnen.reduce((s, t) => s + t.bedrag, 0) !== totaal) throw new Error('termijnen do not sum to the total');

  const laatsteDag = ds(LAST_DAY);
  const verschuldigd = termijnen.filter((t) => t.vervaldatum <= laatsteDag).length;
  const betaald = rng.chance(0.85) ? verschuldigd : rng.int(0, Math.max(0, verschuldigd - 1));

  const volgorde = [...groep].sort((a, b) => a.life.vervaldatum - b.life.vervaldatum);
  let s = 0;
  for (let k = 0; k < betaald; k++) {
    const d = day(termijnen[k].vervaldatum);
    let rest = termijnen[k].bedrag;
    while (rest > 0) {
      const life = volgorde[s].life;
      const deel = Math.min(rest, life.open);
      life.pay(d, deel, 'Termijn betalingsregeling ontvangen');
      rest -= deel;
      if (life.open === 0) s++;
    }
  }

  const status = betaald === termijnen.length ? 'VOLDAAN' : 'ACTIEF';
  const bijgewerkt = betaald > 0 ? termijnen[betaald - 1].vervaldatum : ds(aanvraag);
  rows.add(
    'betalingsregeling',
    `${id}\t${stamp(ds(aanvraag))}\t${stamp(bijgewerkt)}\t${ctx.id}\tSTANDAARD\t${status}\t${money(totaal)}\t${money(termijnen[0].bedrag)}\t${termijnen.length}\t${startdatum}\t1`,
  );
  for (const it of groep) rows.add('betalingsregeling_schuld', `${id}\t${it.id}`);
  termijnen.forEach((t, k) => {
    const paid = k < betaald;
    rows.add(
      'termijn',
      `${rng.uuid(prefix)}\t${stamp(ds(aanvraag))}\t${stamp(paid ? t.vervaldatum : ds(aanvraag))}\t${ctx.id}\t${id}\t${t.volgnummer}\t${t.vervaldatum}\t${money(t.bedrag)}\t${money(paid ? t.bedrag : 0)}\t${paid ? t.vervaldatum : NULL}`,
    );
  });
}
