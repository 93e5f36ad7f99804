import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { BucketTaker, takeFromBuckets, type TakeItem } from '../../src/modules/ratelimit/leaky-bucket';
import { startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// The takes of concurrent requests share one statement (BucketTaker on GroupCommit, function
// rate_limit_take): sequential per key, in submission order; rows locked in key order.

const Q = '{ households(first: 4) { nodes { id } } }'; // cost 1 + 4 = 5
// Practically no leak while a test runs (0.36 points per hour).
const STILL = { capacity: 7.5, leakPerSecond: 0.0001 };

describe('batched rate-limit takes', () => {
  let app: TestApp;
  const statements: string[] = [];
  const takeStatements = () => statements.filter((s) => s.includes('rate_limit_take'));
  beforeAll(async () => {
    // MEDEWERKER: 12 points leaking 0.5 point/s: two queries of 5 fit, a third only after 6 s.
    app = await startTestApp({
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MEDEWERKER_CAPACITY: '12', RATE_LIMIT_MEDEWERKER_LEAK_PER_SECOND: '0.5' },
      onQuery: (s) => statements.push(s),
    });
  });
  afterAll(() => app.close());

  const em = () => app.orm.em.fork() as EntityManager;
  async function level(key: string): Promise<number | undefined> {
    const rows = await app.em().getConnection().execute<Array<{ level: number }>>('select level from rate_limit_bucket where key = ?', [key]);
    return rows[0]?.level;
  }

  it('is in the migrated database', async () => {
    const rows = await app
      .em()
      .getConnection()
      .execute<
        Array<{ args: string; result: string; lang: string }>
      >(`select pg_get_function_identity_arguments(p.oid) as args, pg_get_function_result(p.oid) as result, l.lanname as lang from pg_proc p join pg_language l on l.oid = p.prolang where p.proname = 'rate_limit_take'`);
    expect(rows).toEqual([
      {
        args: 'keys text[], costs double precision[], capacities double precision[], leaks double precision[]',
        result: 'TABLE(i integer, taken double precision, prev double precision)',
        lang: 'plpgsql',
      },
    ]);
  });

  it("never counts negative elapsed time: a row updated by a later-started transaction does not fill the bucket", async () => {
    // As when a batch waited on a row another node's younger transaction updated: updated_at > now().
    const conn = app.em().getConnection();
    await conn.execute(`insert into rate_limit_bucket (key, level, updated_at) values ('T:future', 1, now() + interval '10 seconds')`);
    const taker = new BucketTaker(em);
    // 10 s "ago" × 0.5 per second would have added 5 points; the take must see level 1 and add 1.
    const d = await taker.take('T:future', 1, { capacity: 5, leakPerSecond: 0.5 });
    expect(d).toMatchObject({ allowed: true, remaining: 3 });
    expect(d.level).toBeCloseTo(2, 6);
    const [row] = await conn.execute<Array<{ ahead: boolean }>>(`select updated_at > now() + interval '9 seconds' as ahead from rate_limit_bucket where key = 'T:future'`);
    expect(row.ahead).toBe(true); // updated_at did not move backwards
  });

  it('20 concurrent takes of one key: exactly as many as fit are allowed, in submission order, in ONE statement', async () => {
    const taker = new BucketTaker(em);
    statements.length = 0;
    const decisions = await Promise.all(Array.from({ length: 20 }, () => taker.take('T:same', 1, STILL)));
    expect(decisions.map((d) => d.allowed)).toEqual([...Array<boolean>(7).fill(true), ...Array<boolean>(13).fill(false)]);
    // sequential: each allowed take saw the one before it
    decisions.slice(0, 7).forEach((d, n) => expect(d.level).toBeCloseTo(n + 1, 3));
    expect(decisions[6].remaining).toBe(0);
    for (const d of decisions.slice(7)) {
      expect(d.level).toBeCloseTo(7, 3);
      // (7 + 1 − 7.5) / 0.0001 s
      expect(d.retryAfterSeconds).toBe(Math.ceil(0.5 / 0.0001));
    }
    expect(await level('T:same')).toBeCloseTo(7, 3);
    expect(takeStatements()).toHaveLength(1);
  });

  it('takes of different keys in one batch each get their own decision, mapped back to their submitter', async () => {
    await app.em().getConnection().execute(`insert into rate_limit_bucket (key, level, updated_at) values ('T:b-full', 7, now())`);
    const taker = new BucketTaker(em);
    statements.length = 0;
    // Submission order differs from key order ("T:a…" < "T:b…" < "T:c…"), and keys repeat.
    const [c1, full, a1, c2, a2, tooBig, a3] = await Promise.all([
      taker.take('T:c', 4, STILL),
      taker.take('T:b-full', 1, STILL),
      taker.take('T:a', 3, STILL),
      taker.take('T:c', 4, STILL), // 4 + 4 > 7.5
      taker.take('T:a', 3, STILL),
      taker.take('T:d-new', 8, STILL), // more than the bucket holds: nothing stored
      taker.take('T:a', 3, STILL), // 9 > 7.5
    ]);
    expect(takeStatements()).toHaveLength(1);
    expect(c1).toMatchObject({ allowed: true, remaining: 3 });
    expect(c1.level).toBeCloseTo(4, 3);
    expect(full).toMatchObject({ allowed: false, remaining: 0 });
    expect(full.level).toBeCloseTo(7, 3);
    expect(a1).toMatchObject({ allowed: true, remaining: 4 });
    expect(c2).toMatchObject({ allowed: false, remaining: 3 });
    expect(c2.level).toBeCloseTo(4, 3);
    expect(a2).toMatchObject({ allowed: true, remaining: 1 });
    expect(a2.level).toBeCloseTo(6, 3);
    expect(tooBig).toMatchObject({ allowed: false, level: 0, remaining: 7 });
    expect(a3).toMatchObject({ allowed: false, remaining: 1 });
    expect(await level('T:a')).toBeCloseTo(6, 3);
    expect(await level('T:b-full')).toBeCloseTo(7, 3);
    expect(await level('T:c')).toBeCloseTo(4, 3);
    expect(await level('T:d-new')).toBeUndefined();
  });

  it('queues takes while a batch is in flight and sends them as the next single statement', async () => {
    const taker = new BucketTaker(em);
    statements.length = 0;
    const first = taker.take('T:flight', 1, STILL);
    await new Promise((r) => setImmediate(r)); // the first batch (one take) is on its way
    const rest = Array.from({ length: 5 }, () => taker.take('T:flight', 1, STILL));
    expect(taker.waiting).toBe(5);
    const decisions = await Promise.all([first, ...rest]);
    expect(decisions.map((d) => d.allowed)).toEqual(Array<boolean>(6).fill(true));
    expect(takeStatements()).toHaveLength(2);
    expect(await level('T:flight')).toBeCloseTo(6, 3);
  });

  it('a failing take fails only its own submitter; the batch is rolled back and the others are taken once', async () => {
    const taker = new BucketTaker(em);
    const tooLong = 'T:' + 'x'.repeat(300); // the key column is varchar(200)
    const results = await Promise.allSettled([taker.take('T:retry', 2, STILL), taker.take(tooLong, 1, STILL), taker.take('T:retry', 2, STILL)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await level('T:retry')).toBeCloseTo(4, 3); // not 8: the failed batch's takes were not kept
  });

  it('two nodes taking the same keys in opposite orders at the same time do not deadlock', async () => {
    const keys = Array.from({ length: 30 }, (_, n) => `T:dl-${String(n).padStart(2, '0')}`);
    const items = (ks: string[]): TakeItem[] => ks.map((key) => ({ key, cost: 0.001, capacity: 1e9, leak: 0.00001 }));
    for (let round = 0; round < 20; round++) {
      // Directly, without GroupCommit's retry (which would hide a deadlock behind a slower success).
      await Promise.all([
        takeFromBuckets(em(), items(keys)),
        takeFromBuckets(em(), items([...keys].reverse())),
        takeFromBuckets(em(), items(keys.slice(10).concat(keys.slice(0, 10)))),
      ]);
    }
    expect(await level(keys[0])).toBeCloseTo(0.06, 3);
  });

  it('concurrent requests of one actor through the API: exactly as many as fit are allowed, and they share statements', async () => {
    const token = await app.token({ ...personas.medewerker, employee: 'RL-BATCH' });
    const key = 'MEDEWERKER:RL-BATCH';
    // Hold the bucket's row so the first take waits in PostgreSQL; the other requests queue behind it.
    const blocker = new Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`insert into rate_limit_bucket (key, level, updated_at) values ($1, 0, now())`, [key]);
      statements.length = 0;
      const n = 20;
      const responses = Array.from({ length: n }, () =>
        fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: Q }),
        }),
      );
      for (let waited = 0; ; waited += 20) {
        const waiting = await blocker.query(`select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`);
        if (waiting.rowCount) break;
        if (waited > 3000) throw new Error('the first take never waited for the row lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300)); // let the other requests arrive and queue
      await blocker.query('commit');
      const statuses = await Promise.all(responses.map(async (r) => (await r).status));
      expect(statuses.filter((s) => s === 200)).toHaveLength(2);
      expect(statuses.filter((s) => s === 429)).toHaveLength(n - 2);
      // 20 takes, far fewer statements (typically 2: the blocked one and everything queued behind it)
      expect(takeStatements().length).toBeGreaterThanOrEqual(2);
      expect(takeStatements().length).toBeLessThan(n / 2);
      const stored = await level(key);
      expect(stored).toBeGreaterThan(8);
      expect(stored).toBeLessThanOrEqual(10);
    } finally {
      await blocker.end();
    }
  });
});
