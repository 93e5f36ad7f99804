import { DEMO } from '../../src/db/demo-data';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// Every operation limit refuses with its own code before anything is resolved: no SQL at all.

let app: TestApp;
const statements: string[] = [];
const sql = () => statements.filter((s) => s.includes('[query]'));
beforeAll(async () => {
  app = await startTestApp({
    onQuery: (s) => statements.push(s),
    env: { LIMIT_MAX_DEPTH: '8', LIMIT_MAX_ALIASES: '10', LIMIT_MAX_TOKENS: '600', LIMIT_MAX_COST: '5000', BODY_LIMIT: '64kb', RATE_LIMIT_ENABLED: 'true' },
  });
});
afterAll(() => app.close());

async function refused(query: string, variables?: Record<string, unknown>) {
  const token = await app.token({ ...personas.medewerker });
  statements.length = 0;
  const r = await app.gql(query, variables, token);
  return { r, statements: sql().length };
}

const household = toGlobalId('Household', DEMO.households.deVries);

describe('operation limits', () => {
  it('refuses an alias attack with TOO_MANY_ALIASES and no SQL', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: household(id: "${household}") { id }`).join('\n');
    const { r, statements: n } = await refused(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['TOO_MANY_ALIASES']);
    expect(r.data).toBeUndefined();
    expect(n).toBe(0);
  });

  it('refuses a deep query with QUERY_TOO_DEEP and no SQL', async () => {
    // schuld → toeslag → beschikkingen → toeslag → …: depth 10 over the limit of 8
    const deep = `{ household(id: "${household}") { schulden { nodes { toeslag { beschikkingen { toeslag { beschikkingen { toeslag { beschikkingen { nummer } } } } } } } } } }`;
    const { r, statements: n } = await refused(deep);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['QUERY_TOO_DEEP']);
    expect(n).toBe(0);
  });

  it('refuses a huge batch of fields with TOO_MANY_TOKENS and no SQL', async () => {
    const fields = Array.from({ length: 700 }, () => 'id').join(' ');
    const { r, statements: n } = await refused(`{ household(id: "${household}") { ${fields} } }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['TOO_MANY_TOKENS']);
    expect(n).toBe(0);
  });

  it('refuses too many directives with TOO_MANY_DIRECTIVES and no SQL', async () => {
    // 12 directives (each field may carry @include and @skip once) over the limit of 10
    const d = '@include(if: true) @skip(if: false)';
    const { r, statements: n } = await refused(`{ household(id: "${household}") { id ${d} gemeentecode ${d} uhtGeregistreerd ${d} adres ${d} { straat ${d} woonplaats ${d} } } }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['TOO_MANY_DIRECTIVES']);
    expect(n).toBe(0);
  });

  it('refuses nested first: 100 connections over the cost limit with QUERY_TOO_COSTLY and no SQL', async () => {
    const q = `query Big($n: Int) { households(first: 100) { nodes { schulden(first: $n) { nodes { id } } } } }`;
    const { r, statements: n } = await refused(q, { n: 100 });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['QUERY_TOO_COSTLY']);
    expect(r.errors![0].extensions!.cost).toMatchObject({ requestedQueryCost: 1 + 100 * (1 + 1 + 100), maximumAvailable: 5000 });
    expect(n).toBe(0);
  });

  it('reports the cost of an accepted query in extensions', async () => {
    const token = await app.token({ ...personas.medewerker });
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ households(first: 3) { nodes { id } } }' }),
    });
    const body = (await res.json()) as { errors?: unknown; extensions: { cost: Record<string, number> } };
    expect(body.errors).toBeUndefined();
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 4, maximumAvailable: 5000 });
  });
});

describe('request body size', () => {
  it('answers an oversized body with 413 and PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('accepts a body under the limit', async () => {
    const r = await app.gql('{ viewer { role } }', { pad: 'x'.repeat(10 * 1024) } as never, await app.token({ ...personas.medewerker }));
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
  });
});

describe('statement timeout', () => {
  it('is set on the connections of the ORM pool (default 5000 ms)', async () => {
    const rows = await app.em().getConnection().execute<Array<{ statement_timeout: string }>>('show statement_timeout');
    expect(rows[0].statement_timeout).toBe('5s');
  });

  it('follows DB_STATEMENT_TIMEOUT_MS', async () => {
    const other = await startTestApp({ env: { DB_STATEMENT_TIMEOUT_MS: '1234' }, demoData: false });
    try {
      const rows = await other.em().getConnection().execute<Array<{ statement_timeout: string }>>('show statement_timeout');
      expect(rows[0].statement_timeout).toBe('1234ms');
    } finally {
      await other.close();
    }
  });
});
