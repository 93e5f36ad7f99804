import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { traceFromHeader } from '../../shared/trace';
import { isIsoDate } from '../../shared/scalars';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { scheldRestantKwijt, type RestantResultaat } from '../betalingsregeling/restant.service';
import { runKinderopvang, type KinderopvangRunResultaat } from '../kinderopvang/mutatie.service';
import { loadNorms } from '../norms/norms';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { volgendeActie, type InvorderingActie, type SchuldStand } from './invordering.rules';
import { createVroegsignalen, type VroegsignaleringResultaat } from '../vroegsignalering/vroegsignalering.engine';
import { runBetalingStappen, type BetalingStappenResultaat } from '../betaling/dagelijks.service';

/** A run that cannot be done; the message is meant for the operator. */
export class InvorderingError extends Error {}

export interface InvorderingOptions {
  /** The run date, YYYY-MM-DD: the engine acts as of this day. */
  datum: string;
  pseudonymise: Pseudonymiser;
  /** Where the engine learns today and now. */
  clock: Clock;
  /**
   * Allow a run date after today (a test, or a replay of a planned scenario). Without it such a date is
   * refused: a run in the future would book reminders and costs that have not fallen due.
   */
  allowFutureDate?: boolean;
  /** Households per batch (default 1000); each batch is one transaction. */
  batchSize?: number;
  onProgress?: (onderzocht: number) => void;
}

export interface InvorderingResultaat {
  datum: string;
  /** Schulden not in a terminal state that were looked at. */
  onderzocht: number;
  /** Changes per kind, e.g. { HERINNERING: 3, AANMANING: 1 }. */
  acties: Record<string, number>;
  /** Changes skipped because the schuld changed concurrently (optimistic lock); picked up next run. */
  overgeslagen: number;
  /** Schulden whose rules could not be evaluated (e.g. a norm missing for their date); the run goes on. */
  fouten: Array<{ schuldId: string; melding: string }>;
  /** Vroegsignalering step: signals opened and ended for participating gemeenten. */
  vroegsignalering?: VroegsignaleringResultaat;
  /** Missed termijnen, verrekening (runBetalingStappen). */
  betalingsregelingen?: BetalingStappenResultaat;
  /** Remainders of completed persoonlijke betalingsregelingen remitted (betalingsregeling/restant.service.ts). */
  restant?: RestantResultaat;
  /** The kinderopvang step: mutatievoorstellen and payments to KOOs. */
  kinderopvang?: KinderopvangRunResultaat;
}

interface CandidateRow {
  id: string;
  household_id: string;
  version: number;
  status: SchuldStatus;
  status_sinds: string;
  dagtekening: string;
  vervaldatum: string;
  oorspronkelijk_bedrag: string;
  openstaand_bedrag: string;
  kosten: string;
  fraude: boolean;
  gepauzeerd: boolean;
  berekeningsjaar: number;
  uht_geregistreerd: boolean;
  in_regeling: boolean;
}

const TERMINAL_SQL = TERMINAL_SCHULD_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The daily collection engine (domain.md §3): advances every schuld as of `datum` by at most one
 * step (rules in invordering.rules.ts, terms from the versioned norms table), writes every change to
 * the schuld's history and the access log, batch by batch. Running it twice for the same date
 * changes nothing the second time; a date before the latest run is refused, so history never runs
 * backwards. An interrupted run is completed by running the same date again.
 */
