import type { EntityManager } from '@mikro-orm/postgresql';
import type { Transaction } from '@mikro-orm/core';
import { Role, type Actor } from '../../auth/actor';
import type { TraceContext } from '../../shared/trace';
import type { AccessRecorder } from './access-recorder';
import type { Pseudonymiser } from './pseudonym';
import { queryRows } from '../../data/raw-query';
import { GroupCommit, type GroupCommitOptions } from '../../data/group-commit';

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
 * One access-log row as it is written: every column a value, except the "on whose behalf" of an
 * intermediary organisation, which the INSERT looks up itself (`viaOrganisation`).
 */
export interface AccessLogTuple {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  operationName: string;
  operationType: 'read' | 'write';
  resources: string[];
  activity: string;
  householdId: string;
  dataSubject: string | null;
  actorRole: string;
  actorSubject: string;
  actorOrganisation: string | null;
  onBehalfOfMachtigingId: string | null;
  /** An intermediary organisation whose active machtiging for the household is "on whose behalf" (when no id is given). */
  viaOrganisation: string | null;
  startedAt: Date;
  endedAt: Date;
  status: 'OK' | 'ERROR';
}

/**
 * The rows of one processing, one per household (plus one lookup of the aanvragers' BSNs the caller
 * did not know, pseudonymised here with the keyed HMAC: the BSN itself is never stored or logged).
 */
export async function accessLogTuples(
  em: EntityManager,
  pseudonymise: Pseudonymiser,
  p: AccessLogProcessing,
  rows: readonly AccessLogRow[],
  tx?: Transaction,
  hints: InsertHints = {},
): Promise<AccessLogTuple[]> {
  if (rows.length === 0) return [];
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
  return rows.map((r) => ({
    traceId: p.trace.traceId,
    spanId: p.trace.spanId,
    parentSpanId: p.trace.parentSpanId ?? null,
    operationName: p.operationName,
    operationType: r.write ? 'write' : 'read',
    resources: [...r.resources].sort(),
    activity: r.activity,
    householdId: r.householdId,
    dataSubject: subjects.get(r.householdId) ?? null,
    actorRole: p.actor.role,
    actorSubject: p.actor.subject,
    actorOrganisation: p.actor.organisation,
    onBehalfOfMachtigingId: r.onBehalfOfMachtigingId,
    viaOrganisation: r.onBehalfOfMachtigingId ? null : (hints.onBehalfOfOrganisation ?? null),
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    status: p.status,
  }));
}

/**
 * One INSERT for any number of rows, of any number of processings: the columns travel as arrays
 * (one fixed statement text, prepared once per connection, no limit on bind parameters). The
 * machtiging under which an organisation reached a household (HANDELEN before INZIEN) is looked up
 * in the statement itself.
 */
const INSERT_TUPLES = `insert into access_log_entry (trace_id, span_id, parent_span_id, operation_name, operation_type, resources,
    processing_activity_id, household_id, data_subject, actor_role, actor_subject, actor_organisation,
    on_behalf_of_machtiging_id, started_at, ended_at, status)
  select u.trace_id, u.span_id, u.parent_span_id, u.operation_name, u.operation_type,
         array(select jsonb_array_elements_text(u.resources::jsonb)),
         u.activity, u.household_id, u.data_subject, u.actor_role, u.actor_subject, u.actor_organisation,
         coalesce(u.machtiging_id, (select m.id from machtiging m
           where m.organisation_id = u.via_organisation and m.household_id = u.household_id and m.status = 'ACTIEF'
           order by (m.scope = 'HANDELEN') desc, m.geldig_tot desc limit 1)),
         u.started_at, u.ended_at, u.status
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[],
                $10::text[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::text[])
      as u(trace_id, span_id, parent_span_id, operation_name, operation_type, resources, activity, household_id, data_subject,
           actor_role, actor_subject, actor_organisation, machtiging_id, via_organisation, started_at, ended_at, status)`;

/** Writes the tuples in one statement (in `tx` when given). */
export async function insertAccessLogTuples(em: EntityManager, tuples: readonly AccessLogTuple[], tx?: Transaction): Promise<void> {
  if (tuples.length === 0) return;
  const col = <K extends keyof AccessLogTuple>(k: K) => tuples.map((t) => t[k]);
  await queryRows(
    em,
    INSERT_TUPLES,
    [
      col('traceId'),
      col('spanId'),
      col('parentSpanId'),
      col('operationName'),
      col('operationType'),
      tuples.map((t) => JSON.stringify(t.resources)),
      col('activity'),
      col('householdId'),
      col('dataSubject'),
      col('actorRole'),
      col('actorSubject'),
      col('actorOrganisation'),
      col('onBehalfOfMachtigingId'),
      col('viaOrganisation'),
      col('startedAt'),
      col('endedAt'),
      col('status'),
    ],
    tx,
  );
}

/**
 * Writes one access-log row per household, all in one INSERT. Pass `tx` to write inside the
 * transaction that changed the data.
 */
