import Decimal from 'decimal.js';
import { LockMode, type EntityName, type FilterQuery, type FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isValidBsn } from '../../shared/bsn';
import { formatEuro } from '../../shared/format-nl';
import { UserErrorCode } from '../../shared/user-error';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { regelingLinks } from '../betalingsregeling/betalingsregeling.loaders';
import { Termijn } from '../betalingsregeling/termijn.entity';
import type { Household } from '../household/household.entity';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { Betaling } from './betaling.entity';
import { toerekeningsvolgorde, verdeelBetaling } from './betaling.rules';

/**
 * The shared core of registerBetaling (GraphQL, through the HouseholdScope) and the bank-statement
 * import (CLI, as SYSTEEM): load and lock the target, check, allocate, write. `find` is the only way
 * it reads household rows, so the GraphQL path stays policy-filtered.
 */
export type Finder = <T extends object>(entity: EntityName<T>, where: FilterQuery<T>, options?: FindOptions<T, any>) => Promise<T[]>;

export interface BetalingInvoer {
  bedrag: Decimal;
  datum: string;
  bankReferentie: string;
  bron: string;
}

export interface Doel {
  household: Household;
  /** The arrangement the payment counts towards (given, or the ACTIEF one covering the schuld). */
  regeling: Betalingsregeling | null;
  /** The schuld the payment names (null when it names the regeling). */
  schuld: Schuld | null;
  /** Locked schulden to allocate over: the regeling's, or just the named schuld. */
  schulden: Schuld[];
  termijnen: Termijn[];
}

export type BoekResultaat =
  | { soort: 'GEBOEKT'; betaling: Betaling; rows: object[] }
  | { soort: 'AL_GEREGISTREERD'; betaling: Betaling }
  | { soort: 'GEWEIGERD'; errors: RuleError[] };

const LOCK = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

/**
 * Loads the target with row locks, always in the order regeling → schulden (id order), the order
 * every writer of an arrangement uses, so concurrent payments, the daily step and a betaalpauze
 * serialise instead of deadlocking. Returns null when the id is not found (through `find`).
 */
export async function laadDoel(em: EntityManager, find: Finder, target: { schuldId: string } | { regelingId: string }): Promise<Doel | null> {
  let regelingId: string | null = null;
  let schuld: Schuld | null = null;
  if ('schuldId' in target) {
    const [s] = await find(Schuld, { id: target.schuldId }, { populate: ['household'] });
    if (!s) return null;
    schuld = s;
    const links = await regelingLinks(em, 'schuld_id', [s.id]);
    if (links.length) {
      const actief = await find(Betalingsregeling, { id: { $in: links.map((l) => l.betalingsregeling_id) }, status: BetalingsregelingStatus.ACTIEF });
      regelingId = actief[0]?.id ?? null;
    }
  } else {
    regelingId = target.regelingId;
  }
  if (!regelingId) {
    const [locked] = await find(Schuld, { id: schuld!.id }, { ...LOCK, lockTableAliases: ['s0'] });
    return { household: locked.household, regeling: null, schuld: locked, schulden: [locked], termijnen: [] };
  }
  const [regeling] = await find(Betalingsregeling, { id: regelingId }, { ...LOCK, lockTableAliases: ['b0'], populate: ['household'] });
  if (!regeling) return null;
  const links = await regelingLinks(em, 'betalingsregeling_id', [regeling.id]);
  const schulden = await find(Schuld, { id: { $in: links.map((l) => l.schuld_id) } }, { ...LOCK, lockTableAliases: ['s0'], orderBy: { id: 'asc' } });
  const termijnen = await find(Termijn, { betalingsregeling: regeling.id }, { orderBy: { volgnummer: 'asc' }, refresh: true });
  if (schuld) schuld = schulden.find((s) => s.id === schuld!.id) ?? schuld;
  return { household: regeling.household, regeling, schuld, schulden, termijnen };
}

