/**
 * Benchmark of a large KOO delivery: `npm run bench:koo -- --records 200000 [--format ndjson|records] [--inject-failure]`.
 * Starts a scratch embedded PostgreSQL, migrates it, seeds households (half the records' parents
 * match one), runs the API in this process and sends the delivery over HTTP as a KOO would: one
 * createBulkKinderopvangLevering, chunks of 2,000 records, one commitBulkKinderopvangLevering
 * (src/cli/koo-bulk-client.ts, shared with scenario d of `npm run bench`). Prints
 * records/s per phase and the peak RSS of this Node process (API and client together). With
 * --inject-failure a trigger makes the commit fail at the middle record first (proving nothing is
 * stored), then the trigger is dropped and the commit is retried.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { devTokenClaims, signDevToken } from '../auth/dev-tokens';
import { createTokenVerifier } from '../auth/token-verifier';
import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { createPseudonymiser } from '../modules/accesslog/pseudonym';
import { bsnOfIndex } from '../seed/bsn';
import { createApp, listen } from '../server/app';
import { createLogger } from '../server/logger';
import { systemClock } from '../shared/clock';
import { fail, parse } from './args';
import { commitBulkDelivery, kooBenchRecord, kooGqlClient, stageBulkDelivery } from './koo-bulk-client';

const args = parse({
  records: { type: 'string', default: '200000' },
  households: { type: 'string', default: '50000' },
  port: { type: 'string', default: '54329' },
  'inject-failure': { type: 'boolean', default: false },
  /** Chunks in flight at once (a KOO may upload chunks in parallel; each is idempotent). */
  parallel: { type: 'string', default: '2' },
  /** How a chunk carries its records: ndjson (recordsNdjson) or records (typed input objects). */
  format: { type: 'string', default: 'ndjson' },
});
const N = Number(args.records);
const H = Number(args.households);
if (!Number.isInteger(N) || N < 1 || N > 400_000) fail('--records is 1..400000');
if (args.format !== 'ndjson' && args.format !== 'records') fail('--format is ndjson or records');

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 25);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'koo-bench-'));
  await chmod(dir, 0o755); // as root, postgres runs as its own user and must enter this folder
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: Number(args.port), persistent: false });
  try {
    await pg.createDatabase('bench');
    const url = pg.url('bench');
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url, DATA_DIR: dir, RATE_LIMIT_ENABLED: 'false', PSEUDONYM_KEY: 'bench-pseudonym-key-0123456789abcdef0123' });
    const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: 10, statementTimeoutMs: config.dbStatementTimeoutMs }));
    await migrate(orm);
    const conn = orm.em.getConnection();
    // The KOO and H households whose aanvrager BSNs are the parents of half the records.
    await conn.execute(`insert into koo_organisatie (id, organisation_id, naam, overeenkomst_status) values (gen_random_uuid(), 'KVK:11223344', 'Bench KOO', 'OUD_CONVENANT')`);
    await conn.execute(`insert into koo_locatie (id, organisatie_id, lrk_nummer, naam) select gen_random_uuid(), id, '123456789', 'Bench' from koo_organisatie`);
    for (let from = 0; from < H; from += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, H - from) }, (_, i) => ({ bsn: bsnOfIndex(from + i) }));
      await conn.execute(
        `with p as (insert into person (id, bsn, voornamen, achternaam) select gen_random_uuid(), x.bsn, 'Ouder', 'Bench' from jsonb_to_recordset(?::jsonb) as x(bsn text) returning id),
              h as (select id as person_id, gen_random_uuid() as household_id from p),
              hh as (insert into household (id, adres_straat, adres_huisnummer, adres_postcode, adres_woonplaats, gemeentecode)
                     select household_id, 'Benchstraat', 1, '1234AB', 'Zwolle', '0193' from h returning id)
         insert into household_member (id, household_id, person_id, rol, vanaf) select gen_random_uuid(), household_id, person_id, 'AANVRAGER', '2020-01-01' from h`,
        [JSON.stringify(rows)],
      );
    }
    const verifier = await createTokenVerifier(config.auth, config.dataDir, systemClock);
    const app = await createApp({ config, orm, clock: systemClock, verifier, pseudonymise: createPseudonymiser(config.pseudonymKey!), logger: createLogger('info', pino.destination('/dev/null')) });
    await listen(app.server, 0, '127.0.0.1');
    const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
    const token = await signDevToken(devTokenClaims({ role: 'KOO', org: 'KVK:11223344', lrk: ['123456789'] }), { dataDir: dir, auth: config.auth, ttlSeconds: 3600, now: systemClock.now() });
    const periode = systemClock.today().slice(0, 7);
    const gql = kooGqlClient(endpoint, token);
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const record = (i: number) => kooBenchRecord(i, { periode, lrkNummer: '123456789', ouderBsn: (k) => bsnOfIndex(k % (2 * H)) });
    const { leveringId: id, chunks, largestChunkBytes: bytes } = await stageBulkDelivery(gql, {
      idempotencyKey: `bench-${randomUUID()}`,
      periode,
      count: N,
      record,
      parallel: Math.max(1, Number(args.parallel)),
      format: args.format as 'ndjson' | 'records',
      onChunk: sample,
    });
    const staged = performance.now();
    const cpuStaging = process.cpuUsage(cpu0);
    if (args['inject-failure']) {
      await conn.execute(`create function bench_fail() returns trigger language plpgsql as $$ begin if new.idx = ${Math.floor(N / 2)} then raise exception 'injected'; end if; return new; end $$`);
      await conn.execute('create trigger bench_fail before insert on koo_record for each row execute function bench_fail()');
      const t0 = performance.now();
      const failed = await commitBulkDelivery(gql, id);
      const [{ n }] = await conn.execute('select count(*)::int as n from koo_record');
      const [{ logs }] = await conn.execute(`select count(*)::int as logs from access_log_entry where processing_activity_id = 'kinderopvang-gegevenslevering'`);
      console.log(`injected failure at record ${Math.floor(N / 2)}: status ${failed.levering!.status}, ${JSON.stringify(failed.userErrors)}, records stored ${n}, access-log rows ${logs} (${Math.round(performance.now() - t0)} ms)`);
      if (n !== 0 || logs !== 0) throw new Error('the failed commit left data behind');
      await conn.execute('drop trigger bench_fail on koo_record');
      await conn.execute('drop function bench_fail()');
    }
    const c0 = performance.now();
    const cpu1 = process.cpuUsage();
    const done = await commitBulkDelivery(gql, id);
    if (done.userErrors?.length) throw new Error(`commit refused: ${JSON.stringify(done.userErrors)}`);
    const committed = performance.now();
    const cpuCommit = process.cpuUsage(cpu1);
    const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
    sample();
    const [{ n }] = await conn.execute('select count(*)::int as n from koo_record');
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(`records: ${N} in ${chunks} chunks, ${args.parallel} in parallel (largest request body ${(bytes / 1024).toFixed(0)} kB); ${H} households, ${done.levering!.aantalGekoppeld} records matched`);
    console.log(`staging (create + chunks over HTTP): ${s(staged - started)} s = ${Math.round(N / ((staged - started) / 1000))} records/s`);
    console.log(`commit (one transaction): ${s(committed - c0)} s = ${Math.round(N / ((committed - c0) / 1000))} records/s; status ${done.levering!.status}, stored ${n}`);
    console.log(
      `Node CPU time (API + client): staging ${cpuS(cpuStaging).toFixed(2)} s (${Math.round(N / cpuS(cpuStaging))} records per CPU-second), ` +
        `commit ${cpuS(cpuCommit).toFixed(2)} s (the commit's work is in PostgreSQL); load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    );
    console.log(`end to end (excluding any failed commit): ${s(staged - started + committed - c0)} s = ${Math.round(N / ((staged - started + committed - c0) / 1000))} records/s`);
    console.log(`peak RSS of the Node process (API + client): ${mb(peakRss)} (sampled), ${mb(process.resourceUsage().maxRSS * 1024)} (maxRSS)`);
    await app.close();
    await orm.close(true);
  } finally {
    clearInterval(sampler);
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
