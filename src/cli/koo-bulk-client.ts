/**
 * A KOO's side of a large delivery over HTTP (docs/adr/0025), shared by `npm run bench:koo`
 * (src/cli/koo-bench.ts) and scenario d of `npm run bench` (bench/scenarios/koo-delivery.mjs): the
 * generated records and the bulk path createBulkKinderopvangLevering → appendBulkKinderopvangChunk
 * (chunks of MAX_RECORDS_PER_CHUNK, `parallel` in flight) → commitBulkKinderopvangLevering. Every
 * userError or GraphQL error throws: nothing passes silently.
 */
import { MAX_RECORDS_PER_CHUNK } from '../modules/kinderopvang/kinderopvang.rules';
import { bsnOfIndex } from '../seed/bsn';

/** One record of the input type KinderopvangRecordInput. */
export interface KooBenchRecord {
  periode: string;
  lrkNummer: string;
  soortOpvang: 'DAGOPVANG' | 'BSO';
  kindBsn: string;
  kindNaam: string;
  kindGeboortedatum: string;
  ouderBsn: string;
  partnerBsn: null;
  uren: string;
  uurprijs: string;
  factuurbedrag: string;
  contracteinddatum: string;
}

/**
 * Record i of a generated delivery: valid (11-proef BSNs, the KOO's LRK number, the delivery's
 * period, a price under the maximum uurprijs for DAGOPVANG and BSO), a distinct child per record.
 * `ouderBsn(i)` decides whether the parent matches a household (the caller knows which BSNs exist).
 */
export function kooBenchRecord(i: number, o: { periode: string; lrkNummer: string; ouderBsn: (i: number) => string }): KooBenchRecord {
  return {
    periode: o.periode,
    lrkNummer: o.lrkNummer,
    soortOpvang: i % 3 === 0 ? 'BSO' : 'DAGOPVANG',
    kindBsn: bsnOfIndex(10_000_000 + i),
    kindNaam: `Kind ${i}`,
    kindGeboortedatum: '2021-03-01',
    ouderBsn: o.ouderBsn(i),
    partnerBsn: null,
    uren: '86.50',
    uurprijs: '10.95',
    factuurbedrag: '947.18',
    contracteinddatum: '2027-07-31',
  };
}

/**
 * A valid BSN for a parent that (almost always) matches no household: the seed scatters its persons
 * over all BSN_SPACE indexes (src/seed/bsn.ts), so a few percent of these may still be someone's.
 */
export const unmatchedBsn = (i: number) => bsnOfIndex(60_000_000 + (i % 3_000_000));

export const CREATE_BULK = 'mutation($i: CreateBulkKinderopvangLeveringInput!) { createBulkKinderopvangLevering(input: $i) { levering { id } userErrors { field code message } } }';
export const APPEND_CHUNK =
  'mutation($i: AppendBulkKinderopvangChunkInput!) { appendBulkKinderopvangChunk(input: $i) { chunk { aantalRecords } userErrors { field code message } } }';
export const COMMIT_BULK =
  'mutation($i: CommitBulkKinderopvangLeveringInput!) { commitBulkKinderopvangLevering(input: $i) { levering { status aantalRecords aantalGekoppeld } userErrors { field code message } } }';

interface Payload {
  userErrors?: Array<{ code: string; message: string }>;
  levering?: { id?: string; status?: string; aantalRecords?: number; aantalGekoppeld?: number } | null;
  chunk?: { aantalRecords: number } | null;
}

/** Posts one mutation; returns its payload, throws on an HTTP error, a GraphQL error or a userError. */
export type Gql = (query: string, variables: object) => Promise<Payload>;

export function kooGqlClient(endpoint: string, token: string): Gql {
  return async (query, variables) => {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let body: { data?: Record<string, Payload | null>; errors?: unknown[] } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* reported below */
    }
    const payload = body?.data ? Object.values(body.data)[0] : null;
    if (res.status !== 200 || !body || body.errors || !payload) throw new Error(`HTTP ${res.status}: ${text.slice(0, 800)}`);
    return payload;
  };
}

/** As kooGqlClient, but a userError in the payload throws too (with its codes). */
export function strict(gql: Gql): Gql {
  return async (query, variables) => {
    const p = await gql(query, variables);
    if (p.userErrors?.length) throw new Error(`refused: ${JSON.stringify(p.userErrors).slice(0, 800)}`);
    return p;
  };
}

/** The two forms of a chunk's records (AppendBulkKinderopvangChunkInput). */
export type KooRecordFormat = 'ndjson' | 'records';

export interface StagedDelivery {
  leveringId: string;
  chunks: number;
  /** Largest request body of a chunk (bytes of the JSON of its records, in the format sent). */
  largestChunkBytes: number;
}

/**
 * Creates a bulk delivery and uploads `count` records (record(i), i = 0..count−1) in chunks of
 * MAX_RECORDS_PER_CHUNK, `parallel` chunks in flight (each is idempotent, as a KOO may do). Records
 * are generated per chunk, so the client holds at most `parallel` chunks.
 */
export async function stageBulkDelivery(
  gql: Gql,
  o: {
    idempotencyKey: string;
    periode: string;
    count: number;
    record: (i: number) => KooBenchRecord;
    parallel?: number;
    /** How the records travel: `recordsNdjson` (one JSON object per line, the default) or the typed `records`. */
    format?: KooRecordFormat;
    onChunk?: (sent: number) => void;
  },
): Promise<StagedDelivery> {
  const q = strict(gql);
  const created = await q(CREATE_BULK, { i: { idempotencyKey: o.idempotencyKey, periode: o.periode } });
  const leveringId = created.levering?.id;
  if (!leveringId) throw new Error('createBulkKinderopvangLevering returned no levering');
  const chunks = Math.ceil(o.count / MAX_RECORDS_PER_CHUNK);
  let next = 0;
  let sent = 0;
  let largestChunkBytes = 0;
  const worker = async () => {
    for (let v = ++next; v <= chunks; v = ++next) {
      const from = (v - 1) * MAX_RECORDS_PER_CHUNK;
      const records = Array.from({ length: Math.min(MAX_RECORDS_PER_CHUNK, o.count - from) }, (_, k) => o.record(from + k));
      const input = o.format === 'records' ? { records } : { recordsNdjson: records.map((r) => JSON.stringify(r)).join('\n') };
      largestChunkBytes = Math.max(largestChunkBytes, JSON.stringify(input).length);
      const r = await q(APPEND_CHUNK, { i: { leveringId, volgnummer: v, ...input } });
      if (r.chunk?.aantalRecords !== records.length) throw new Error(`chunk ${v}: ${r.chunk?.aantalRecords} of ${records.length} records received`);
      sent += records.length;
      o.onChunk?.(sent);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.parallel ?? 2) }, worker));
  return { leveringId, chunks, largestChunkBytes };
}

/** Commits a staged delivery; returns the payload as is (the caller checks userErrors: a failed commit is a userError). */
export async function commitBulkDelivery(gql: Gql, leveringId: string): Promise<Payload> {
  return gql(COMMIT_BULK, { i: { leveringId } });
}