const teBetalen = (s: Schuld) => s.openstaandBedrag.plus(s.kosten);

/** Input checks that need no data (BETALING_ONGELDIG). */
export function checkInvoer(i: BetalingInvoer, today: string): RuleError[] {
  const errors: RuleError[] = [];
  if (!i.bedrag.isFinite() || i.bedrag.lte(0) || i.bedrag.decimalPlaces() > 2) {
    errors.push({ code: UserErrorCode.BETALING_ONGELDIG, field: ['input', 'bedrag'], message: 'Het bedrag moet groter dan 0 zijn, in centen.' });
  }
  if (i.datum > today) errors.push({ code: UserErrorCode.BETALING_ONGELDIG, field: ['input', 'datum'], message: 'Een betaling kan niet in de toekomst zijn ontvangen.' });
  const ref = i.bankReferentie.trim();
  if (ref.length === 0 || ref.length > 64 || [...ref.matchAll(/(?<!\d)\d{9}(?!\d)/g)].some((m) => isValidBsn(m[0]))) {
    errors.push({ code: UserErrorCode.BETALING_ONGELDIG, field: ['input', 'bankReferentie'], message: 'De bankreferentie is 1 tot 64 tekens en bevat geen BSN.' });
  }
  return errors;
}

/**
 * Books one payment on a locked target. Idempotent by bankReferentie: the same bank
 * transaction for the same target, amount and date is returned as AL_GEREGISTREERD and nothing is
 * written; a bankReferentie already used otherwise is refused. Allocation: see verdeelBetaling
 * (costs before principal per schuld; the named schuld first, then oldest vervaldatum; termijnen
 * oldest first). A schuld with nothing left becomes VOLDAAN (events BETALING and VOLDAAN); a regeling
 * whose schulden are all paid becomes VOLDAAN. An overpayment is kept on the payment as `overschot`
 * (a credit to refund), never refused: the money has been received.
 * Returns the rows to stage; the caller persists them and flushes in its transaction.
 */
