import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException, type Transaction } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Client as PgClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { actorLogSubject } from '../../auth/actor';
import { requireActor, type RequestContext } from '../context';
import { decodeCursor, encodeCursor, type Page } from '../../shared/connection';
import { badInput, forbidden } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import { loadNorms } from '../norms/norms';
import { LeveringStatus } from './kinderopvang.enums';
import {
  beoordeelRecord,
  checkLeveringNormen,
  checkLeveringPeriode,
  compileRecordCheck,
  fixed2,
  MAX_CHUNKS,
  MAX_RECORDS_PER_CHUNK,
  type RecordContext,
  type RecordFout,
  type RecordInvoer,
  type RuleError,
} from './kinderopvang.rules';
import { requireKoo, type KooContext } from './koo-access';
import { KooLevering, KooLeveringChunk } from './levering.entity';
import { parseRecordsNdjson, type NdjsonResult } from './records-ndjson';

export interface IndexedRecordFout extends RecordFout {
  /** Position in the delivery (0-based). */
  index: number;
}

export interface LeveringResult {
  levering: KooLevering | null;
  recordFouten: IndexedRecordFout[];
  userErrors: RuleError[];
}

const refused = (e: RuleError, recordFouten: IndexedRecordFout[] = []): LeveringResult => ({ levering: null, recordFouten, userErrors: [e] });

/** SHA-256 of the canonical JSON of a delivery's content (idempotency: same key, same content). */
function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const canonical = (r: RecordInvoer) => [
  r.periode, r.lrkNummer, r.soortOpvang, r.kindBsn ?? null, r.kindNaam, r.kindGeboortedatum ?? null, r.ouderBsn, r.partnerBsn ?? null,
  r.uren, fixed2(r.uurprijs), fixed2(r.factuurbedrag), r.contracteinddatum ?? null,
];

interface Beoordeeld {
  /**
   * The valid records as lines of COPY text for koo_staging_record, each without its first column
   * (levering_id, prefixed when staged).
   */
  rows: string[];
  fouten: IndexedRecordFout[];
  /** Records with at least one error. */
  ongeldig: number;
  bovenMax: number;
}

/** COPY text format: NULL is \N; a backslash, tab, newline or carriage return in a value is escaped. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyText(v: string | null | undefined): string {
  if (v == null) return '\\N';
  return COPY_SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (m) => copyEscapes[m]) : v;
}

/**
 * Validates records and shapes the valid ones for the staging table, in one pass: a record passing
 * the chunk's compiled check (compileRecordCheck) is staged at once; any other gets beoordeelRecord's
 * exact errors (or is staged after all, if beoordeelRecord finds none).
 */
function beoordeel(records: RecordInvoer[], offset: number, c: RecordContext): Beoordeeld {
  const out: Beoordeeld = { rows: [], fouten: [], ongeldig: 0, bovenMax: 0 };
  const check = compileRecordCheck(c);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    let g = check(r);
    if (!g) {
      const b = beoordeelRecord(r, c);
      if (b.fouten.length > 0) {
        out.ongeldig++;
        for (const f of b.fouten) out.fouten.push({ ...f, index: offset + i });
        continue;
      }
      g = { uren: b.uren!.toFixed(2), uurprijs: fixed2(r.uurprijs), factuurbedrag: fixed2(r.factuurbedrag), bovenMaxUurprijs: b.bovenMaxUurprijs };
    }
    if (g.bovenMaxUurprijs) out.bovenMax++;
    out.rows.push(
      `${offset + i}\t${copyText(r.periode)}\t${copyText(r.lrkNummer)}\t${copyText(r.soortOpvang)}\t${copyText(r.kindBsn || null)}\t` +
        `${copyText(r.kindNaam.trim())}\t${copyText(r.kindGeboortedatum)}\t${copyText(r.ouderBsn)}\t${copyText(r.partnerBsn || null)}\t` +
        `${g.uren}\t${g.uurprijs}\t${g.factuurbedrag}\t${copyText(r.contracteinddatum)}\t${g.bovenMaxUurprijs ? 't' : 'f'}\n`,
    );
  }
  return out;
}

