import { Client } from 'pg';
import { dropSecondaryIndexesAndForeignKeys, restoreIndexesAndForeignKeys } from './bulk-load';
import { chunks } from './chunk-source';
import { TABLE_NAMES, type TableName } from './copy-format';
import { copyRows } from './copy-writer';

export interface SeedOptions {
  /** postgres:// URL of a migrated database. */
  url: string;
  households: number;
  seed: number;
  /** Delete all household data first (not the norms, the processing register or the access log). */
  reset: boolean;
  /** Households per chunk (memory is bounded by about two chunks). */
  chunkSize?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  households: number;
  seed: number;
  rows: Record<TableName, number>;
  totalRows: number;
  elapsedMs: number;
}

/** Raised when the database already has households and --reset was not given. */
export class SeedRefusedError extends Error {}

/** The most households one run can create (the BSN space and beschikking numbers allow this many). */
export const MAX_HOUSEHOLDS = 5_000_000;

/**
 * Deleted by --reset, besides every table that references these (TRUNCATE … CASCADE), so a later
 * household-owned table is emptied too. Not: norm, processing_activity, access_log_entry.
 * invordering_run goes as well: its counts describe the schulden that are deleted.
 */
const RESET_EXTRA = ['invordering_run'];

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Fills the database with N synthetic households in one transaction: refuse (or, with reset,
 * truncate), drop the secondary indexes and foreign keys, COPY the generated chunks, restore
 * indexes and foreign keys (which checks every row), commit, ANALYZE.
 */
export async function seedDatabase(o: SeedOptions): Promise<SeedReport> {
  const log = o.log ?? (() => undefined);
  if (!Number.isInteger(o.households) || o.households < 1 || o.households > MAX_HOUSEHOLDS) {
    throw new Error(`households must be a whole number from 1 to ${fmt(MAX_HOUSEHOLDS)}`);
  }
  const chunkSize = o.chunkSize ?? 5000;
  const started = performance.now();
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const client = new Client({ connectionString: o.url });
  client.on('error', () => undefined); // reported through the failing query
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`set local maintenance_work_mem = '512MB'`);
    await client.query(`set local work_mem = '256MB'`);

    const { rows: existing } = await client.query<{ households: string; persons: string }>(
      'select (select count(*) from household) as households, (select count(*) from person) as persons',
    );
    const households = Number(existing[0].households);
    const persons = Number(existing[0].persons);
    if ((households > 0 || persons > 0) && !o.reset) {
      throw new SeedRefusedError(
        `the database already has ${fmt(households)} households (${fmt(persons)} persons); run with --reset to delete all household data first`,
      );
    }
    // Always truncate (the tables are empty unless --reset): COPY FREEZE needs it in this transaction.
    const truncate = o.reset ? [...TABLE_NAMES, ...RESET_EXTRA] : TABLE_NAMES;
    await client.query(`truncate table ${truncate.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
    if (o.reset) log(`reset: deleted ${fmt(households)} households and all their data`);

    const ddl = await dropSecondaryIndexesAndForeignKeys(client, TABLE_NAMES);
    log(`seeding ${fmt(o.households)} households (seed ${o.seed}) in chunks of ${fmt(chunkSize)}`);

    let done = 0;
    let total = 0;
    let lastReport = performance.now();
    let lastShare = 0;
    for await (const chunk of chunks(o.seed, o.households, chunkSize)) {
      for (const t of TABLE_NAMES) {
        if (chunk.counts[t] === 0) continue;
        const n = await copyRows(client, t, chunk.bytes(t), true);
        if (n !== chunk.counts[t]) throw new Error(`COPY ${t}: ${n} rows stored, ${chunk.counts[t]} sent`);
        rows[t] += n;
        total += n;
      }
      done += chunk.households;
      const share = done / o.households;
      if (done === o.households || share - lastShare >= 0.05 || performance.now() - lastReport >= 10_000) {
        const s = (performance.now() - started) / 1000;
        log(`  ${fmt(done)}/${fmt(o.households)} households (${Math.floor(share * 100)}%), ${fmt(total)} rows, ${fmt(Math.round(total / s))} rows/s`);
        lastReport = performance.now();
        lastShare = share;
      }
    }

    log(`restoring ${ddl.indexes.length} indexes and ${ddl.foreignKeys.length} foreign keys (checks every row)`);
    await restoreIndexesAndForeignKeys(client, ddl, log);
    // Event ids were written explicitly; the sequence continues after them.
    await client.query(`select setval(pg_get_serial_sequence('schuld_event', 'id'), coalesce(max(id), 0) + 1, false) from schuld_event`);
    await client.query('commit');

    const t0 = performance.now();
    await client.query(`analyze ${TABLE_NAMES.map((t) => `"${t}"`).join(', ')}`);
    log(`analyze (${Math.round(performance.now() - t0)} ms)`);
    return { households: o.households, seed: o.seed, rows, totalRows: total, elapsedMs: Math.round(performance.now() - started) };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The end-of-run summary: rows per table, elapsed time, rows per second. */
export function formatReport(r: SeedReport): string[] {
  const width = Math.max(...TABLE_NAMES.map((t) => t.length));
  const s = r.elapsedMs / 1000;
  return [
    ...TABLE_NAMES.map((t) => `  ${t.padEnd(width)}  ${fmt(r.rows[t]).padStart(12)}`),
    `  ${'total'.padEnd(width)}  ${fmt(r.totalRows).padStart(12)}`,
    `seeded ${fmt(r.households)} households (seed ${r.seed}) in ${s.toFixed(1)} s: ${fmt(Math.round(r.totalRows / s))} rows/s`,
  ];
}