export async function insertAccessLog(
  em: EntityManager,
  pseudonymise: Pseudonymiser,
  p: AccessLogProcessing,
  rows: readonly AccessLogRow[],
  tx?: Transaction,
  hints: InsertHints = {},
): Promise<void> {
  await insertAccessLogTuples(em, await accessLogTuples(em, pseudonymise, p, rows, tx, hints), tx);
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

/** What the caller already knows, so insertAccessLog needs fewer statements. */
export interface InsertHints {
  /** Aanvrager BSNs read along with the households (householdId → BSN, null: none); the rest is looked up. */
  aanvragers?: ReadonlyMap<string, string | null>;
  /** An intermediary organisation: rows without a machtiging id get the organisation's machtiging, looked up in the INSERT. */
  onBehalfOfOrganisation?: string;
}

/**
 * The access log of the API's requests. Each request's rows are built (and their missing data
 * subjects looked up) on their own, then written by a group commit: the rows of requests that end
 * while another request's rows are being written go out together in the next INSERT. Every request
 * still waits until its own rows are committed before its response leaves (see accessLogPlugin).
 */
export class AccessLogWriter {
  private readonly commit: GroupCommit<AccessLogTuple[], void>;

  constructor(
    private readonly em: () => EntityManager,
    private readonly pseudonymise: Pseudonymiser,
    options: GroupCommitOptions = {},
  ) {
    this.commit = new GroupCommit<AccessLogTuple[], void>(async (batches) => {
      await insertAccessLogTuples(this.em(), batches.flat());
      return batches.map((): void => undefined);
    }, options);
  }

  /** Every household the request's HouseholdScope recorded; resolves once the rows are committed. */
  async write(w: AccessLogWrite): Promise<void> {
    const rows = w.recorder.entries().map(([householdId, t]) => ({
      householdId,
      resources: [...t.resources],
      write: t.write,
      activity: t.activity,
      onBehalfOfMachtigingId: t.onBehalfOfMachtigingId,
    }));
    const pseudonymise = this.pseudonymise;
    const tuples = await accessLogTuples(
      this.em(),
      pseudonymise,
      { trace: w.trace, operationName: w.operationName, actor: loggedActor(w.actor, pseudonymise), startedAt: w.startedAt, endedAt: w.endedAt, status: w.status },
      rows,
      undefined,
      {
        aanvragers: w.recorder.knownAanvragers(),
        onBehalfOfOrganisation: w.actor.role === Role.INTERMEDIAIR ? w.actor.organisationId : undefined,
      },
    );
    if (tuples.length > 0) await this.commit.submit(tuples);
  }
}

/**
 * The request's processing as the access log describes it: who, in which trace, under which
 * operation, since when. A mutation's transaction uses it to write its rows before COMMIT.
 */
export interface RequestProcessing {
  actor: Actor | null;
  trace: TraceContext;
  /** The operation's name (set once the document is parsed). */
  operationName: string;
  startedAt: Date;
  /** The request's clock's `now`, as the rows' end. */
  now(): Date;
  pseudonymise: Pseudonymiser;
}

/**
 * Writes what `recorder` collected so far inside `em`'s open transaction, one row per household, so
 * the change and its log commit (or roll back) together. Returns the hand-over of the recorder:
 * call `committed` after COMMIT and `restore` after a rollback.
 */
export async function writeRecordedWithin(
  em: EntityManager,
  processing: RequestProcessing,
  recorder: AccessRecorder,
): Promise<ReturnType<AccessRecorder['take']>> {
  const handoff = recorder.take();
  const actor = processing.actor;
  if (!actor || handoff.entries.length === 0) return handoff;
  try {
    await insertAccessLog(
      em,
      processing.pseudonymise,
      {
        trace: processing.trace,
        operationName: processing.operationName,
        actor: loggedActor(actor, processing.pseudonymise),
        startedAt: processing.startedAt,
        endedAt: processing.now(),
        status: 'OK',
      },
      handoff.entries.map(([householdId, t]) => ({
        householdId,
        resources: [...t.resources],
        write: t.write,
        activity: t.activity,
        onBehalfOfMachtigingId: t.onBehalfOfMachtigingId,
      })),
      em.getTransactionContext(),
      {
        aanvragers: recorder.knownAanvragers(),
        onBehalfOfOrganisation: actor.role === Role.INTERMEDIAIR ? actor.organisationId : undefined,
      },
    );
  } catch (err) {
    handoff.restore();
    throw err;
  }
  return handoff;
}

/** A write by a command or the daily engine (actor SYSTEEM) to the given households. */
export interface SystemAccessLogWrite {
  trace: TraceContext;
  operationName: string;
  /** Which command or engine step (actor subject), e.g. `invordering`. */
  subject: string;
  startedAt: Date;
  endedAt: Date;
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
    { trace: w.trace, operationName: w.operationName, actor: { role: 'SYSTEEM', subject: w.subject, organisation: null }, startedAt: w.startedAt, endedAt: w.endedAt, status: 'OK' },
    [...new Set(w.householdIds)].map((householdId) => ({ householdId, resources: w.resources, write: true, activity: w.activity, onBehalfOfMachtigingId: null })),
    tx,
  );
}