const STAGING_COLUMNS =
  'levering_id, idx, periode, lrk_nummer, soort_opvang, kind_bsn, kind_naam, kind_geboortedatum, ouder_bsn, partner_bsn, uren, uurprijs, factuurbedrag, contracteinddatum, boven_max_uurprijs';

/**
 * Stages a chunk's valid records with one COPY (PostgreSQL's bulk load: no SQL text or JSON to parse
 * per record) on the transaction's own connection, and its errors with one INSERT.
 */
async function stage(em: EntityManager, leveringId: string, b: Beoordeeld, trx: Transaction): Promise<void> {
  if (b.rows.length > 0) {
    const prefix = `${leveringId}\t`;
    let text = '';
    for (const row of b.rows) text += prefix + row;
    const stored = await copyIn(trx, `copy koo_staging_record (${STAGING_COLUMNS}) from stdin`, text);
    if (stored !== b.rows.length) throw new Error(`staging of delivery ${leveringId}: ${stored} of ${b.rows.length} records copied`);
  }
  if (b.fouten.length > 0) {
    const rows = b.fouten.map((f, i) => ({ idx: f.index, nr: i, code: f.code, veld: f.veld, melding: f.melding }));
    await bound(em, 
      `insert into koo_levering_fout (levering_id, idx, nr, code, veld, melding)
       select ?::uuid, x.idx, x.nr, x.code, x.veld, x.melding from jsonb_to_recordset(?::jsonb) as x(idx int, nr smallint, code text, veld text, melding text)`,
      [leveringId, JSON.stringify(rows)],
      trx,
    );
  }
}

/** COPY … FROM STDIN on the connection of the caller's transaction; resolves with the rows PostgreSQL stored. */
async function copyIn(trx: Transaction, sql: string, text: string): Promise<number> {
  const client = (await (trx as unknown as Knex.Transaction).client.acquireConnection()) as PgClient;
  const stream = client.query(copyFrom(sql));
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve(stream.rowCount));
    stream.end(text);
  });
}

/**
 * Runs a statement with real bind parameters (knex → pg `$n`), so a large JSON parameter is sent as
 * a value instead of being escaped into the SQL text as MikroORM's execute does.
 */
async function bound(em: EntityManager, sql: string, params: unknown[], trx: Transaction): Promise<void> {
  await em.getConnection().getKnex().raw(sql, params as never).transacting(trx as never);
}

/** Households per access-log statement while committing (a test makes it small to run the pipeline over several batches). */
export const commitLogBatch = { households: 10_000 };

/**
 * The commit of a delivery, inside the caller's transaction (all or nothing): moves the staged records
 * to koo_record in one INSERT … SELECT that also matches each record to the household in which the
 * parent BSN is a current aanvrager or toeslagpartner, supersedes the previous delivery of the same
 * period (kept as an earlier version), and writes one access-log row per matched household
 * (KINDEROPVANG_GEGEVENSLEVERING, a write). Memory stays bounded: the records never enter JS; the
 * households for the access log are streamed through a cursor in batches.
 */