export async function boekBetaling(em: EntityManager, doel: Doel, i: BetalingInvoer): Promise<BoekResultaat> {
  const bankReferentie = i.bankReferentie.trim();
  const [bestaand] = await em.find(Betaling, { bankReferentie }, { refresh: true });
  if (bestaand) {
    // The same request: same named target (schuld or regeling), amount and date.
    const genoemd = (s: { id: string } | null | undefined, r: { id: string } | null | undefined) => (s ? `S:${s.id}` : `R:${r?.id}`);
    const zelfde =
      genoemd(bestaand.schuld, bestaand.betalingsregeling) === genoemd(doel.schuld, doel.regeling) && bestaand.bedrag.eq(i.bedrag) && bestaand.datum === i.datum;
    if (zelfde) return { soort: 'AL_GEREGISTREERD', betaling: bestaand };
    return {
      soort: 'GEWEIGERD',
      errors: [{ code: UserErrorCode.BANKREFERENTIE_IN_GEBRUIK, field: ['input', 'bankReferentie'], message: 'Deze bankreferentie is al gebruikt voor een andere betaling.' }],
    };
  }

  if (doel.regeling && doel.regeling.status !== BetalingsregelingStatus.ACTIEF) {
    return { soort: 'GEWEIGERD', errors: [{ code: UserErrorCode.REGELING_NIET_ACTIEF, field: ['input', 'betalingsregelingId'], message: 'Deze betalingsregeling loopt niet meer.' }] };
  }
  if (!doel.regeling && doel.schuld) {
    const s = doel.schuld;
    if (s.status === SchuldStatus.BUITEN_INVORDERING) {
      return { soort: 'GEWEIGERD', errors: [{ code: UserErrorCode.SCHULD_BUITEN_INVORDERING, field: ['input', 'schuldId'], message: 'Deze schuld wordt niet ingevorderd.' }] };
    }
    if (TERMINAL_SCHULD_STATUSES.includes(s.status) || teBetalen(s).lte(0)) {
      return { soort: 'GEWEIGERD', errors: [{ code: UserErrorCode.SCHULD_AL_BETAALD, field: ['input', 'schuldId'], message: 'Deze schuld is al betaald of kwijtgescholden.' }] };
    }
  }

  const open = doel.schulden.filter((s) => !TERMINAL_SCHULD_STATUSES.includes(s.status) && teBetalen(s).gt(0));
  const volgorde = toerekeningsvolgorde(
    open.map((s) => ({ id: s.id, vervaldatum: s.vervaldatum, kosten: s.kosten, hoofdsom: s.openstaandBedrag, schuld: s })),
    doel.schuld?.id ?? null,
  );
  const verdeling = verdeelBetaling(i.bedrag, volgorde, doel.termijnen);
  const rows: object[] = [];
  const byId = new Map(open.map((s) => [s.id, s]));
  for (const deel of verdeling.schulden) {
    const s = byId.get(deel.id)!;
    s.kosten = s.kosten.minus(deel.kosten);
    s.openstaandBedrag = s.openstaandBedrag.minus(deel.hoofdsom);
    const betaald = deel.kosten.plus(deel.hoofdsom);
    rows.push(
      s,
      em.create(
        SchuldEvent,
        {
          household: doel.household,
          schuld: s,
          datum: i.datum,
          soort: SchuldEventSoort.BETALING,
          bedrag: betaald,
          reden: `Betaling ontvangen: ${formatEuro(deel.kosten)} op de kosten, ${formatEuro(deel.hoofdsom)} op de hoofdsom; nog te betalen ${formatEuro(teBetalen(s))}.`,
          bron: i.bron,
        },
        { persist: false },
      ),
    );
    if (teBetalen(s).lte(0)) {
      const vanStatus = s.status;
      s.status = SchuldStatus.VOLDAAN;
      s.statusSinds = i.datum;
      rows.push(
        em.create(
          SchuldEvent,
          { household: doel.household, schuld: s, datum: i.datum, soort: SchuldEventSoort.VOLDAAN, vanStatus, naarStatus: SchuldStatus.VOLDAAN, reden: 'Volledig betaald', bron: i.bron },
          { persist: false },
        ),
      );
    }
  }
  const termijnen = new Map(doel.termijnen.map((t) => [t.volgnummer, t]));
  for (const deel of verdeling.termijnen) {
    const t = termijnen.get(deel.volgnummer)!;
    t.betaaldBedrag = t.betaaldBedrag.plus(deel.bedrag);
    if (t.betaaldBedrag.gte(t.bedrag)) t.betaaldOp = i.datum;
    rows.push(t);
  }
  if (doel.regeling && doel.schulden.every((s) => TERMINAL_SCHULD_STATUSES.includes(s.status) || teBetalen(s).lte(0))) {
    doel.regeling.status = BetalingsregelingStatus.VOLDAAN;
    doel.regeling.afgeslotenOp = i.datum;
    doel.regeling.herinnerdOp = null;
    rows.push(doel.regeling);
  }
  const betaling = em.create(
    Betaling,
    {
      household: doel.household,
      bankReferentie,
      datum: i.datum,
      bedrag: i.bedrag,
      schuld: doel.schuld,
      betalingsregeling: doel.regeling,
      toegerekend: verdeling.toegerekend,
      overschot: verdeling.overschot,
      toerekening: {
        schulden: verdeling.schulden.map((d) => ({ schuldId: d.id, kosten: d.kosten.toFixed(2), hoofdsom: d.hoofdsom.toFixed(2) })),
        termijnen: verdeling.termijnen.map((d) => ({ volgnummer: d.volgnummer, bedrag: d.bedrag.toFixed(2) })),
      },
      bron: i.bron,
    },
    { persist: false },
  );
  rows.push(betaling);
  return { soort: 'GEBOEKT', betaling, rows };
}
