import { randomUUID } from 'node:crypto';
import { buildSchema, parse } from 'graphql';
import { DEMO } from '../../src/db/demo-data';
import { operationUsesBsn } from '../../src/server/no-bsn-in-url.plugin';
import { startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// No BSN in a URL (NL API Design Rules): a GET request whose operation takes a Bsn is refused with
// BAD_REQUEST before anything is resolved; the same operation over POST works.

let app: TestApp;
let medewerker: string;
beforeAll(async () => {
  app = await startTestApp();
  medewerker = await app.token({ ...personas.medewerker });
});
afterAll(() => app.close());

async function get(query: string, variables?: Record<string, unknown>, token = medewerker, trace?: string) {
  const url = new URL(app.url);
  url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  const res = await fetch(url, {
    method: 'GET',
    // A non-simple header, as Apollo's CSRF prevention requires of GET requests.
    headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true', ...(trace ? { traceparent: `00-${trace}-00f067aa0ba902b7-01` } : {}) },
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  return { status: res.status, body };
}

const BY_VARIABLE = 'query ByBsn($bsn: Bsn!) { householdByBsn(bsn: $bsn) { id } }';
const BY_LITERAL = `query { householdByBsn(bsn: "${DEMO.sanne.bsn}") { id members { person { achternaam } } } }`;

it('refuses a GET with a Bsn variable with BAD_REQUEST (HTTP 400), without data', async () => {
  const r = await get(BY_VARIABLE, { bsn: DEMO.sanne.bsn });
  expect(r.status).toBe(400);
  expect(r.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
  expect(r.body.data).toBeUndefined();
  expect(JSON.stringify(r.body)).not.toContain(DEMO.sanne.bsn);
});

it('refuses a GET with a Bsn literal argument, and processes (and logs) nothing', async () => {
  const trace = randomUUID().replace(/-/g, '');
  const r = await get(BY_LITERAL, undefined, medewerker, trace);
  expect(r.status).toBe(400);
  expect(r.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
  expect(await app.em().getConnection().execute('select 1 from access_log_entry where trace_id = ?', [trace])).toHaveLength(0);
});

it('refuses it whatever the role (before authorization is even looked at)', async () => {
  const r = await get(BY_VARIABLE, { bsn: DEMO.sanne.bsn }, await app.token({ ...personas.sanne }));
  expect(r.status).toBe(400);
  expect(r.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
});

it('allows the same operation over POST, and GET requests without a Bsn', async () => {
  const post = await app.gql(BY_VARIABLE, { bsn: DEMO.sanne.bsn }, medewerker);
  expect(post.errors).toBeUndefined();
  expect(post.data).toMatchObject({ householdByBsn: { id: expect.any(String) } });
  const viewer = await get('query { viewer { role } }');
  expect(viewer.status).toBe(200);
  expect(viewer.body).toEqual({ data: { viewer: { role: 'MEDEWERKER' } } });
  // BSNs in the response (members' person.bsn) are fine: the rule is about the URL.
  const mine = await get('query { myHousehold { members { person { bsn } } } }', undefined, await app.token({ ...personas.sanne }));
  expect(mine.status).toBe(200);
});

describe('operationUsesBsn', () => {
  const schema = buildSchema(`
    scalar Bsn
    input Zoek { bsn: Bsn, naam: String, nested: Nested }
    input Nested { bsns: [Bsn!] }
    type Query { a(bsn: Bsn): Int, b(bsns: [Bsn!]): Int, c(zoek: Zoek): Int, d(naam: String): Int }
  `);
  it.each([
    ['query($x: Bsn) { a(bsn: $x) }', true],
    ['query($x: [Bsn!]) { b(bsns: $x) }', true],
    ['query($x: Zoek) { c(zoek: $x) }', true], // an input object that can hold a Bsn
    ['query { a(bsn: "999990019") }', true],
    ['query { b(bsns: ["999990019"]) }', true],
    ['query { c(zoek: { nested: { bsns: ["999990019"] } }) }', true],
    ['query { c(zoek: { naam: "x" }) }', false],
    ['query($n: String) { d(naam: $n) }', false],
    ['query { d(naam: "999990019") }', false], // a string argument is not a Bsn
  ])('%s → %s', (query, expected) => {
    expect(operationUsesBsn(schema, parse(query))).toBe(expected);
  });
});