async function commitInTx(ctx: RequestContext, tx: EntityManager, levering: KooLevering, koo: KooContext): Promise<void> {
  const conn = tx.getConnection();
  const trx = tx.getTransactionContext() as Transaction;
  // A large commit runs longer than the API's per-statement timeout; bounded here instead. The
  // cursor below is read to the end, so plan it for all rows (not PostgreSQL's default 10 %).
  await conn.execute(`set local statement_timeout = '10min'; set local cursor_tuple_fraction = 1.0`, [], 'run', trx);
  // The household of each record: a correlated subquery, so the plan is per record two index-only
  // probes (person by BSN, then the current aanvrager/toeslagpartner memberships) whatever the
  // statistics of the staging table say (docs/adr/0029). min(): a person in two households is
  // matched to one, deterministically.
  const [counts] = await conn.execute<Array<{ totaal: string; gekoppeld: string }>>(
    `with ins as (
       insert into koo_record (levering_id, idx, organisatie_id, household_id, periode, lrk_nummer, soort_opvang, kind_bsn, kind_naam,
         kind_geboortedatum, ouder_bsn, partner_bsn, uren, uurprijs, factuurbedrag, contracteinddatum, boven_max_uurprijs)
       select s.levering_id, s.idx, ?::uuid,
              (select min(hm.household_id::text)::uuid
                 from person p join household_member hm on hm.person_id = p.id
                where p.bsn = s.ouder_bsn and hm.tot is null and hm.rol in ('AANVRAGER', 'TOESLAGPARTNER')),
              s.periode, s.lrk_nummer, s.soort_opvang, s.kind_bsn, s.kind_naam,
              s.kind_geboortedatum, s.ouder_bsn, s.partner_bsn, s.uren, s.uurprijs, s.factuurbedrag, s.contracteinddatum, s.boven_max_uurprijs
         from koo_staging_record s
        where s.levering_id = ?
       returning household_id
     )
     select count(*)::text as totaal, count(household_id)::text as gekoppeld from ins`,
    [koo.organisatie.id, levering.id],
    'all',
    trx,
  );
  // Every received record is stored, or the commit fails (and everything is rolled back).
  if (Number(counts.totaal) !== levering.aantalRecords) {
    throw new Error(`commit of delivery ${levering.id}: ${counts.totaal} staged records, ${levering.aantalRecords} received`);
  }
  await conn.execute('delete from koo_staging_record where levering_id = ?', [levering.id], 'run', trx);
  const [{ versie }] = await conn.execute<Array<{ versie: number }>>(
    `select coalesce(max(versie), 0) + 1 as versie from koo_levering where organisatie_id = ? and periode = ? and versie is not null`,
    [koo.organisatie.id, levering.periode],
    'all',
    trx,
  );
  await conn.execute(
    `update koo_levering set status = 'VERVANGEN', vervangen_door = ?, updated_at = now()
      where organisatie_id = ? and periode = ? and status = 'VERWERKT' and id <> ?`,
    [levering.id, koo.organisatie.id, levering.periode, levering.id],
    'run',
    trx,
  );

  // The access log, in the same transaction: one write row per matched household.
  const actor = requireActor(ctx);
  // Per household the BSNs of its current aanvragers (none: one row without a data subject), per
  // household a subquery on the aanvrager index, so again no plan over the whole household_member.
  await conn.execute(
    `declare koo_hh no scroll cursor for
       select d.household_id,
              array(select p.bsn::text from household_member hm join person p on p.id = hm.person_id
                     where hm.household_id = d.household_id and hm.rol = 'AANVRAGER' and hm.tot is null) as bsns
         from (select distinct household_id from koo_record where levering_id = ? and household_id is not null) d`,
    [levering.id],
    'run',
    trx,
  );
  // Pipelined on the one connection: the next FETCH is queued before this batch is pseudonymised and
  // its INSERT sent, so PostgreSQL reads the next households while Node hashes, and Node hashes while
  // PostgreSQL inserts. At most one INSERT is in flight and two batches are in memory.
  type Households = Array<{ household_id: string; bsns: string[] }>;
  // A statement queued behind one that fails fails too before it is awaited: mark it handled at once
  // (awaiting it still throws), so Node never sees an unhandled rejection.
  const queued = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
  const size = commitLogBatch.households;
  const fetchBatch = () => queued(conn.execute<Households>(`fetch ${size} from koo_hh`, [], 'all', trx));
  let next: Promise<Households> | null = fetchBatch();
  let inserting: Promise<void> | null = null;
  try {
    while (next) {
      const batch: Households = await next;
      next = batch.length === size ? fetchBatch() : null;
      if (batch.length === 0) break;
      const rows: Array<{ h: string; s: string | null }> = [];
      for (const r of batch) {
        if (r.bsns.length === 0) rows.push({ h: r.household_id, s: null });
        for (const bsn of r.bsns) rows.push({ h: r.household_id, s: ctx.pseudonymise(bsn) });
      }
      await inserting;
      inserting = queued(bound(tx,
        `insert into access_log_entry (trace_id, span_id, parent_span_id, operation_name, operation_type, resources, processing_activity_id,
           household_id, data_subject, actor_role, actor_subject, actor_organisation, on_behalf_of_machtiging_id, started_at, ended_at, status)
         select ?, ?, ?, ?, 'write', array['KinderopvangRecord']::text[], ?, x.h, x.s, ?, ?, ?, null, ?, now(), 'OK'
           from jsonb_to_recordset(?::jsonb) as x(h uuid, s text)`,
        [
          ctx.trace.traceId,
          ctx.trace.spanId,
          ctx.trace.parentSpanId,
          'commitKinderopvangLevering',
          ProcessingActivityId.KINDEROPVANG_GEGEVENSLEVERING,
          actor.role,
          actorLogSubject(actor),
          koo.organisatie.organisationId,
          ctx.startedAt,
          JSON.stringify(rows),
        ],
        trx,
      ));
    }
    await inserting;
  } finally {
    // On a failure the queued statements fail with it (the transaction is rolled back): settle them here.
    await Promise.allSettled([next, inserting]);
  }
  await conn.execute('close koo_hh', [], 'run', trx);

  levering.status = LeveringStatus.VERWERKT;
  levering.versie = versie;
  levering.aantalGekoppeld = Number(counts.gekoppeld);
  levering.verwerktOp = ctx.clock.now();
  levering.melding = null;
  await conn.execute(
    `update koo_levering set status = 'VERWERKT', versie = ?, aantal_gekoppeld = ?, verwerkt_op = ?, melding = null, updated_at = now() where id = ?`,
    [versie, levering.aantalGekoppeld, levering.verwerktOp, levering.id],
    'run',
    trx,
  );
}

