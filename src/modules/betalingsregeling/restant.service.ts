import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { traceFromHeader } from '../../shared/trace';
import { formatEuro } from '../../shared/format-nl';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';

export interface RestantOptions {
  datum: string;
  pseudonymise: Pseudonymiser;
  clock: Clock;
  /** Regelingen per batch (default 500); each batch is one transaction. */
  batchSize?: number;
}

export interface RestantResultaat {
  /** PERSOONLIJK regelingen completed (every termijn paid) whose remaining debt was remitted. */
  regelingen: number;
  /** Schulden set to KWIJTGESCHOLDEN. */
  schulden: number;
  /** The total remitted (principal + costs), two decimals. */
  bedrag: string;
}

const TERMINAL_SQL = TERMINAL_SCHULD_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The remainder of a persoonlijke betalingsregeling (Leidraad Invordering 2008 art. 79.8; seed 001:
 * "afhankelijk van de betalingscapaciteit [hoeft] een beperkt deel … terugbetaald te worden"): once
 * every termijn of a PERSOONLIJK regeling with a restantNaLooptijd is paid, what its schulden still
 * owe is remitted: each becomes KWIJTGESCHOLDEN (openstaand and kosten 0) with a KWIJTGESCHOLDEN event
 * (bron SYSTEEM), and the regeling VOLDAAN. A daily step of the invordering run: idempotent (a
 * remitted schuld is terminal, so a second run finds nothing), batched by regeling, each batch one
 * transaction under the schulden's optimistic versions, access-logged as SYSTEEM per household.
 */
export async function scheldRestantKwijt(em: EntityManager, o: RestantOptions): Promise<RestantResultaat> {
  const conn = em.getConnection();
  const result = { regelingen: 0, schulden: 0, bedrag: new Decimal(0) };
  const trace = traceFromHeader(undefined);
  const startedAt = o.clock.now();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const regelingen = await conn.execute<Array<{ id: string; household_id: string }>>(
      `select r.id, r.household_id from betalingsregeling r
        where r.soort = 'PERSOONLIJK' and r.status in ('ACTIEF', 'VOLDAAN') and r.restant_na_looptijd > 0 and r.id > ?
          and not exists (select 1 from termijn t where t.betalingsregeling_id = r.id and t.betaald_bedrag < t.bedrag)
          and exists (select 1 from betalingsregeling_schuld bs join schuld s on s.id = bs.schuld_id
                       where bs.betalingsregeling_id = r.id and s.status not in (${TERMINAL_SQL}) and s.openstaand_bedrag + s.kosten > 0)
        order by r.id limit ?`,
      [after, o.batchSize ?? 500],
    );
    if (regelingen.length === 0) break;
    after = regelingen[regelingen.length - 1].id;
    const ids = regelingen.map((r) => r.id);

    await em.transactional(async (tx) => {
      const c = tx.getConnection();
      const ctx = tx.getTransactionContext();
      // Remit in one statement: lock-free optimistic update of the schulden (version checked), their
      // events, and the regelingen of which a schuld was remitted.
      const rows = await c.execute<Array<{ household_id: string; regeling_id: string; bedrag: string }>>(
        `with doel as (
           select s.id, s.household_id, s.version, s.status, s.openstaand_bedrag + s.kosten as bedrag, bs.betalingsregeling_id as regeling_id
             from betalingsregeling_schuld bs join schuld s on s.id = bs.schuld_id
            where bs.betalingsregeling_id = any(array[?]::uuid[]) and s.status not in (${TERMINAL_SQL}) and s.openstaand_bedrag + s.kosten > 0
         ), upd as (
           update schuld s set openstaand_bedrag = 0, kosten = 0, status = 'KWIJTGESCHOLDEN', status_sinds = ?::date,
                  version = s.version + 1, updated_at = now()
             from doel where s.id = doel.id and s.version = doel.version
           returning s.id
         ), ev as (
           insert into schuld_event (household_id, schuld_id, datum, soort, van_status, naar_status, bedrag, reden, bron)
           select doel.household_id, doel.id, ?::date, 'KWIJTGESCHOLDEN', doel.status, 'KWIJTGESCHOLDEN', doel.bedrag,
                  'Persoonlijke betalingsregeling nagekomen: alle termijnen zijn betaald, het restant wordt kwijtgescholden.', 'SYSTEEM'
             from doel join upd on upd.id = doel.id
           returning schuld_id
         )
         select doel.household_id, doel.regeling_id, doel.bedrag::text from doel join upd on upd.id = doel.id`,
        [ids, o.datum, o.datum],
        'all',
        ctx,
      );
      if (rows.length === 0) return;
      const done = [...new Set(rows.map((r) => r.regeling_id))];
      await c.execute(
        `update betalingsregeling set status = 'VOLDAAN', version = version + 1, updated_at = now() where id = any(array[?]::uuid[]) and status <> 'VOLDAAN'`,
        [done],
        'run',
        ctx,
      );
      await insertSystemAccessLog(
        tx,
        o.pseudonymise,
        {
          trace,
          operationName: `invordering ${o.datum}: restant persoonlijke betalingsregeling kwijtgescholden`,
          subject: 'invordering',
          startedAt,
          endedAt: o.clock.now(),
          householdIds: rows.map((r) => r.household_id),
          resources: ['Betalingsregeling', 'Schuld', 'SchuldEvent'],
          activity: ProcessingActivityId.INVORDERING,
        },
        ctx,
      );
      result.regelingen += done.length;
      result.schulden += rows.length;
      for (const r of rows) result.bedrag = result.bedrag.plus(r.bedrag);
    });
  }
  return { regelingen: result.regelingen, schulden: result.schulden, bedrag: result.bedrag.toFixed(2) };
}

/** One line for the CLI. */
export function restantRegel(r: RestantResultaat): string {
  return r.regelingen ? `, restant kwijtgescholden: ${r.schulden} schulden in ${r.regelingen} persoonlijke regelingen (${formatEuro(new Decimal(r.bedrag))})` : '';
}
