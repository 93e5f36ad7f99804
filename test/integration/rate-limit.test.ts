import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// Leaky bucket per actor on operation cost, in PostgreSQL (one statement per request, or per batch of
// concurrent requests: rate-limit-batch.test.ts).

const Q = '{ households(first: 4) { nodes { id } } }'; // cost 1 + 4 = 5
type Cost = { requestedQueryCost: number; maximumAvailable: number; remaining: number; restoreRate: number };

async function post(app: TestApp, token: string) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: Q }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions: Record<string, unknown> }>; extensions?: { cost: Cost } };
  return { res, body, code: body.errors?.[0]?.extensions.code };
}

describe('rate limiting', () => {
  let a: TestApp;
  let b: TestApp;
  const statements: string[] = [];
  beforeAll(async () => {
    // MEDEWERKER bucket: 12 points, leaking 0.5 point/s: two queries of 5 fit, the third does not.
    const env = { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MEDEWERKER_CAPACITY: '12', RATE_LIMIT_MEDEWERKER_LEAK_PER_SECOND: '0.5' };
    a = await startTestApp({ env, onQuery: (s) => statements.push(s) });
    // A second API node on the same database shares the buckets.
    b = await startTestApp({ env, database: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('reports a decreasing remaining budget, then refuses with 429, Retry-After and RATE_LIMITED; the state is shared between nodes', async () => {
    const token = await a.token({ ...personas.medewerker, employee: 'RL-1' });
    statements.length = 0;
    const first = await post(a, token);
    expect(first.res.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.extensions!.cost).toEqual({ requestedQueryCost: 5, maximumAvailable: 12, remaining: 7, restoreRate: 0.5 });
    // exactly one statement for the bucket (the take runs the function rate_limit_take)
    expect(statements.filter((s) => /rate_limit_(bucket|take)/.test(s))).toHaveLength(1);

    const second = await post(b, await b.token({ ...personas.medewerker, employee: 'RL-1' })); // the other node, same actor
    expect(second.res.status).toBe(200);
    expect(second.body.extensions!.cost.remaining).toBeLessThan(first.body.extensions!.cost.remaining);
    expect(second.body.extensions!.cost.remaining).toBe(2);

    const third = await post(a, token);
    expect(third.res.status).toBe(429);
    expect(third.code).toBe('RATE_LIMITED');
    const retryAfter = Number(third.res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(third.body.errors![0].extensions.retryAfterSeconds).toBe(retryAfter);
    // (5 + 5 + 5 − 12) / 0.5 ≈ 6 s, less what leaked meanwhile
    expect(retryAfter).toBeLessThanOrEqual(6);

    // Another actor has its own bucket.
    const other = await post(a, await a.token({ ...personas.medewerker, employee: 'RL-2' }));
    expect(other.res.status).toBe(200);
  });

  it('keys citizens by the pseudonym of their BSN, never the BSN', async () => {
    await post(a, await a.token({ ...personas.sanne }));
    const keys = await a.em().getConnection().execute<Array<{ key: string }>>('select key from rate_limit_bucket');
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^BURGER:[0-9a-f]{64}$/)]));
    // The key is a hex HMAC: it may hold a run of digits by chance, but never the BSN itself.
    expect(JSON.stringify(keys)).not.toContain(personas.sanne.sub);
    expect(JSON.stringify(keys)).not.toMatch(/(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/);
  });
});

describe('leaking', () => {
  let app: TestApp;
  beforeAll(async () => {
    // 6 points, leaking 100 points/s: full after one query of 5 + one more, empty again within 0.1 s.
    app = await startTestApp({
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_INTERMEDIAIR_CAPACITY: '6', RATE_LIMIT_INTERMEDIAIR_LEAK_PER_SECOND: '100' },
    });
  });
  afterAll(() => app.close());

  it('accepts again after the bucket leaked', async () => {
    const token = await app.token({ ...personas.intermediair });
    // fill it directly so the refusal does not depend on timing
    await app.em().getConnection().execute(`insert into rate_limit_bucket (key, level, updated_at) values (?, 6, now() + interval '200 milliseconds')`, [
      'INTERMEDIAIR:KVK:87654321/SR-001',
    ]);
    const refused = await post(app, token);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.res.status).toBe(429);
    await new Promise((r) => setTimeout(r, 450));
    const accepted = await post(app, token);
    expect(codes({ status: 200, headers: accepted.res.headers, data: null, errors: accepted.body.errors as never })).not.toContain('RATE_LIMITED');
    expect(accepted.res.status).toBe(200);
  });

  it('refuses an operation that costs more than the bucket holds with QUERY_TOO_COSTLY, without touching the bucket', async () => {
    const r = await app.gql('{ clients(first: 10) { nodes { id } } }', {}, await app.token({ ...personas.intermediair }));
    expect(codes(r)).toEqual(['QUERY_TOO_COSTLY']);
  });
});
