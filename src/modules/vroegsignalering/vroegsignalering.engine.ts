import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { traceFromHeader } from '../../shared/trace';
import { isIsoDate } from '../../shared/scalars';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import { TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { VroegsignaalBeeindiging } from './vroegsignalering.enums';
import { beoordeel, bewaargrens, signaalActie, vlaggen, type HouseholdStand } from './vroegsignalering.rules';

/** A run that cannot be done; the message is meant for the operator. */
export class VroegsignaleringError extends Error {}

/**
 * THE paid-up-arrangement predicate of vroegsignalering, as one SQL fragment: the household has an
 * ACTIEF betalingsregeling of which every termijn that fell due before `datum` is paid in full (the
 * semantics of isBijOpDatum in betalingsregeling.rules.ts). Kept in one place on purpose: the
 * arrangement rules (betaalpauze, a missed termijn shifting the arrangement) are being extended in
 * parallel and this is the single spot to align with them.
 *
 * @param household SQL expression for the household id (e.g. `h.id`)
 * @param datum SQL expression for the date (e.g. a `?::date` placeholder)
 */
export function actieveBijRegelingSql(household: string, datum: string): string {
  return `exists (select 1 from betalingsregeling r
            where r.household_id = ${household} and r.status = 'ACTIEF'
              and not exists (select 1 from termijn t
                               where t.betalingsregeling_id = r.id and t.vervaldatum < ${datum} and t.betaald_bedrag < t.bedrag))`;
}

/** Schuld states "unpaid after an aanmaning": AANGEMAAND or beyond, not terminal. */
const NA_AANMANING_SQL = `('AANGEMAAND', 'DWANGBEVEL')`;
const TERMINAL_SQL = `(${TERMINAL_SCHULD_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Any fixed 64-bit key: the transaction-level advisory lock that serializes numbering the feed. */
const FEED_LOCK = 6_170_000_001;

export interface VroegsignaleringOptions {
  /** The run date, YYYY-MM-DD. */
  datum: string;
  pseudonymise: Pseudonymiser;
  clock: Clock;
  /** Households per batch (default 1000); each batch is one transaction. */
  batchSize?: number;
}

export interface VroegsignaleringResultaat {
  datum: string;
  /** Households looked at (with arrears after an aanmaning, or with an open signal). */
  onderzocht: number;
  /** Signals opened (including those for a household's new gemeente after a move). */
  geopend: number;
  /** Signals ended, per reason. */
  beeindigd: Partial<Record<VroegsignaalBeeindiging, number>>;
}

interface KandidaatRow {
  household_id: string;
  gemeentecode: string;
  uht_geregistreerd: boolean;
  gepauzeerd: boolean;
  bij_met_regeling: boolean;
  achterstand: string;
  ontstaansdatum: string | null;
  dwangbevel: boolean;
  begeleiding_open: boolean;
  neemt_deel: boolean;
  open_id: string | null;
  open_gemeentecode: string | null;
}

/**
 * The daily vroegsignalering step (domain.md §4), called once from runInvordering after the
 * collection steps (so a schuld that got its aanmaning today is signalled today). Per household with
 * arrears after an aanmaning, or with an open signal: opens a signal for its gemeente when it
 * qualifies (vroegsignalering.rules beoordeel: threshold from the norms table, not paused, no active
 * paid-up arrangement, gemeente participating on the date), ends the open one when it no longer does,
 * and after a move ends the old signal and opens one for the new gemeente only when it still
 * qualifies there. At most one open signal per household (also a partial unique index).
 *
 * Idempotent per date: a second run finds the state it left. Batches of whole households, one
 * transaction each, access-logged as SYSTEEM (one row per household whose signals changed). New
 * signals are numbered into the gemeente feed afterwards (publishVroegsignalen).
 */
export async function createVroegsignalen(em: EntityManager, o: VroegsignaleringOptions): Promise<VroegsignaleringResultaat> {
  if (!isIsoDate(o.datum)) throw new VroegsignaleringError(`the date must be a calendar date YYYY-MM-DD, got "${o.datum}"`);
  const norms = await loadNorms(em);
  const drempel = norms.amount(NormCode.VROEGSIGNAAL_DREMPEL, o.datum);
  const crisisdrempel = norms.amount(NormCode.VROEGSIGNAAL_CRISISDREMPEL, o.datum);
  const conn = em.getConnection();
  const trace = traceFromHeader(undefined);
  const startedAt = o.clock.now();
  const result: VroegsignaleringResultaat = { datum: o.datum, onderzocht: 0, geopend: 0, beeindigd: {} };
  const batchSize = o.batchSize ?? 1000;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await conn.execute<KandidaatRow[]>(
      `with kandidaat as (
         select household_id from schuld where status in ${NA_AANMANING_SQL} and household_id > ?
          union
         select household_id from vroegsignaal where beeindigd_op is null and household_id > ?
          order by 1 limit ?
       ), achterstallig as (
         select s.household_id, sum(s.openstaand_bedrag + s.kosten) as achterstand, min(s.vervaldatum) as ontstaansdatum,
                bool_or(s.status = 'DWANGBEVEL') as dwangbevel
           from schuld s join kandidaat k on k.household_id = s.household_id
          where s.status in ${NA_AANMANING_SQL} and not s.gepauzeerd
          group by s.household_id
       )
       select h.id as household_id, h.gemeentecode, h.uht_geregistreerd,
              exists (select 1 from schuld s where s.household_id = h.id and s.gepauzeerd and s.status not in ${TERMINAL_SQL}) as gepauzeerd,
              ${actieveBijRegelingSql('h.id', '?::date')} as bij_met_regeling,
              coalesce(a.achterstand, 0)::text as achterstand, a.ontstaansdatum::text as ontstaansdatum, coalesce(a.dwangbevel, false) as dwangbevel,
              exists (select 1 from zaak z where z.household_id = h.id and z.soort = 'PERSOONLIJKE_BEGELEIDING'
                         and z.status in ('NIEUW', 'IN_BEHANDELING')) as begeleiding_open,
              exists (select 1 from vroegsignalering_deelname d where d.gemeentecode = h.gemeentecode
                         and d.vanaf <= ?::date and ?::date < d.tot) as neemt_deel,
              o.id as open_id, o.gemeentecode as open_gemeentecode
         from kandidaat k join household h on h.id = k.household_id
         left join achterstallig a on a.household_id = h.id
         left join vroegsignaal o on o.household_id = h.id and o.beeindigd_op is null
        order by h.id`,
      [after, after, batchSize, o.datum, o.datum, o.datum],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].household_id;
    result.onderzocht += rows.length;

    const sluiten: Array<{ id: string; household_id: string; reden: VroegsignaalBeeindiging }> = [];
    const openen: Array<{ household_id: string; ontstaansdatum: string; achterstand: string; crisis: boolean; warm: boolean }> = [];
    for (const row of rows) {
      const stand: HouseholdStand = {
        gemeentecode: row.gemeentecode,
        uht: row.uht_geregistreerd,
        gepauzeerd: row.gepauzeerd,
        bijMetRegeling: row.bij_met_regeling,
        achterstand: new Decimal(row.achterstand),
        gemeenteNeemtDeel: row.neemt_deel,
      };
      const beoordeling = beoordeel(stand, drempel);
      const open = row.open_id ? { gemeentecode: row.open_gemeentecode! } : null;
      const actie = signaalActie(open, stand, beoordeling);
      if (actie.soort === 'SLUITEN' || actie.soort === 'VERHUIZEN') {
        sluiten.push({ id: row.open_id!, household_id: row.household_id, reden: actie.soort === 'SLUITEN' ? actie.reden : VroegsignaalBeeindiging.VERHUISD });
      }
      if (actie.soort === 'OPENEN' || actie.soort === 'VERHUIZEN') {
        const v = vlaggen({ dwangbevel: row.dwangbevel, achterstand: stand.achterstand, crisisdrempel, begeleidingOpen: row.begeleiding_open });
        openen.push({
          household_id: row.household_id,
          ontstaansdatum: row.ontstaansdatum!,
          achterstand: stand.achterstand.toFixed(2),
          crisis: v.crisissignaal,
          warm: v.warmeOverdracht,
        });
      }
    }
    if (sluiten.length || openen.length) {
      const applied = await applyBatch(em, o, sluiten, openen, trace, startedAt);
      result.geopend += applied.geopend;
      for (const [reden, n] of Object.entries(applied.beeindigd)) {
        const r = reden as VroegsignaalBeeindiging;
        result.beeindigd[r] = (result.beeindigd[r] ?? 0) + n;
      }
    }
  }
  await publishVroegsignalen(em);
  return result;
}

/** Ends and opens the signals of one batch, with the access log, in one transaction. */
async function applyBatch(
  em: EntityManager,
  o: VroegsignaleringOptions,
  sluiten: Array<{ id: string; household_id: string; reden: VroegsignaalBeeindiging }>,
  openen: Array<{ household_id: string; ontstaansdatum: string; achterstand: string; crisis: boolean; warm: boolean }>,
  trace: ReturnType<typeof traceFromHeader>,
  startedAt: Date,
): Promise<{ geopend: number; beeindigd: Record<string, number> }> {
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    // Ends first, so a move can open the new gemeente's signal under the one-open-per-household index.
    const closed = sluiten.length
      ? await conn.execute<Array<{ household_id: string; reden: string }>>(
          `update vroegsignaal v set beeindigd_op = ?::date, beeindigingsreden = x.reden, updated_at = now()
             from jsonb_to_recordset(?::jsonb) as x(id uuid, reden text)
            where v.id = x.id and v.beeindigd_op is null
           returning v.household_id, v.beeindigingsreden as reden`,
          [o.datum, JSON.stringify(sluiten)],
          'all',
          ctx,
        )
      : [];
    // The contact copy: the aanvrager's names, the toeslagpartner's name, the address, and phone and
    // e-mail when known (the aanvrager's, else the partner's). Nothing else of the household.
    const opened = openen.length
      ? await conn.execute<Array<{ household_id: string }>>(
          `insert into vroegsignaal (id, household_id, gemeentecode, signaaldatum, ontstaansdatum, bedrag_achterstand,
             crisissignaal, warme_overdracht, voornamen, tussenvoegsel, achternaam, partner_naam, straat, huisnummer,
             huisnummertoevoeging, postcode, woonplaats, telefoonnummer, email, status)
           select gen_random_uuid(), h.id, h.gemeentecode, ?::date, x.ontstaansdatum, x.achterstand, x.crisis, x.warm,
                  a.voornamen, a.tussenvoegsel, a.achternaam,
                  case when p.id is null then null else concat_ws(' ', p.voornamen, p.tussenvoegsel, p.achternaam) end,
                  h.adres_straat, h.adres_huisnummer, h.adres_huisnummertoevoeging, h.adres_postcode, h.adres_woonplaats,
                  coalesce(a.telefoonnummer, p.telefoonnummer), coalesce(a.email, p.email), 'NIEUW'
             from jsonb_to_recordset(?::jsonb) as x(household_id uuid, ontstaansdatum date, achterstand numeric, crisis boolean, warm boolean)
             join household h on h.id = x.household_id
             left join lateral (select pa.* from household_member m join person pa on pa.id = m.person_id
                                 where m.household_id = h.id and m.rol = 'AANVRAGER' and m.tot is null order by m.vanaf limit 1) a on true
             left join lateral (select pp.* from household_member m join person pp on pp.id = m.person_id
                                 where m.household_id = h.id and m.rol = 'TOESLAGPARTNER' and m.tot is null order by m.vanaf limit 1) p on true
           on conflict (household_id) where beeindigd_op is null do nothing
           returning household_id`,
          [o.datum, JSON.stringify(openen)],
          'all',
          ctx,
        )
      : [];
    const households = [...new Set([...closed.map((c) => c.household_id), ...opened.map((r) => r.household_id)])];
    await insertSystemAccessLog(
      tx,
      o.pseudonymise,
      { trace, operationName: `vroegsignalering ${o.datum}`, subject: 'vroegsignalering', startedAt, endedAt: o.clock.now(), householdIds: households, resources: ['Vroegsignaal'], activity: ProcessingActivityId.VROEGSIGNALERING },
      ctx,
    );
    const beeindigd: Record<string, number> = {};
    for (const c of closed) beeindigd[c.reden] = (beeindigd[c.reden] ?? 0) + 1;
    return { geopend: opened.length, beeindigd };
  });
}

/**
 * Numbers the committed, not yet numbered signals into the gemeente feed, in one serialized step:
 * under a transaction-level advisory lock, each new signal gets max(volgnummer) + 1, + 2, ... and the
 * numbers become visible when this transaction commits, all at once. Because only one numbering
 * transaction runs at a time and each starts after the previous one committed, the committed numbers
 * are always a gap-free prefix: a reader that has seen number n will never later see a new number
 * ≤ n. A plain bigserial does not give that (a transaction that took number 7 can commit after one
 * that took 8, and a poller that read 8 would skip 7 forever). See docs/adr/0019-vroegsignalering.md.
 *
 * `wait: false` (the pollers) skips when another numbering runs; rows it did not see are numbered by
 * the next one, so nothing is lost, at most delayed. Returns how many signals were numbered.
 */
export async function publishVroegsignalen(em: EntityManager, o: { wait?: boolean } = {}): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    if (o.wait ?? true) {
      await conn.execute('select pg_advisory_xact_lock(?)', [FEED_LOCK], 'all', ctx);
    } else {
      const [{ ok }] = await conn.execute<Array<{ ok: boolean }>>('select pg_try_advisory_xact_lock(?) as ok', [FEED_LOCK], 'all', ctx);
      if (!ok) return 0;
    }
    // A new statement, so its snapshot includes every numbering committed before the lock was granted.
    const numbered = await conn.execute<Array<{ id: string }>>(
      `with basis as (select coalesce(max(volgnummer), 0) as m from vroegsignaal),
            nieuw as (select id, row_number() over (order by created_at, id) as rn from vroegsignaal where volgnummer is null)
       update vroegsignaal v set volgnummer = basis.m + nieuw.rn from basis, nieuw where v.id = nieuw.id
       returning v.id`,
      [],
      'all',
      ctx,
    );
    return numbered.length;
  });
}

export interface RetentieResultaat {
  datum: string;
  /** Signals whose signaaldatum is before this date were erased. */
  grens: string;
  gewist: number;
}

/**
 * Retention (domain.md §4): erases the personal fields of every signal older than the retention
 * period (norm VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN on the date; vroegsignalering.rules bewaargrens):
 * the contact copy, the amount, the gemeente's note and the link to the household. What stays is
 * anonymous: gemeente, dates, status, outcome and flags, for the statistics. An open signal is ended
 * too (a household still in arrears gets a fresh signal from the next daily run). Batched, each
 * batch one transaction with its access-log rows (SYSTEEM, write). Running it again changes nothing.
 */
export async function eraseExpiredVroegsignalen(
  em: EntityManager,
  o: { datum: string; pseudonymise: Pseudonymiser; clock: Clock; batchSize?: number },
): Promise<RetentieResultaat> {
  if (!isIsoDate(o.datum)) throw new VroegsignaleringError(`--date must be a calendar date YYYY-MM-DD, got "${o.datum}"`);
  const norms = await loadNorms(em);
  const grens = bewaargrens(o.datum, norms.number(NormCode.VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN, o.datum));
  const trace = traceFromHeader(undefined);
  const startedAt = o.clock.now();
  let gewist = 0;
  for (;;) {
    const n = await em.fork().transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const erased = await conn.execute<Array<{ household_id: string }>>(
        `with batch as (
           select id, household_id from vroegsignaal where gewist_op is null and signaaldatum < ?::date
            order by signaaldatum, id limit ? for update skip locked
         )
         update vroegsignaal v set household_id = null, bedrag_achterstand = null, voornamen = null, tussenvoegsel = null,
                achternaam = null, partner_naam = null, straat = null, huisnummer = null, huisnummertoevoeging = null,
                postcode = null, woonplaats = null, telefoonnummer = null, email = null, notitie = null,
                gewist_op = ?::date, beeindigd_op = coalesce(v.beeindigd_op, ?::date),
                beeindigingsreden = coalesce(v.beeindigingsreden, ?), updated_at = now()
           from batch where v.id = batch.id
         returning batch.household_id`,
        [grens, o.batchSize ?? 1000, o.datum, o.datum, VroegsignaalBeeindiging.BEWAARTERMIJN_VERSTREKEN],
        'all',
        ctx,
      );
      const households = [...new Set(erased.map((e) => e.household_id).filter((id): id is string => id !== null))];
      await insertSystemAccessLog(
        tx,
        o.pseudonymise,
        { trace, operationName: `vroegsignalering retentie ${o.datum}`, subject: 'vroegsignalering-retentie', startedAt, endedAt: o.clock.now(), householdIds: households, resources: ['Vroegsignaal'], activity: ProcessingActivityId.VROEGSIGNALERING },
        ctx,
      );
      return erased.length;
    });
    gewist += n;
    if (n === 0) break;
  }
  return { datum: o.datum, grens, gewist };
}