export async function runInvordering(em: EntityManager, o: InvorderingOptions): Promise<InvorderingResultaat> {
  if (!isIsoDate(o.datum)) throw new InvorderingError(`--date must be a calendar date YYYY-MM-DD, got "${o.datum}"`);
  const today = o.clock.today();
  if (o.datum > today && !o.allowFutureDate) {
    throw new InvorderingError(
      `the run date ${o.datum} is after today (${today}): the engine acts only on days that have come; ` +
        'a replay of a planned scenario must say so explicitly (--allow-future-date)',
    );
  }
  const conn = em.getConnection();
  const [{ laatste }] = await conn.execute<Array<{ laatste: string | null }>>('select max(datum)::text as laatste from invordering_run');
  if (laatste && o.datum < laatste) {
    throw new InvorderingError(`a run for ${laatste} has already happened; runs cannot go back to ${o.datum}`);
  }
  const norms = await loadNorms(em);
  const startedAt = o.clock.now();
  await conn.execute(`insert into invordering_run (datum, gestart_op, resultaat) values (?, ?, '{}'::jsonb) on conflict (datum) do nothing`, [o.datum, startedAt]);
  const trace = traceFromHeader(undefined);

  const result: InvorderingResultaat = { datum: o.datum, onderzocht: 0, acties: {}, overgeslagen: 0, fouten: [] };
  const batchSize = o.batchSize ?? 1000;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Batches of whole households, so each household gets one access-log row per run.
    const rows = await conn.execute<CandidateRow[]>(
      `with hh as (
         select distinct household_id from schuld
          where status not in (${TERMINAL_SQL}) and household_id > ?
          order by household_id limit ?
       )
       select s.id, s.household_id, s.version, s.status, s.status_sinds::text, s.dagtekening::text, s.vervaldatum::text,
              s.oorspronkelijk_bedrag::text, s.openstaand_bedrag::text, s.kosten::text, s.fraude, s.gepauzeerd,
              t.berekeningsjaar, h.uht_geregistreerd,
              exists (select 1 from betalingsregeling_schuld bs join betalingsregeling r on r.id = bs.betalingsregeling_id
                       where bs.schuld_id = s.id and r.status = 'ACTIEF') as in_regeling
         from hh join schuld s on s.household_id = hh.household_id
         join toeslag t on t.id = s.toeslag_id join household h on h.id = s.household_id
        where s.status not in (${TERMINAL_SQL})
        order by s.household_id, s.id`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].household_id;
    result.onderzocht += rows.length;

    const changes = rows.flatMap((row) => {
      try {
        const actie = volgendeActie(toStand(row), o.datum, norms);
        return actie ? [toChange(row, actie, o.datum)] : [];
      } catch (err) {
        // One schuld with bad data or a gap in the norms must not stop the collection of all others.
        result.fouten.push({ schuldId: row.id, melding: err instanceof Error ? err.message : String(err) });
        return [];
      }
    });
    if (changes.length > 0) {
      const applied = await applyBatch(em, o, changes, trace, startedAt);
      for (const c of changes) if (applied.has(c.id)) result.acties[c.soort] = (result.acties[c.soort] ?? 0) + 1;
      result.overgeslagen += changes.length - applied.size;
    }
    o.onProgress?.(result.onderzocht);
  }

  // After the chain: kinderopvang (mutatievoorstellen take effect on the voorschot, payments to KOOs)
  // first, so set-offs see this month's voorschot; then arrangements (missed termijnen, betaalpauze,
  // verrekening; then the remainder of completed persoonlijke regelingen is remitted); then the
  // signals, which depend on both (an ended arrangement or a shifted termijn changes who is paid up).
  // The run is marked done (klaar_op) only after every step.
  result.kinderopvang = await runKinderopvang(em, { datum: o.datum, pseudonymise: o.pseudonymise, clock: o.clock });
  result.betalingsregelingen = await runBetalingStappen(em, { datum: o.datum, pseudonymise: o.pseudonymise, clock: o.clock });
  result.restant = await scheldRestantKwijt(em, { datum: o.datum, pseudonymise: o.pseudonymise, clock: o.clock });
  result.vroegsignalering = await createVroegsignalen(em, { datum: o.datum, pseudonymise: o.pseudonymise, clock: o.clock, batchSize });

  await em.transactional(async (tx) => {
    const c = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const [run] = await c.execute<Array<{ resultaat: Record<string, number> }>>('select resultaat from invordering_run where datum = ? for update', [o.datum], 'all', ctx);
    const total = { ...run.resultaat };
    for (const [k, n] of Object.entries(result.acties)) total[k] = (total[k] ?? 0) + n;
    await c.execute('update invordering_run set klaar_op = ?, resultaat = ?::jsonb where datum = ?', [o.clock.now(), JSON.stringify(total), o.datum], 'run', ctx);
  });
  return result;
}

