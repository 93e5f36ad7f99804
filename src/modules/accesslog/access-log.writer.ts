import type { EntityManager } from '@mikro-orm/postgresql';
import type { Transaction } from '@mikro-orm/core';
import { Role, type Actor } from '../../auth/actor';
import type { TraceContext } from '../../server/trace';
import type { AccessRecorder } from './access-recorder';
import type { Pseudonymiser } from './pseudonym';
import { Params, queryRows } from '../../db/raw-query';

/** Who processed the data, as stored: never a BSN (a citizen is stored as the HMAC of theirs). */
export interface LoggedActor {
  role: string;
  subject: string;
  organisation: string | null;
}

/** One household touched by one processing. */
export interface AccessLogRow {
  householdId: string;
  resources: string[];
  write: boolean;
  activity: string;
  onBehalfOfMachtigingId: string | null;
}

export interface AccessLogProcessing {
  trace: TraceContext;
  operationName: string;
  actor: LoggedActor;
  startedAt: Date;
  endedAt: Date;
  status: 'OK' | 'ERROR';
}

export function loggedActor(actor: Actor, pseudonymise: Pseudonymiser): LoggedActor {
  switch (actor.role) {
    case Role.BURGER:
      return { role: actor.role, subject: pseudonymise(actor.bsn), organisation: null };
    case Role.INTERMEDIAIR:
      return { role: actor.role, subject: actor.employeeId, organisation: actor.organisationId };
    case Role.GEMEENTE:
      return { role: actor.role, subject: actor.subject, organisation: actor.gemeentecode };
    case Role.KOO:
      return { role: actor.role, subject: actor.subject, organisation: actor.organisationId };
    case Role.MEDEWERKER:
      return { role: actor.role, subject: actor.employeeId, organisation: null };
  }
}

/**
 * Writes one access-log row per household, all in one INSERT (plus one lookup of the aanvragers'
 * BSNs, pseudonymised here with the keyed HMAC: the BSN itself is never stored or logged).
 * Pass `tx` to write inside the transaction that changed the data.
 */
export async function insertAccessLog(
  em: EntityManager,
  pseudonymise: Pseudonymiser,
  p: AccessLogProcessing,
  rows: readonly AccessLogRow[],
  tx?: Transaction,
  hints: InsertHints = {},
): Promise<void> {
  if (rows.length === 0) return;
  const subjects = new Map<string, string>();
  const known = hints.aanvragers ?? new Map<string, string | null>();
  for (const [householdId, bsn] of known) if (bsn) subjects.set(householdId, pseudonymise(bsn));
  const ids = rows.map((r) => r.householdId).filter((id) => !known.has(id));
  if (ids.length > 0) {
    const aanvragers = await queryRows<{ household_id: string; bsn: string }>(
      em,
      `select hm.household_id, p.bsn from household_member hm join person p on p.id = hm.person_id
        where hm.household_id = any($1::uuid[]) and hm.rol = 'AANVRAGER' and hm.tot is null`,
      [ids],
      tx,
    );
    for (const r of aanvragers) subjects.set(r.household_id, pseudonymise(r.bsn));
  }

  const params = new Params();
  const tuples = rows.map((r) => {
    const p1 = [
      params.p(p.trace.traceId),
      params.p(p.trace.spanId),
      params.p(p.trace.parentSpanId),
      params.p(p.operationName),
      params.p(r.write ? 'write' : 'read'),
      params.p([...r.resources].sort(), 'text[]'),
      params.p(r.activity),
      params.p(r.householdId, 'uuid'),
      params.p(subjects.get(r.householdId) ?? null),
      params.p(p.actor.role),
      params.p(p.actor.subject),
      params.p(p.actor.organisation),
    ];
    // The machtiging under which the organisation reached the household, looked up in the INSERT itself.
    const onBehalfOf =
      r.onBehalfOfMachtigingId || !hints.onBehalfOfOrganisation
        ? params.p(r.onBehalfOfMachtigingId, 'uuid')
        : `(${machtigingOfOrganisationSql(params.p(hints.onBehalfOfOrganisation), params.p(r.householdId, 'uuid'))})`;
    const p2 = [params.p(p.startedAt, 'timestamptz'), params.p(p.endedAt, 'timestamptz'), params.p(p.status)];
    return `(${[...p1, onBehalfOf, ...p2].join(', ')})`;
  });
  await queryRows(
    em,
    `insert into access_log_entry (trace_id, span_id, parent_span_id, operation_name, operation_type, resources,
       processing_activity_id, household_id, data_subject, actor_role, actor_subject, actor_organisation,
       on_behalf_of_machtiging_id, started_at, ended_at, status)
     values ${tuples.join(', ')}`,
    params.values,
    tx,
  );
}

