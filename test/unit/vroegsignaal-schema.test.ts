import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../../src/server/schema';

/**
 * domain.md §1 and §4: a gemeente sees only the minimal fields of its vroegsignalen — no path to a
 * household, its members, toeslagen, schulden, income or any other personal data. This walks the
 * GraphQL type graph (every field's type, every implementation of an interface and member of a union)
 * from Vroegsignaal and from every root field a GEMEENTE can call (read from the reviewed
 * docs/authorization-matrix.md), and proves that none of those types is reachable.
 */

/** Types that carry or lead to a household's data. */
const HOUSEHOLD_DATA = [
  'Household', 'HouseholdMember', 'Person', 'Adres', 'Toeslag', 'Beschikking', 'Schuld', 'SchuldEvent', 'Betalingsregeling',
  'Termijn', 'Machtiging', 'Zaak', 'SchuldenOverzicht', 'VerstuurdVroegsignaal', 'ToegangslogEntry', 'HouseholdConnection',
  'SchuldConnection', 'ToeslagConnection', 'BetalingsregelingConnection', 'Betalingscapaciteit',
];

/**
 * At run time `node(id)` gives a gemeente only these types: the matrix's `node(<Type>)` rows, which
 * execute node(id) for every type (every other type is FORBIDDEN), so the walk follows only them.
 */
const NODE_TYPES_FOR_GEMEENTE = ['Vroegsignaal', 'VroegsignaleringDeelname'];

function reachable(schema: GraphQLSchema, roots: GraphQLNamedType[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const t = queue.pop()!;
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields()) as Array<GraphQLField<unknown, unknown>>) queue.push(getNamedType(f.type));
    }
    if (isInterfaceType(t)) queue.push(...schema.getPossibleTypes(t));
    if (isUnionType(t)) queue.push(...t.getTypes());
  }
  return seen;
}

/** Root fields whose GEMEENTE row in the reviewed matrix has any outcome other than FORBIDDEN. */
function gemeenteRootFields(): string[] {
  const matrix = readFileSync(path.join(__dirname, '../../docs/authorization-matrix.md'), 'utf8');
  return matrix
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .filter((cells) => cells[2] === 'GEMEENTE' && cells.slice(3, -1).some((c) => c !== 'FORBIDDEN' && c !== '—'))
    .map((cells) => cells[1]);
}

it('no household data type is reachable from Vroegsignaal', async () => {
  const schema = await getSchema();
  const types = reachable(schema, [schema.getType('Vroegsignaal')!]);
  expect([...types].filter((t) => HOUSEHOLD_DATA.includes(t))).toEqual([]);
  expect([...types].sort()).toEqual(
    ['Boolean', 'Date', 'Gemeentecode', 'ID', 'Int', 'Money', 'String', 'Vroegsignaal', 'VroegsignaalAdres', 'VroegsignaalContact', 'VroegsignaalNaam', 'VroegsignaalOpvolging', 'VroegsignaalStatus', 'VroegsignaalUitkomst'].sort(),
  );
});

it('no household data type is reachable from any root field a gemeente can call', async () => {
  const schema = await getSchema();
  const rows = gemeenteRootFields();
  const fields = rows.filter((r) => !r.startsWith('node('));
  // the matrix lists them (a new gemeente field shows up here and must pass the same walk)
  expect(fields.sort()).toEqual(
    ['acknowledgeVroegsignalen', 'norms', 'recordVroegsignaalOpvolging', 'viewer', 'vroegsignalen', 'vroegsignaleringDeelnames', 'vroegsignaleringStatistics'].sort(),
  );
  // ... and node(id) reaches exactly the types the walk follows below
  expect(rows.filter((r) => r.startsWith('node(')).map((r) => r.slice(5, -1)).sort()).toEqual([...NODE_TYPES_FOR_GEMEENTE].sort());
  const rootFields = { ...schema.getQueryType()!.getFields(), ...schema.getMutationType()!.getFields() };
  const roots = [...fields, 'node'].flatMap((name) =>
    name === 'node' ? NODE_TYPES_FOR_GEMEENTE.map((t) => schema.getType(t)!) : [getNamedType(rootFields[name].type)],
  );
  const types = reachable(schema, roots);
  expect([...types].filter((t) => HOUSEHOLD_DATA.includes(t))).toEqual([]);
  expect(types.has('Vroegsignaal')).toBe(true);
});

it('the walk itself finds household data where it exists (the test has teeth)', async () => {
  const schema = await getSchema();
  const types = reachable(schema, [getNamedType(schema.getQueryType()!.getFields().node.type)]);
  expect(types.has('Household')).toBe(true);
  expect(types.has('Person')).toBe(true);
});
