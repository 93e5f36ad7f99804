import { DEMO } from '../../src/db/demo-data';
import { toGlobalId } from '../../src/shared/global-id';
import { startTestApp, type TestApp } from '../support/app';
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
  expect(one).toBeLessThanOrEqual(10);
});