function checkRecordsAantal(records: readonly unknown[]): RuleError | null {
  if (records.length === 0) return { code: UserErrorCode.LEVERING_LEEG, field: ['input', 'records'], message: 'Lever ten minste één record.' };
  if (records.length > MAX_RECORDS_PER_CHUNK) {
    return {
      code: UserErrorCode.TE_VEEL_RECORDS,
      field: ['input', 'records'],
      message: `Hoogstens ${MAX_RECORDS_PER_CHUNK} records per verzoek; gebruik voor grotere leveringen createBulkKinderopvangLevering.`,
    };
  }
  return null;
}

async function recordContext(ctx: RequestContext, koo: KooContext, periode: string): Promise<RecordContext> {
  return { periode, lrkNummers: koo.lrkNummers, norms: await loadNorms(ctx.em) };
}

/** A unique violation, from the ORM (converted) or from a raw statement (PostgreSQL's SQLSTATE 23505). */
const isUniqueViolation = (err: unknown) =>
  err instanceof UniqueConstraintViolationException || (err as { code?: unknown } | null)?.code === '23505';

/** An existing delivery with this key: the same one again (same content) or a refusal. */
function replay(existing: KooLevering, hash: string): LeveringResult {
  if (existing.inhoudHash === hash) return { levering: existing, recordFouten: [], userErrors: [] };
  return refused({
    code: UserErrorCode.IDEMPOTENCY_KEY_HERGEBRUIKT,
    field: ['input', 'idempotencyKey'],
    message: 'Deze idempotency key is al gebruikt voor een levering met een andere inhoud.',
  });
}

