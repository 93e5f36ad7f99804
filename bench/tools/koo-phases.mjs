// Scenario (d) once, with the CPU time per phase: the production server (dist/src/main.js) against a
// seeded benchmark database, one bulk KOO delivery with the scenario's own client code and records,
// and the CPU seconds of the server process, of PostgreSQL (all its processes: other load on the same
// server counts too) and of this client during staging and during the commit. With --prof the
// server runs under --cpu-prof (the profile is written to /tmp/koo-phases-prof).
// usage: node bench/tools/koo-phases.mjs [--database bench_1m] [--records 100000] [--format ndjson|records] [--prof]
//        [--pg-admin-url postgres://postgres:postgres@localhost:54339/postgres]
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { withClient } from '../lib/dataset.mjs';
import { createKeys, BENCH_AUDIENCE, BENCH_ISSUER } from '../lib/keys.mjs';
import { cpuTimeMs, postgresCpuS } from '../lib/machine.mjs';
import { productionNodeFlags, startServer } from '../lib/servers.mjs';
import scenario, { recordsOf } from '../scenarios/koo-delivery.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(BENCH);
const { values: v } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_1m' },
    records: { type: 'string', default: '100000' },
    prof: { type: 'boolean' },
    format: { type: 'string', default: 'ndjson' },
    'pg-admin-url': { type: 'string', default: 'postgres://postgres:postgres@localhost:54339/postgres' },
  },
});
const url = Object.assign(new URL(v['pg-admin-url']), { pathname: `/${v.database}` }).toString();
const keys = await createKeys(path.join(BENCH, 'data', 'keys'));
const profDir = '/tmp/koo-phases-prof';
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const port = await new Promise((r) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => r(p));
  });
});
const state = await withClient(url, async (db) => {
  const ctx = { db, url, keys, sign: keys.sign, options: { deliveryRecords: Number(v.records) }, log: console.log };
  await scenario.prepareData(ctx);
  return scenario.prepare(ctx);
});
const server = await startServer({
  name: 'ours',
  command: process.execPath,
  args: [...productionNodeFlags(ROOT), ...(v.prof ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), path.join(ROOT, 'dist', 'src', 'main.js')],
  cwd: ROOT,
  env: {
    ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(port), AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile,
    AUTH_ISSUER: BENCH_ISSUER, AUTH_AUDIENCE: BENCH_AUDIENCE, PSEUDONYM_KEY: keys.pseudonymKey, LOG_LEVEL: 'info',
    RATE_LIMIT_KOO_CAPACITY: '1000000000', RATE_LIMIT_KOO_LEAK_PER_SECOND: '1000000000',
  },
  logFile: path.join(profDir, 'server.log'),
  probe: async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
});
try {
  const { kooGqlClient, stageBulkDelivery, commitBulkDelivery } = require(path.join(ROOT, 'dist', 'src', 'cli', 'koo-bulk-client.js'));
  const periode = require(path.join(ROOT, 'dist', 'src', 'shared', 'clock.js')).systemClock.today().slice(0, 7);
  const gql = kooGqlClient(`http://127.0.0.1:${port}/graphql`, state.token);
  const cpu = () => ({ server: cpuTimeMs(server.pid) / 1000, postgres: postgresCpuS(), client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6, at: performance.now() / 1000 });
  const t0 = cpu();
  const staged = await stageBulkDelivery(gql, { idempotencyKey: `phases-${Date.now()}`, periode, count: state.records, record: recordsOf(state.parents, periode), parallel: 2, format: v.format });
  const t1 = cpu();
  const done = await commitBulkDelivery(gql, staged.leveringId);
  const t2 = cpu();
  if (done.userErrors?.length || done.levering?.status !== 'VERWERKT') throw new Error(`commit refused: ${JSON.stringify(done).slice(0, 500)}`);
  const phase = (a, b) => ({
    seconds: +(b.at - a.at).toFixed(2),
    serverCpuS: +(b.server - a.server).toFixed(2),
    postgresCpuS: +(b.postgres - a.postgres).toFixed(2),
    clientCpuS: +(b.client - a.client).toFixed(2),
  });
  const total = t2.at - t0.at;
  console.log(JSON.stringify({ format: v.format, records: state.records, recordsPerSecond: Math.round(state.records / total), matched: done.levering.aantalGekoppeld, staging: phase(t0, t1), commit: phase(t1, t2) }));
} finally {
  await server.stop();
}
if (v.prof) console.log(`profile in ${profDir}`);
