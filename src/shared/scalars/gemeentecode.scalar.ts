import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) {
    throw new GraphQLError(`Gemeentecode must be the 4-digit CBS code, e.g. "0193", got ${JSON.stringify(value)}`);
  }
  return value;
}

export const GemeentecodeScalar = new GraphQLScalarType<string, string>({
  name: 'Gemeentecode',
  description: 'CBS municipality code: 4 digits, e.g. "0193" (Zwolle).',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Gemeentecode must be a string of 4 digits', { nodes: ast });
    return parse(ast.value);
  },
});
