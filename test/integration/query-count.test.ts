import { DEMO } from '../../src/db/demo-data';
import { toGlobalId } from '../../src/shared/global-id';
import { startTestApp, type TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { personas } from '../support/tokens';

// No N+1: the number of SQL statements for nested household data does not grow with the number
// of households in the request.

let app: TestApp;
const statements: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
});
afterAll(() => app.close());

const fields = `id members { rol person { achternaam } } toeslagen { nodes { soort } }
  schulden { nodes { openstaandBedrag toeslag { soort } } } betalingsregelingen { nodes { termijnbedrag schulden { id } } }`;

async function countFor(householdIds: string[]): Promise<number> {
  const vars = Object.fromEntries(householdIds.map((id, i) => [`h${i}`, toGlobalId('Household', id)]));
  const query = `query Many(${householdIds.map((_, i) => `$h${i}: ID!`).join(', ')}) {
    ${householdIds.map((_, i) => `h${i}: household(id: $h${i}) { ${fields} }`).join('\n')} }`;
  const token = await app.token({ ...personas.medewerker });
  statements.length = 0;
  const r = await app.gql(query, vars, token);
  expect(r.errors).toBeUndefined();
  return statements.filter((s) => s.includes('[query]')).length;
}

it('runs the same number of statements for one household as for three', async () => {
  const one = await countFor([DEMO.households.deVries]);
  const three = await countFor([DEMO.households.deVries, DEMO.households.jansen, DEMO.households.elAmrani]);
  expect(three).toBe(one);
  // 10 before the read-path optimisations (the data subject is now read with the households).
  expect(one).toBeLessThanOrEqual(9);
});

it('household(id) with its members, pages and overview: one read statement, whether selected directly or through fragments', async () => {
  const token = await app.token({ ...personas.medewerker });
  const direct = `query One($id: ID!) { household(id: $id) { id members { rol } toeslagen(first: 20) { nodes { soort } }
    schulden(first: 20) { nodes { id } } betalingsregelingen(first: 10) { nodes { id } } schuldenOverzicht { totaalOpenstaand } } }`;
  const viaFragments = `query One($id: ID!) { household(id: $id) { ...Parts ... on Household { schuldenOverzicht { totaalOpenstaand } } } }
    fragment Parts on Household { id members { rol } toeslagen(first: 20) { nodes { soort } } schulden(first: 20) { nodes { id } }
      betalingsregelingen(first: 10) { nodes { id } } }`;
  const results: unknown[] = [];
  for (const query of [direct, viaFragments]) {
    statements.length = 0;
    const r = await app.gql<Record<string, unknown>, { id: string }>(query, { id: toGlobalId('Household', DEMO.households.deVries) }, token);
    expect(r.errors).toBeUndefined();
    results.push(r.data);
    const ran = statements.filter((s) => s.includes('[query]'));
    // The household with everything selected under it, then the access log.
    expect(ran).toHaveLength(2);
    expect(ran[1]).toMatch(/insert into access_log_entry/);
  }
  expect(results[1]).toEqual(results[0]);
  expect((results[0] as { household: { schulden: { nodes: unknown[] } } }).household.schulden.nodes.length).toBeGreaterThan(0);
});

describe('households(first: N) with everything nested (issue 3)', () => {
  const nested = `query Nested($first: Int!) { households(first: $first) { nodes {
      id members { rol person { achternaam } }
      toeslagen { nodes { soort berekendVoorschotMaandbedrag beschikkingen { nummer dagtekening toeslag { id } } } }
      schulden { nodes { totaalOpenstaand kosten geschiedenis { datum soort bedrag } beschikking { nummer reden }
                         toeslag { soort } betalingsregeling { id } } }
      betalingsregelingen { nodes { bijOpDatum termijnen { volgnummer bedrag } schulden { id } } }
      schuldenOverzicht { totaalOpenstaand perToeslagsoort { soort totaalOpenstaand } volgendeBetaling { datum bedrag betalingsregeling { id } }
                          schulden { openstaand gedekt uitleg schuld { id beschikking { nummer } } } }
    } pageInfo { hasNextPage } } }`;

  beforeAll(async () => {
    // 55 households of our own, each with members, toeslagen, schulden with history and an active
    // regeling with termijnen, so every page below touches every kind of row.
    await new Factory(app.em(), 50).households(55, { full: true });
  });

  async function countFor(first: number): Promise<{ count: number; households: number }> {
    const token = await app.token({ ...personas.medewerker });
    statements.length = 0;
    const r = await app.gql<{ households: { nodes: unknown[] } }, { first: number }>(nested, { first }, token);
    expect(r.errors).toBeUndefined();
    return { count: statements.filter((s) => s.includes('[query]')).length, households: r.data!.households.nodes.length };
  }

  it('runs the same number of SQL statements for 10 households as for 50', async () => {
    const ten = await countFor(10);
    const fifty = await countFor(50);
    expect(ten.households).toBe(10);
    expect(fifty.households).toBe(50);
    // Reported: the statement count is flat in the page size.
    console.info(`households(first: 10): ${ten.count} statements; households(first: 50): ${fifty.count} statements`);
    expect(fifty.count).toBe(ten.count);
    // 23 before the read-path optimisations (the overview in one wave of two statements, the data subject read with the households).
    expect(fifty.count).toBeLessThanOrEqual(18);
  });
});
