// /healthz (liveness) and /readyz (readiness: database answers, no migration pending), and the
// IDE being off in test unless enabled.
import type { MikroORM } from '@mikro-orm/postgresql';
import { createReadinessCheck, isDatabaseUnavailable } from '../../src/server/health';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
let base: string;

beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  base = app.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await app?.close();
});

describe('health endpoints', () => {
  it('GET /healthz: the process is up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz: ready when the database answers and no migration is pending', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('GET /graphql from a browser: no IDE in test unless GRAPHQL_IDE=true, and no CDN landing page', async () => {
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await res.text()).not.toMatch(/cdn|<script/i);
    expect((await fetch(`${base}/ide/assets/graphiql.min.js`)).status).toBe(404);
    expect((await fetch(`${base}/ide/personas`)).status).toBe(404);
  });
});

describe('readiness check', () => {
  const fakeOrm = (o: { ping?: () => Promise<unknown>; pending?: () => Promise<unknown[]> }) => {
    const calls = { pending: 0 };
    const orm = {
      em: { fork: () => ({ getConnection: () => ({ execute: o.ping ?? (async () => [{ '?column?': 1 }]) }) }) },
      getMigrator: () => ({
        getPendingMigrations: async () => {
          calls.pending++;
          return (o.pending ?? (async () => []))();
        },
      }),
    } as unknown as MikroORM;
    return { orm, calls };
  };

  it('reports pending migrations, and caches "none pending" for the life of the process', async () => {
    const pending = fakeOrm({ pending: async () => [{ name: 'Migration2' }] });
    expect(await createReadinessCheck(pending.orm).check()).toEqual({ ready: false, reason: 'migrations pending' });

    const current = fakeOrm({});
    const check = createReadinessCheck(current.orm);
    expect(await check.check()).toEqual({ ready: true });
    expect(await check.check()).toEqual({ ready: true });
    expect(current.calls.pending).toBe(1);
  });

  it('gives up on a database that does not answer within the timeout', async () => {
    const hanging = fakeOrm({ ping: () => new Promise(() => undefined) });
    const started = performance.now();
    expect(await createReadinessCheck(hanging.orm, { timeoutMs: 200 }).check()).toEqual({ ready: false, reason: 'database unavailable' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('recognises outage errors, not other database errors', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: { cause: Object.assign(new Error('x'), { code: '08006' }) } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
  });
});