function toStand(r: CandidateRow): SchuldStand {
  return {
    status: r.status,
    statusSinds: r.status_sinds,
    dagtekening: r.dagtekening,
    vervaldatum: r.vervaldatum,
    berekeningsjaar: r.berekeningsjaar,
    oorspronkelijkBedrag: new Decimal(r.oorspronkelijk_bedrag),
    openstaandBedrag: new Decimal(r.openstaand_bedrag),
    kosten: new Decimal(r.kosten),
    fraude: r.fraude,
    gepauzeerd: r.gepauzeerd,
    householdUht: r.uht_geregistreerd,
    inActieveRegeling: r.in_regeling,
  };
}

interface Change {
  id: string;
  household_id: string;
  version: number;
  status: SchuldStatus;
  status_sinds: string;
  kosten: string;
  gepauzeerd: boolean;
  soort: SchuldEventSoort;
  van_status: SchuldStatus;
  naar_status: SchuldStatus | null;
  bedrag: string | null;
  reden: string;
}

function toChange(r: CandidateRow, a: InvorderingActie, datum: string): Change {
  const restart = a.naarStatus !== null || a.soort === SchuldEventSoort.HERVAT;
  return {
    id: r.id,
    household_id: r.household_id,
    version: r.version,
    status: a.naarStatus ?? r.status,
    status_sinds: restart ? datum : r.status_sinds,
    kosten: new Decimal(r.kosten).plus(a.kosten).toFixed(2),
    gepauzeerd: a.gepauzeerd ?? r.gepauzeerd,
    soort: a.soort,
    van_status: r.status,
    naar_status: a.naarStatus,
    bedrag: a.kosten.isZero() ? null : a.kosten.toFixed(2),
    reden: a.reden,
  };
}

/**
 * Applies one batch atomically: the schuld updates (guarded by their optimistic version), their
 * history events, and one access-log row per household, all in one transaction. Returns the ids of
 * the schulden that were changed.
 */
async function applyBatch(
  em: EntityManager,
  o: InvorderingOptions,
  changes: Change[],
  trace: ReturnType<typeof traceFromHeader>,
  startedAt: Date,
): Promise<Set<string>> {
  return em.transactional(async (tx) => {
    const ctx = tx.getTransactionContext();
    const applied = await tx.getConnection().execute<Array<{ schuld_id: string; household_id: string }>>(
      `with v as (
         select * from jsonb_to_recordset(?::jsonb) as v(id uuid, household_id uuid, version int, status text, status_sinds date,
           kosten numeric, gepauzeerd boolean, soort text, van_status text, naar_status text, bedrag numeric, reden text)
       ), upd as (
         update schuld s set status = v.status, status_sinds = v.status_sinds, kosten = v.kosten, gepauzeerd = v.gepauzeerd,
                version = s.version + 1, updated_at = now()
           from v where s.id = v.id and s.version = v.version
         returning s.id
       )
       insert into schuld_event (household_id, schuld_id, datum, soort, van_status, naar_status, bedrag, reden, bron)
       select v.household_id, v.id, ?::date, v.soort, v.van_status, v.naar_status, v.bedrag, v.reden, 'INVORDERING'
         from v join upd on upd.id = v.id
       returning schuld_id, household_id`,
      [JSON.stringify(changes), o.datum],
      'all',
      ctx,
    );
    await insertSystemAccessLog(
      tx,
      o.pseudonymise,
      { trace, operationName: `invordering ${o.datum}`, subject: 'invordering', startedAt, endedAt: o.clock.now(), householdIds: applied.map((a) => a.household_id), resources: ['Schuld'], activity: ProcessingActivityId.INVORDERING },
      ctx,
    );
    return new Set(applied.map((a) => a.schuld_id));
  });
}
