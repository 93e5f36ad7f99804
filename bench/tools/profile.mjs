// Profiles our API under one scenario: node --cpu-prof on the server, autocannon load, then the
// top functions by self time and by package. Also counts SQL statements per request
// (pg_stat_database xact/tuple counters are too coarse, so PostgreSQL's log is used: log_statement=all
// on the benchmark database for the duration of the run).
// usage: node bench/tools/profile.mjs --households 10000 --scenario b [--duration 10]
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { datasetName, withClient } from '../lib/dataset.mjs';
import { createKeys, BENCH_ISSUER, BENCH_AUDIENCE } from '../lib/keys.mjs';
import { measure } from '../lib/load.mjs';
import { productionNodeFlags, startServer } from '../lib/servers.mjs';
import { cpuTimeMs, postgresCpuS } from '../lib/machine.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(BENCH);
const { values: v } = parseArgs({ options: { households: { type: 'string', default: '10000' }, scenario: { type: 'string', default: 'a' }, duration: { type: 'string', default: '10' }, 'pg-port': { type: 'string', default: '54339' }, 'pg-admin-url': { type: 'string' }, 'no-prof': { type: 'boolean' } } });
const scenarios = await Promise.all(readdirSync(path.join(BENCH, 'scenarios')).filter((f) => f.endsWith('.mjs')).map(async (f) => (await import(pathToFileURL(path.join(BENCH, 'scenarios', f)).href)).default));
const s = scenarios.find((x) => x.id === v.scenario);
const { startEmbeddedPostgres } = require(path.join(ROOT, 'dist', 'src', 'db', 'embedded.js'));
const pg = v['pg-admin-url']
  ? { url: (db) => Object.assign(new URL(v['pg-admin-url']), { pathname: `/${db}` }).toString(), stop: async () => undefined }
  : await startEmbeddedPostgres({ dataDir: path.join(BENCH, 'data', 'postgres'), port: Number(v['pg-port']), persistent: true });
const url = pg.url(datasetName(Number(v.households)));
const keys = await createKeys(path.join(BENCH, 'data', 'keys'));
const profDir = '/tmp/i9-prof';
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const port = await new Promise((r) => { const x = net.createServer(); x.listen(0, '127.0.0.1', () => { const p = x.address().port; x.close(() => r(p)); }); });
try {
  const state = await withClient(url, (db) => s.prepare({ db, sign: keys.sign, sampleSize: 2000 }));
  const server = await startServer({
    name: 'ours', command: process.execPath, args: [...productionNodeFlags(ROOT), ...(v['no-prof'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`]), path.join(ROOT, 'dist', 'src', 'main.js')], cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(port), AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: BENCH_ISSUER, AUTH_AUDIENCE: BENCH_AUDIENCE, PSEUDONYM_KEY: keys.pseudonymKey, LOG_LEVEL: 'info', RATE_LIMIT_MEDEWERKER_CAPACITY: '1000000000', RATE_LIMIT_MEDEWERKER_LEAK_PER_SECOND: '1000000000', RATE_LIMIT_INTERMEDIAIR_CAPACITY: '1000000000', RATE_LIMIT_INTERMEDIAIR_LEAK_PER_SECOND: '1000000000' },
    logFile: '/tmp/i9-prof/server.log', probe: async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
  });
  const before = await withClient(url, async (c) => (await c.query(`select xact_commit + xact_rollback as x, tup_returned, tup_fetched, tup_inserted, tup_updated from pg_stat_database where datname = current_database()`)).rows[0]);
  const cpu0 = { server: cpuTimeMs(server.pid), postgres: postgresCpuS() };
  const m = await measure({ url: `http://127.0.0.1:${port}`, path: '/', request: (i) => s.request('ours', state, i), connections: 8, duration: Number(v.duration), warmup: 0 });
  const cpu1 = { server: cpuTimeMs(server.pid), postgres: postgresCpuS() };
  await new Promise((r) => setTimeout(r, 800));
  const after = await withClient(url, async (c) => (await c.query(`select xact_commit + xact_rollback as x, tup_returned, tup_fetched, tup_inserted, tup_updated from pg_stat_database where datname = current_database()`)).rows[0]);
  await server.stop();
  const n = m.requests;
  console.log(`${n} requests, ${m.throughputRps} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms`);
  console.log(`CPU per request: server ${((cpu1.server - cpu0.server) / n).toFixed(2)} ms, PostgreSQL (all its processes) ${((1000 * (cpu1.postgres - cpu0.postgres)) / n).toFixed(2)} ms`);
  console.log(`per request: transactions ${((after.x - before.x) / n).toFixed(1)}, tuples inserted ${((after.tup_inserted - before.tup_inserted) / n).toFixed(1)}, updated ${((after.tup_updated - before.tup_updated) / n).toFixed(1)}, fetched ${((after.tup_fetched - before.tup_fetched) / n).toFixed(0)}`);
  if (!v['no-prof']) {
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    const prof = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
    const self = new Map();
    const dt = new Map();
    for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
    let total = 0;
    const byPkg = new Map();
    for (const node of prof.nodes) {
      const t = dt.get(node.id) ?? 0;
      total += t;
      const cf = node.callFrame;
      const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/^.*node_modules\//, '').replace(ROOT, '')}:${cf.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + t);
      const pkg = cf.url.includes('node_modules/') ? cf.url.split('node_modules/').pop().split('/').slice(0, cf.url.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/') : cf.url.startsWith('node:') ? 'node:' + cf.url.slice(5).split('/')[0] : cf.url.includes('/dist/') ? 'ours:' + cf.url.split('/dist/src/')[1]?.split('/').slice(0, 2).join('/') : cf.functionName || '(native)';
      byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
    }
    const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
    console.log('--- self time by package ---\n' + top(byPkg, 25));
    console.log('--- self time by function ---\n' + top(self, 30));
  }
} finally {
  await pg.stop();
}
