import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidBsn } from '../bsn';

function parse(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Bsn must be a string of 9 digits');
  if (!/^\d{9}$/.test(value)) throw new GraphQLError('Bsn must be exactly 9 digits');
  if (!isValidBsn(value)) throw new GraphQLError('Bsn fails the 11-proef');
  return value;
}

export const BsnScalar = new GraphQLScalarType<string, string>({
  name: 'Bsn',
  description:
    'Burgerservicenummer: 9 digits that pass the 11-proef. Sent in request bodies only, never in URLs; never logged.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Bsn must be a string of 9 digits', { nodes: ast });
    return parse(ast.value);
  },
});