/**
 * KOO: a monthly delivery in one request (domain.md §5), at most MAX_RECORDS_PER_CHUNK records.
 * Atomic: every record is validated first; if any is invalid the whole delivery is refused
 * (LEVERING_AFGEWEZEN, with every record error by index) and nothing is stored. Idempotent: the same
 * key with the same content returns the stored delivery and stores nothing again; the same key with
 * other content is refused. A delivery for a period already delivered supersedes that one.
 */
export async function deliverKinderopvangGegevens(
  ctx: RequestContext,
  input: { idempotencyKey: string; periode: string; records: RecordInvoer[] },
): Promise<LeveringResult> {
  const koo = await requireKoo(ctx);
  const key = checkKey(input.idempotencyKey);
  const periodeFout = checkLeveringPeriode(input.periode, ctx.clock.today());
  if (periodeFout) return refused(periodeFout);
  const aantalFout = checkRecordsAantal(input.records);
  if (aantalFout) return refused(aantalFout);
  const hash = contentHash({ periode: input.periode, records: input.records.map(canonical) });
  const existing = await ctx.em.findOne(KooLevering, { organisatie: koo.organisatie, idempotencyKey: key });
  if (existing) return replay(existing, hash);

  const context = await recordContext(ctx, koo, input.periode);
  const normFout = checkLeveringNormen(input.periode, context.norms);
  if (normFout) return refused(normFout);
  const b = beoordeel(input.records, 0, context);
  if (b.fouten.length > 0) {
    return refused(
      { code: UserErrorCode.LEVERING_AFGEWEZEN, field: ['input', 'records'], message: `${b.ongeldig} van de ${input.records.length} records zijn ongeldig; er is niets opgeslagen.` },
      b.fouten,
    );
  }
  try {
    return await ctx.em.transactional(async (tx: EntityManager) => {
      const levering = tx.create(KooLevering, {
        createdAt: ctx.clock.now(),
        organisatie: koo.organisatie,
        periode: input.periode,
        idempotencyKey: key,
        inhoudHash: hash,
        bulk: false,
        status: LeveringStatus.ONTVANGEN,
        aantalRecords: input.records.length,
        aantalBovenMaxUurprijs: b.bovenMax,
        aantalChunks: 1,
      });
      await tx.flush();
      const trx = tx.getTransactionContext() as Transaction;
      await stage(tx, levering.id, b, trx);
      await commitInTx(ctx, tx, levering, koo);
      return { levering, recordFouten: [], userErrors: [] };
    });
  } catch (err) {
    // The same key delivered concurrently: answer as the replay it is.
    if (!isUniqueViolation(err)) throw err;
    const winner = await ctx.em.fork().findOneOrFail(KooLevering, { organisatie: koo.organisatie.id, idempotencyKey: key });
    return replay(winner, hash);
  }
}

function checkKey(key: string): string {
  const k = key.trim();
  if (k.length < 1 || k.length > 100 || !/^[\x21-\x7e]+$/.test(k)) throw badInput('idempotencyKey is 1 to 100 visible ASCII characters', 'idempotencyKey');
  return k;
}

/**
 * KOO: starts a bulk delivery (Shopify's staged upload): chunks follow with
 * appendBulkKinderopvangChunk, then one commitBulkKinderopvangLevering. Idempotent per key.
 */
