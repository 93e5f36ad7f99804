// Prints the SQL statements our API runs for one request of a scenario (MikroORM query debug),
// against a seeded benchmark database. usage:
//   node bench/tools/statements.mjs --database-url postgres://…/bench_10k --scenario a
//     [--repeat 300 --quiet] [--query 'query($id: ID!) { household(id: $id) { id } }'] [--rate-limit false]
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createKeys, BENCH_AUDIENCE, BENCH_ISSUER } from '../lib/keys.mjs';
import { withClient } from '../lib/dataset.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (p) => require(path.join(path.dirname(BENCH), 'dist', 'src', p));
const { values: v } = parseArgs({ options: { 'database-url': { type: 'string' }, scenario: { type: 'string', default: 'a' }, repeat: { type: 'string', default: '1' }, quiet: { type: 'boolean' }, query: { type: 'string' }, 'rate-limit': { type: 'string', default: 'true' } } });
const scenarios = await Promise.all(readdirSync(path.join(BENCH, 'scenarios')).filter((f) => f.endsWith('.mjs')).map(async (f) => (await import(pathToFileURL(path.join(BENCH, 'scenarios', f)).href)).default));
const s = scenarios.find((x) => x.id === v.scenario);
const keys = await createKeys(path.join(os.tmpdir(), 'bench-statements-keys'));
const { MikroORM } = require('@mikro-orm/postgresql');
const { loadConfig } = dist('config.js');
const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: v['database-url'], AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: BENCH_ISSUER, AUTH_AUDIENCE: BENCH_AUDIENCE, PSEUDONYM_KEY: keys.pseudonymKey, RATE_LIMIT_ENABLED: v['rate-limit'] });
const statements = [];
let recording = false;
const orm = await MikroORM.init(dist('db/orm.config.js').ormConfig({ clientUrl: config.databaseUrl, poolMax: 5, ...(v.quiet ? {} : { debug: ['query'], logger: (m) => recording && statements.push(m) }) }));
const verifier = await dist('auth/token-verifier.js').createTokenVerifier(config.auth, config.dataDir, dist('shared/clock.js').systemClock);
const pino = require('pino');
const app = await dist('server/app.js').createApp({ config, orm, clock: dist('shared/clock.js').systemClock, verifier, pseudonymise: dist('modules/accesslog/pseudonym.js').createPseudonymiser(config.pseudonymKey), logger: pino({ level: 'silent' }) });
await dist('server/app.js').listen(app.server, 0, '127.0.0.1');
const origin = `http://127.0.0.1:${app.server.address().port}`;
try {
  const state = await withClient(v['database-url'], (db) => s.prepare({ db, sign: keys.sign, sampleSize: 50 }));
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let k = 0; k < Number(v.repeat); k++) {
    const r = s.request('ours', state, k);
    // --query: the same request with another operation (same variables), to take the cost apart.
    if (v.query) r.body = JSON.stringify({ ...JSON.parse(r.body), query: v.query });
    statements.length = 0;
    recording = true;
    const t0 = performance.now();
    const res = await fetch(origin + r.path, { method: 'POST', headers: { 'content-type': 'application/json', ...r.headers }, body: r.body });
    const text = await res.text();
    const ms = performance.now() - t0;
    recording = false;
    if (Number(v.repeat) <= 20 || k % 50 === 0) console.log(`request ${k}: ${res.status}, ${text.length} bytes, ${ms.toFixed(1)} ms, ${statements.length} statements`);
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`process CPU per request (API + client, sequential): ${((cpu.user + cpu.system) / 1000 / Number(v.repeat)).toFixed(2)} ms; wall ${((performance.now() - wall0) / Number(v.repeat)).toFixed(1)} ms`);
  if (!v.quiet) for (const st of statements) console.log('  ' + st.replace(/\s+/g, ' ').slice(0, 400));
} finally {
  await app.close();
  await orm.close(true);
}
