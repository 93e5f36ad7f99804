// The data sets: one database per size on one embedded PostgreSQL (or on DATABASE_URL's server),
// seeded with `npm run seed` and marked with what was loaded, so a later run reuses them.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** bench_1k, bench_10k, bench_1m, or bench_<n>. */
export function datasetName(households) {
  if (households % 1_000_000 === 0) return `bench_${households / 1_000_000}m`;
  if (households % 1_000 === 0) return `bench_${households / 1_000}k`;
  return `bench_${households}`;
}

/** Hash of the seeder's source: a changed seeder means the data set must be seeded again. */
export function seederHash(root) {
  const h = createHash('sha256');
  const dir = path.join(root, 'src', 'seed');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

export async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The marker (a JSON comment on the database) of what is loaded, or null. */
export async function readMarker(url, database) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`select shobj_description(oid, 'pg_database') as d from pg_database where datname = $1`, [database]);
    try {
      return rows[0]?.d ? JSON.parse(rows[0].d) : null;
    } catch {
      return null;
    }
  });
}

async function writeMarker(url, database, marker) {
  await withClient(url, (c) => c.query(`comment on database "${database}" is '${JSON.stringify(marker).replace(/'/g, "''")}'`));
}

function run(command, args, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const out = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(`    ${line}`);
    };
    child.stdout.on('data', out);
    child.stderr.on('data', out);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} exited with ${code}:\n${tail}`))));
  });
}

/**
 * Makes sure `database` on the server at adminUrl holds `households` seeded households: reuses it
 * when its marker says so (same N, seed and seeder source; migrated to this build), otherwise creates it if needed and runs
 * the seed command (migrations first, then --reset). Returns { url, reused, seedSeconds }.
 */
export async function ensureDataset({ root, adminUrl, database, households, seed, log, databaseUrl }) {
  const url = databaseUrl ?? (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${database}`;
    return u.toString();
  })();
  const dbName = new URL(url).pathname.slice(1);
  const want = { households, seed, seeder: seederHash(root) };
  if (!databaseUrl) {
    const exists = await withClient(adminUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount > 0);
    if (!exists) await withClient(adminUrl, (c) => c.query(`create database "${dbName}"`));
  }
  const marker = await readMarker(url, dbName);
  if (marker && marker.households === want.households && marker.seed === want.seed && marker.seeder === want.seeder) {
    log(`  ${dbName}: reusing ${households.toLocaleString('en-US')} households (seeded ${marker.seededAt})`);
    // A data set seeded by an older build lacks the tables of later migrations, and the scenarios'
    // prepareData runs before any server (which would migrate on start): migrate it first.
    await run(process.execPath, [path.join(root, 'dist', 'src', 'cli', 'migrate.js')], { ...process.env, NODE_ENV: 'development', DATABASE_URL: url, LOG_LEVEL: 'warn' }, log);
    return { url, database: dbName, reused: true, seedSeconds: null };
  }
  log(`  ${dbName}: seeding ${households.toLocaleString('en-US')} households (seed ${seed})${marker ? ' (marker differs: ' + JSON.stringify(marker) + ')' : ''}`);
  const started = Date.now();
  await run(
    process.execPath,
    [path.join(root, 'dist', 'src', 'cli', 'seed.js'), '--households', String(households), '--seed', String(seed), '--reset'],
    { ...process.env, NODE_ENV: 'development', DATABASE_URL: url, LOG_LEVEL: 'warn' },
    log,
  );
  const seedSeconds = (Date.now() - started) / 1000;
  await writeMarker(url, dbName, { ...want, seededAt: new Date().toISOString(), seedSeconds });
  return { url, database: dbName, reused: false, seedSeconds };
}

/**
 * What a scenario prepared on a data set (e.g. the vroegsignalen of scenario c), kept in the marker
 * under `prepared[key]`, so a reused data set is prepared once. Seeding again writes a new marker
 * without it. Returns the recorded value or null.
 */
export async function readPrepared(url, key) {
  const database = new URL(url).pathname.slice(1);
  return (await readMarker(url, database))?.prepared?.[key] ?? null;
}

export async function writePrepared(url, key, value) {
  const database = new URL(url).pathname.slice(1);
  const marker = (await readMarker(url, database)) ?? {};
  await writeMarker(url, database, { ...marker, prepared: { ...marker.prepared, [key]: value } });
}
