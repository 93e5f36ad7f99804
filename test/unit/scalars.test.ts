import Decimal from 'decimal.js';
import { Kind, parseValue } from 'graphql';
import { isValidBsn } from '../../src/shared/bsn';
import { BsnScalar, DateScalar, GemeentecodeScalar, MoneyScalar } from '../../src/shared/scalars';

const literal = (text: string) => parseValue(text);

describe('Bsn', () => {
  it.each(['999990019', '999990020', '111222333', '123456782'])('accepts %s (passes the 11-proef)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
    expect(BsnScalar.parseValue(bsn)).toBe(bsn);
    expect(BsnScalar.parseLiteral(literal(`"${bsn}"`))).toBe(bsn);
    expect(BsnScalar.serialize(bsn)).toBe(bsn);
  });

  it.each([
    ['999990018', '11-proef'],
    ['123456789', '11-proef'],
    ['000000000', '11-proef'], // weighted sum 0 is explicitly invalid
    ['12345678', 'exactly 9 digits'],
    ['1234567890', 'exactly 9 digits'],
    ['99999001a', 'exactly 9 digits'],
    [' 99999001', 'exactly 9 digits'],
    ['', 'exactly 9 digits'],
  ])('refuses %j (%s)', (bsn, reason) => {
    expect(isValidBsn(bsn)).toBe(false);
    expect(() => BsnScalar.parseValue(bsn)).toThrow(reason);
  });

  it('refuses numbers: a BSN with a leading zero would silently lose it', () => {
    expect(() => BsnScalar.parseValue(999990019)).toThrow('string');
    expect(() => BsnScalar.parseLiteral(literal('999990019'))).toThrow('string');
  });

  it('never serialises an invalid BSN', () => {
    expect(() => BsnScalar.serialize('999990018')).toThrow();
  });
});

describe('Money', () => {
  it.each([
    ['0', '0.00'],
    ['0.00', '0.00'],
    ['123.4', '123.40'],
    ['-5.50', '-5.50'],
    ['1250.40', '1250.40'],
    ['9999999999999.99', '9999999999999.99'],
  ])('parses %j exactly and formats it as %j', (input, output) => {
    const value = MoneyScalar.parseValue(input);
    expect(Decimal.isDecimal(value)).toBe(true);
    expect(value.toString()).toBe(new Decimal(input).toString());
    expect(MoneyScalar.serialize(value)).toBe(output);
    expect(MoneyScalar.serialize(MoneyScalar.parseLiteral(literal(`"${input}"`)))).toBe(output);
  });

  it.each(['1.234', '1e3', '01.00', ' 1.00', '1,00', '', '.5', '5.', 'NaN', 'Infinity', '-0.001', '10000000000000.00', '+1.00'])(
    'refuses %j',
    (input) => {
      expect(() => MoneyScalar.parseValue(input)).toThrow();
    },
  );

  it('refuses JSON numbers and numeric literals (no floats anywhere)', () => {
    expect(() => MoneyScalar.parseValue(12.5)).toThrow('decimal string');
    expect(() => MoneyScalar.parseLiteral(literal('12.5'))).toThrow('decimal string');
    expect(() => MoneyScalar.parseLiteral(literal('12'))).toThrow('decimal string');
  });

  it('adds without float error: 0.10 + 0.20 = 0.30', () => {
    expect(MoneyScalar.serialize(MoneyScalar.parseValue('0.10').plus(MoneyScalar.parseValue('0.20')))).toBe('0.30');
  });

  it('refuses to serialise fractions of a cent instead of rounding them away', () => {
    expect(() => MoneyScalar.serialize(new Decimal('1.005'))).toThrow('2 decimals');
    expect(() => MoneyScalar.serialize(new Decimal(NaN))).toThrow();
    expect(() => MoneyScalar.serialize(1.5)).toThrow();
  });
});

describe('Date', () => {
  it.each(['2024-02-29', '2026-01-01', '1999-12-31'])('accepts %s', (d) => {
    expect(DateScalar.parseValue(d)).toBe(d);
    expect(DateScalar.serialize(d)).toBe(d);
  });
  it.each(['2023-02-29', '2024-13-01', '2024-1-01', '2024-01-32', '2024-01-01T00:00:00Z', '01-01-2024', ''])('refuses %j', (d) => {
    expect(() => DateScalar.parseValue(d)).toThrow('YYYY-MM-DD');
  });
  it('refuses non-string literals', () => {
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20240101' })).toThrow();
  });
});

describe('Gemeentecode', () => {
  it('accepts 4 digits with leading zeros', () => {
    expect(GemeentecodeScalar.parseValue('0193')).toBe('0193');
  });
  it.each(['193', '01934', 'GM0193', '', 193])('refuses %j', (v) => {
    expect(() => GemeentecodeScalar.parseValue(v)).toThrow('4-digit');
  });
});