export async function createBulkKinderopvangLevering(ctx: RequestContext, input: { idempotencyKey: string; periode: string }): Promise<LeveringResult> {
  const koo = await requireKoo(ctx);
  const key = checkKey(input.idempotencyKey);
  const periodeFout = checkLeveringPeriode(input.periode, ctx.clock.today());
  if (periodeFout) return refused(periodeFout);
  const normFout = checkLeveringNormen(input.periode, await loadNorms(ctx.em));
  if (normFout) return refused(normFout);
  const hash = contentHash({ bulk: true, periode: input.periode });
  const existing = await ctx.em.findOne(KooLevering, { organisatie: koo.organisatie, idempotencyKey: key });
  if (existing) return replay(existing, hash);
  try {
    const levering = ctx.em.create(KooLevering, {
      createdAt: ctx.clock.now(),
      organisatie: koo.organisatie,
      periode: input.periode,
      idempotencyKey: key,
      inhoudHash: hash,
      bulk: true,
      status: LeveringStatus.ONTVANGEN,
    });
    await ctx.em.flush();
    return { levering, recordFouten: [], userErrors: [] };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await ctx.em.fork().findOneOrFail(KooLevering, { organisatie: koo.organisatie.id, idempotencyKey: key });
    return replay(winner, hash);
  }
}

/** A KOO's own delivery by global id; FORBIDDEN for any other id (existing or not). */
async function ownLevering(ctx: RequestContext, em: EntityManager, koo: KooContext, globalId: string, lock = false): Promise<KooLevering> {
  const id = fromGlobalIdOfType(globalId, 'KinderopvangLevering');
  const levering = await em.findOne(KooLevering, { id, organisatie: koo.organisatie }, lock ? { lockMode: 4 /* PESSIMISTIC_WRITE */ } : {});
  if (!levering) throw forbidden('this delivery is not one of your organisation');
  return levering;
}

export interface ChunkResult extends LeveringResult {
  chunk: KooLeveringChunk | null;
}

/**
 * KOO: one chunk (volgnummer 1..MAX_CHUNKS, at most MAX_RECORDS_PER_CHUNK records) of a bulk delivery.
 * Validated at once; valid records are staged, errors are kept per record (by position). Idempotent
 * per volgnummer: the same chunk again changes nothing; other content under a used number is refused.
 */
