import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../auth/actor';
import type { TraceContext } from '../../server/trace';
import type { AccessRecorder } from './access-recorder';
import type { Pseudonymiser } from './pseudonym';

export interface AccessLogWrite {
  recorder: AccessRecorder;
  actor: Actor;
  trace: TraceContext;
  operationName: string;
  startedAt: Date;
  endedAt: Date;
  status: 'OK' | 'ERROR';
}

function actorSubject(actor: Actor, pseudonymise: Pseudonymiser): { subject: string; organisation: string | null } {
  switch (actor.role) {
    case Role.BURGER:
      return { subject: pseudonymise(actor.bsn), organisation: null };
    case Role.INTERMEDIAIR:
      return { subject: actor.employeeId, organisation: actor.organisationId };
    case Role.GEMEENTE:
      return { subject: actor.subject, organisation: actor.gemeentecode };
    case Role.KOO:
      return { subject: actor.subject, organisation: actor.organisationId };
    case Role.MEDEWERKER:
      return { subject: actor.employeeId, organisation: null };
  }
}

/**
 * Writes one access-log row per touched household, all in one INSERT. The data subject is the
 * household's current aanvrager, pseudonymised here with the keyed HMAC; the BSN itself is never
 * stored in the log or written to any log output.
 */
export async function writeAccessLog(em: EntityManager, pseudonymise: Pseudonymiser, w: AccessLogWrite): Promise<void> {
  const entries = w.recorder.entries();
  if (entries.length === 0) return;
  const conn = em.getConnection();
  const ids = entries.map(([id]) => id);
  const subjects = new Map<string, string>();
  const rows: Array<{ household_id: string; bsn: string }> = await conn.execute(
    `select hm.household_id, p.bsn from household_member hm join person p on p.id = hm.person_id
      where hm.household_id = any(array[?]::uuid[]) and hm.rol = 'AANVRAGER' and hm.tot is null`,
    [ids],
  );
  for (const r of rows) subjects.set(r.household_id, pseudonymise(r.bsn));

  const { subject, organisation } = actorSubject(w.actor, pseudonymise);
  const values: unknown[] = [];
  const tuples = entries.map(([householdId, t]) => {
    values.push(
      w.trace.traceId,
      w.trace.spanId,
      w.trace.parentSpanId,
      w.operationName,
      t.write ? 'write' : 'read',
      [...t.resources].sort(),
      t.activity,
      householdId,
      subjects.get(householdId) ?? null,
      w.actor.role,
      subject,
      organisation,
      t.onBehalfOfMachtigingId,
      w.startedAt,
      w.endedAt,
      w.status,
    );
    return '(?, ?, ?, ?, ?, array[?]::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  });
  await conn.execute(
    `insert into access_log_entry (trace_id, span_id, parent_span_id, operation_name, operation_type, resources,
       processing_activity_id, household_id, data_subject, actor_role, actor_subject, actor_organisation,
       on_behalf_of_machtiging_id, started_at, ended_at, status)
     values ${tuples.join(', ')}`,
    values,
  );
}
