import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Euro amounts: optional minus, up to 13 integer digits, at most 2 decimals. No exponent, no float. */
const MONEY_PATTERN = /^-?(0|[1-9]\d{0,12})(\.\d{1,2})?$/;

export function parseMoney(value: unknown): Decimal {
  if (typeof value !== 'string') {
    throw new GraphQLError('Money must be a decimal string such as "123.45" (numbers are refused to avoid float rounding)');
  }
  if (!MONEY_PATTERN.test(value)) {
    throw new GraphQLError(`Money must look like "123.45" (at most 2 decimals, no exponent), got "${value}"`);
  }
  return new Decimal(value);
}

/** Two decimals; callers guarantee at most 2 decimal places, so nothing is rounded here. */
export function formatMoney(value: Decimal): string {
  return value.toFixed(2);
}

export const MoneyScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Money',
  description: 'An amount in euro as a decimal string with exactly two decimals on output, e.g. "1234.50". Never a float.',
  serialize(value) {
    if (Decimal.isDecimal(value)) {
      const d = value as Decimal;
      if (!d.isFinite() || d.decimalPlaces() > 2) throw new GraphQLError('Money value has more than 2 decimals');
      return formatMoney(d);
    }
    if (typeof value === 'string') return formatMoney(parseMoney(value));
    throw new GraphQLError('Money must be serialised from a Decimal or a decimal string');
  },
  parseValue: (value) => parseMoney(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Money must be a decimal string such as "123.45"', { nodes: ast });
    }
    return parseMoney(ast.value);
  },
});