export async function appendBulkKinderopvangChunk(
  ctx: RequestContext,
  input: { leveringId: string; volgnummer: number; records?: RecordInvoer[] | null; recordsNdjson?: string | null },
): Promise<ChunkResult> {
  const koo = await requireKoo(ctx);
  const read = chunkRecords(input);
  if (read.error) return { ...refused(read.error), chunk: null };
  const records = read.records;
  const aantalFout = checkRecordsAantal(records);
  if (aantalFout) return { ...refused(aantalFout), chunk: null };
  if (!Number.isInteger(input.volgnummer) || input.volgnummer < 1 || input.volgnummer > MAX_CHUNKS) {
    return { ...refused({ code: UserErrorCode.TE_VEEL_RECORDS, field: ['input', 'volgnummer'], message: `Het volgnummer is 1 tot en met ${MAX_CHUNKS}.` }), chunk: null };
  }
  const hash = contentHash(records.map(canonical));
  const levering = await ownLevering(ctx, ctx.em, koo, input.leveringId);
  const afgesloten = (l: KooLevering): ChunkResult => ({
    ...refused({ code: UserErrorCode.LEVERING_AFGESLOTEN, field: ['input', 'leveringId'], message: 'Aan deze levering kunnen geen records meer worden toegevoegd.' }),
    levering: l,
    chunk: null,
  });
  const replayChunk = async (em: EntityManager): Promise<ChunkResult | null> => {
    const existing = await em.findOne(KooLeveringChunk, { levering: levering.id, volgnummer: input.volgnummer });
    if (!existing) return null;
    const current = await em.findOneOrFail(KooLevering, { id: levering.id });
    if (existing.inhoudHash === hash) return { levering: current, chunk: existing, recordFouten: [], userErrors: [] };
    return {
      ...refused({ code: UserErrorCode.CHUNK_HERGEBRUIKT, field: ['input', 'volgnummer'], message: 'Dit volgnummer is al ontvangen met een andere inhoud.' }),
      levering: current,
      chunk: null,
    };
  };
  const replayed = await replayChunk(ctx.em);
  if (replayed) return replayed;
  if (!levering.bulk || levering.status !== LeveringStatus.ONTVANGEN) return afgesloten(levering);
  // Validation happens before the transaction: the delivery's row is locked only for the counters.
  const b = beoordeel(records, (input.volgnummer - 1) * MAX_RECORDS_PER_CHUNK, await recordContext(ctx, koo, levering.periode));
  try {
    return await ctx.em.transactional(async (tx: EntityManager) => {
      const trx = tx.getTransactionContext() as Transaction;
      const conn = tx.getConnection();
      // The chunk's primary key makes a concurrent duplicate fail here (answered as a replay below).
      await conn.execute(
        'insert into koo_levering_chunk (levering_id, volgnummer, inhoud_hash, aantal_records, aantal_fouten) values (?, ?, ?, ?, ?)',
        [levering.id, input.volgnummer, hash, records.length, b.ongeldig],
        'run',
        trx,
      );
      await stage(tx, levering.id, b, trx);
      // Counters and the status check in one statement: a commit that got in first leaves no ONTVANGEN row.
      const updated = await conn.execute<Array<{ id: string }>>(
        `update koo_levering set aantal_records = aantal_records + ?, aantal_fouten = aantal_fouten + ?,
                aantal_boven_max_uurprijs = aantal_boven_max_uurprijs + ?, aantal_chunks = aantal_chunks + 1, updated_at = now()
          where id = ? and status = 'ONTVANGEN' returning id`,
        [records.length, b.ongeldig, b.bovenMax, levering.id],
        'all',
        trx,
      );
      if (updated.length === 0) throw new ChunkTooLate();
      const chunk = await tx.findOneOrFail(KooLeveringChunk, { levering: levering.id, volgnummer: input.volgnummer });
      return { levering: await tx.findOneOrFail(KooLevering, { id: levering.id }, { refresh: true }), chunk, recordFouten: [], userErrors: [] };
    });
  } catch (err) {
    if (err instanceof ChunkTooLate) return afgesloten(await ctx.em.fork().findOneOrFail(KooLevering, { id: levering.id }));
    if (!isUniqueViolation(err)) throw err;
    return (await replayChunk(ctx.em.fork()))!;
  }
}

/** A chunk's records: exactly one of the typed records and the NDJSON text (records-ndjson.ts). */
function chunkRecords(input: { records?: RecordInvoer[] | null; recordsNdjson?: string | null }): NdjsonResult {
  const typed = input.records != null;
  const ndjson = input.recordsNdjson != null;
  if (typed === ndjson) {
    return {
      error: { code: UserErrorCode.RECORDS_ONGELDIG, field: ['input', 'records'], message: 'Geef de records als records of als recordsNdjson, niet allebei en niet geen van beide.' },
    };
  }
  return typed ? { records: input.records! } : parseRecordsNdjson(input.recordsNdjson!);
}

/** The delivery was committed or refused while this chunk was being staged: roll the chunk back. */
class ChunkTooLate extends Error {}

/**
 * KOO: commits a bulk delivery as one operation in one transaction. With any invalid record the
 * delivery becomes AFGEWEZEN (errors stay retrievable page by page) and no record is stored. A
 * technical failure rolls everything back and leaves it MISLUKT; committing again retries. Committing
 * a committed delivery again returns it unchanged.
 */
