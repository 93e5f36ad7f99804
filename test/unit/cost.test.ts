import { getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../src/server/schema';
import { operationCost } from '../../src/server/cost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  expect(validate(schema, doc)).toEqual([]);
  return operationCost(schema, doc, getOperationAST(doc)!, variables);
}

describe('operationCost', () => {
  it('counts objects 1 and leaves 0', () => {
    expect(cost('{ viewer { role } }')).toBe(1);
    expect(cost('{ __typename viewer { __typename role } }')).toBe(1);
  });

  it('multiplies a connection by first, from a literal, a variable, or the default page size 20', () => {
    expect(cost('{ households(first: 10) { nodes { id } } }')).toBe(1 + 10 * 1);
    expect(cost('query Q($n: Int) { households(first: $n) { nodes { id } } }', { n: 7 })).toBe(1 + 7 * 1);
    expect(cost('{ households { nodes { id } } }')).toBe(1 + 20 * 1);
    // pageInfo is part of the selection: counted once per page item (an upper bound)
    expect(cost('{ households(first: 10) { nodes { id } pageInfo { hasNextPage } } }')).toBe(1 + 10 * 2);
  });

  it('multiplies nested connections', () => {
    const q = '{ households(first: 100) { nodes { schulden(first: 100) { nodes { id } } } } }';
    expect(cost(q)).toBe(1 + 100 * (1 + (1 + 100 * 1)));
  });

  it('counts fragments and inline fragments as written in place', () => {
    const inline = cost('{ households(first: 5) { nodes { members { person { achternaam } } } } }');
    const spread = cost('{ households(first: 5) { nodes { ...M } } } fragment M on Household { members { person { achternaam } } }');
    const onType = cost('{ households(first: 5) { nodes { ... on Household { members { person { achternaam } } } } } }');
    expect(spread).toBe(inline);
    expect(onType).toBe(inline);
    expect(inline).toBe(1 + 5 * (1 + 1 + 1));
  });

  it('counts only the selected operation', () => {
    const doc = parse('query A { viewer { role } } query B { households(first: 3) { nodes { id } } }');
    const b = doc.definitions[1] as Parameters<typeof operationCost>[2];
    expect(operationCost(schema, doc, b)).toBe(4);
  });
});