export interface AccessLogWrite {
  recorder: AccessRecorder;
  actor: Actor;
  trace: TraceContext;
  operationName: string;
  startedAt: Date;
  endedAt: Date;
  status: 'OK' | 'ERROR';
}

/**
 * The machtiging under which an intermediary organisation reached a household (the active one,
 * HANDELEN before INZIEN): "on whose behalf" in the access log, given the placeholders of the
 * organisation and the household.
 */
const machtigingOfOrganisationSql = (organisation: string, household: string) => `select m.id from machtiging m
  where m.organisation_id = ${organisation} and m.household_id = ${household} and m.status = 'ACTIEF'
  order by (m.scope = 'HANDELEN') desc, m.geldig_tot desc limit 1`;

/** What the caller already knows, so insertAccessLog needs fewer statements. */
export interface InsertHints {
  /** Aanvrager BSNs read along with the households (householdId → BSN, null: none); the rest is looked up. */
  aanvragers?: ReadonlyMap<string, string | null>;
  /** An intermediary organisation: rows without a machtiging id get the organisation's machtiging, looked up in the INSERT. */
  onBehalfOfOrganisation?: string;
}

/** The access log of one API request: every household the HouseholdScope recorded. */
export async function writeAccessLog(em: EntityManager, pseudonymise: Pseudonymiser, w: AccessLogWrite): Promise<void> {
  const rows = w.recorder.entries().map(([householdId, t]) => ({
    householdId,
    resources: [...t.resources],
    write: t.write,
    activity: t.activity,
    onBehalfOfMachtigingId: t.onBehalfOfMachtigingId,
  }));
  await insertAccessLog(
    em,
    pseudonymise,
    { trace: w.trace, operationName: w.operationName, actor: loggedActor(w.actor, pseudonymise), startedAt: w.startedAt, endedAt: w.endedAt, status: w.status },
    rows,
    undefined,
    {
      aanvragers: w.recorder.knownAanvragers(),
      onBehalfOfOrganisation: w.actor.role === Role.INTERMEDIAIR ? w.actor.organisationId : undefined,
    },
  );
}

/** A write by a command or the daily engine (actor SYSTEEM) to the given households. */
export interface SystemAccessLogWrite {
  trace: TraceContext;
  operationName: string;
  /** Which command or engine step (actor subject), e.g. `invordering`. */
  subject: string;
  startedAt: Date;
  householdIds: Iterable<string>;
  resources: string[];
  /** The processing activity (ProcessingActivityId). */
  activity: string;
}

/**
 * The access log of a SYSTEEM write: one row per household (duplicates collapsed), written within
 * `tx`, the transaction that changed the data, so the log and the change commit together.
 */
export async function insertSystemAccessLog(em: EntityManager, pseudonymise: Pseudonymiser, w: SystemAccessLogWrite, tx?: Transaction): Promise<void> {
  await insertAccessLog(
    em,
    pseudonymise,
    { trace: w.trace, operationName: w.operationName, actor: { role: 'SYSTEEM', subject: w.subject, organisation: null }, startedAt: w.startedAt, endedAt: new Date(), status: 'OK' },
    [...new Set(w.householdIds)].map((householdId) => ({ householdId, resources: w.resources, write: true, activity: w.activity, onBehalfOfMachtigingId: null })),
    tx,
  );
}