export async function commitBulkKinderopvangLevering(ctx: RequestContext, input: { leveringId: string }): Promise<LeveringResult> {
  const koo = await requireKoo(ctx);
  let leveringId: string | null = null;
  try {
    return await ctx.em.transactional(async (tx: EntityManager) => {
      const levering = await ownLevering(ctx, tx, koo, input.leveringId, true);
      leveringId = levering.id;
      if (levering.status === LeveringStatus.VERWERKT || levering.status === LeveringStatus.VERVANGEN) return { levering, recordFouten: [], userErrors: [] };
      if (levering.status === LeveringStatus.AFGEWEZEN) return afgewezen(levering);
      if (levering.aantalRecords === 0) {
        return { levering, recordFouten: [], userErrors: [{ code: UserErrorCode.LEVERING_LEEG, field: ['input', 'leveringId'], message: 'Deze levering heeft nog geen records.' }] };
      }
      if (levering.aantalFouten > 0) {
        // Any invalid record refuses the whole delivery: nothing is stored, the errors stay readable.
        const trx = tx.getTransactionContext() as Transaction;
        await tx.getConnection().execute('delete from koo_staging_record where levering_id = ?', [levering.id], 'run', trx);
        levering.status = LeveringStatus.AFGEWEZEN;
        await tx.flush();
        return afgewezen(levering);
      }
      await commitInTx(ctx, tx, levering, koo);
      return { levering, recordFouten: [], userErrors: [] };
    });
  } catch (err) {
    if (!leveringId || err instanceof Error && 'extensions' in err) throw err;
    // Everything was rolled back; record the failure (no personal data in the message).
    const em = ctx.em.fork();
    await em.nativeUpdate(KooLevering, { id: leveringId }, { status: LeveringStatus.MISLUKT, melding: 'De verwerking is mislukt; er is niets opgeslagen. Probeer opnieuw te committen.' });
    const levering = await em.findOneOrFail(KooLevering, { id: leveringId });
    return {
      levering,
      recordFouten: [],
      userErrors: [{ code: UserErrorCode.VERWERKING_MISLUKT, field: null, message: 'De verwerking is mislukt; er is niets opgeslagen. U kunt de levering opnieuw committen.' }],
    };
  }
}

function afgewezen(levering: KooLevering): LeveringResult {
  return {
    levering,
    recordFouten: [],
    userErrors: [
      {
        code: UserErrorCode.LEVERING_AFGEWEZEN,
        field: ['input', 'leveringId'],
        message: `${levering.aantalFouten} van de ${levering.aantalRecords} records zijn ongeldig; er is niets opgeslagen. Zie de fouten van de levering.`,
      },
    ],
  };
}

/** KOO: its own deliveries (all versions), newest first; MEDEWERKER: every KOO's. */
export async function listLeveringen(
  ctx: RequestContext,
  args: { first: number; after: string | null; periode?: string | null; status?: LeveringStatus[] | null },
): Promise<Page<KooLevering>> {
  const actor = requireActor(ctx);
  const conditions: object[] = [];
  if (actor.role !== 'MEDEWERKER') conditions.push({ organisatie: (await requireKoo(ctx)).organisatie });
  if (args.periode) conditions.push({ periode: args.periode });
  if (args.status) conditions.push({ status: { $in: args.status } });
  if (args.after) {
    const [createdAt, lastId] = decodeCursor(args.after, 2);
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || typeof lastId !== 'string' || !/^[0-9a-f-]{36}$/.test(lastId)) {
      throw badInput('after is not a valid cursor', 'after');
    }
    conditions.push({ $or: [{ createdAt: { $lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { $gt: lastId } }] });
  }
  const rows = await ctx.em.find(KooLevering, { $and: conditions } as never, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: args.first + 1 });
  const items = rows.slice(0, args.first);
  return { items, cursors: items.map((l) => encodeCursor([l.createdAt.toISOString(), l.id])), hasNextPage: rows.length > args.first };
}

/** A delivery by id: a KOO its own, a medewerker any; null otherwise. */
export async function findLevering(ctx: RequestContext, id: string): Promise<KooLevering | null> {
  const actor = requireActor(ctx);
  if (actor.role === 'MEDEWERKER') return ctx.em.findOne(KooLevering, { id });
  if (actor.role !== 'KOO') return null;
  const koo = await requireKoo(ctx);
  return ctx.em.findOne(KooLevering, { id, organisatie: koo.organisatie });
}

