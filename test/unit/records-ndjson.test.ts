import Decimal from 'decimal.js';
import fc from 'fast-check';
import { coerceInputValue, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { MAX_RECORDS_PER_CHUNK } from '../../src/modules/kinderopvang/kinderopvang.rules';
import { parseRecordsNdjson } from '../../src/modules/kinderopvang/records-ndjson';
import { getSchema } from '../../src/server/schema';

let schema: GraphQLSchema;
let recordType: GraphQLInputType;
beforeAll(async () => {
  schema = await getSchema();
  recordType = schema.getType('KinderopvangRecordInput') as GraphQLInputType;
});

const valid = {
  periode: '2026-11',
  lrkNummer: '123456789',
  soortOpvang: 'DAGOPVANG',
  kindBsn: '111222333',
  kindNaam: 'Kind "Test"\tmet tab',
  kindGeboortedatum: '2022-05-01',
  ouderBsn: '999990019',
  partnerBsn: null,
  uren: '100.00',
  uurprijs: '10.95',
  factuurbedrag: '1095.00',
  contracteinddatum: '2027-07-31',
};

/** What GraphQL's own variable coercion makes of one record (the typed `records` path), or null if it refuses it. */
function graphqlCoerce(value: unknown): Record<string, unknown> | null {
  let refused = false;
  const out = coerceInputValue(value, recordType, () => {
    refused = true;
  });
  return refused ? null : { ...(out as Record<string, unknown>) };
}

/** The same, normalised for comparison: Decimals as strings, absent nullable fields as null. */
function normalise(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(valid)) {
    const v = r[k];
    out[k] = Decimal.isDecimal(v) ? (v as Decimal).toString() : (v ?? null);
  }
  return out;
}

describe('parseRecordsNdjson', () => {
  it('reads one record per line, with CRLF line ends and one final newline, into what GraphQL coercion gives', () => {
    const second = { ...valid, soortOpvang: 'BSO', kindBsn: null, kindGeboortedatum: null, contracteinddatum: undefined, uurprijs: '9.5' };
    const text = `${JSON.stringify(valid)}\r\n${JSON.stringify(second)}\n`;
    const r = parseRecordsNdjson(text);
    expect(r.error).toBeUndefined();
    expect(r.records!.map((x) => normalise(x as unknown as Record<string, unknown>))).toEqual([normalise(graphqlCoerce(valid)!), normalise(graphqlCoerce(second)!)]);
    expect(r.records![1].uurprijs).toBeInstanceOf(Decimal);
    expect(r.records![1].uurprijs.toString()).toBe('9.5');
  });

  it('an empty text is no records (the chunk is then refused as empty)', () => {
    expect(parseRecordsNdjson('')).toEqual({ records: [] });
    expect(parseRecordsNdjson('\n')).toEqual({ records: [] });
  });

  it.each([
    ['not JSON', `${JSON.stringify(valid)}\n{"periode": `, ['input', 'recordsNdjson', '1'], 'Regel 2 is geen geldige JSON.'],
    ['an empty line in the middle', `${JSON.stringify(valid)}\n\n${JSON.stringify(valid)}`, ['input', 'recordsNdjson', '1'], 'Regel 2 is leeg.'],
    ['an array', `[${JSON.stringify(valid)}]`, ['input', 'recordsNdjson', '0'], 'Regel 1 is geen JSON-object.'],
    ['null', 'null', ['input', 'recordsNdjson', '0'], 'Regel 1 is geen JSON-object.'],
    ['an unknown field', JSON.stringify({ ...valid, bsn: '1' }), ['input', 'recordsNdjson', '0', 'bsn'], 'Regel 1: onbekend veld "bsn".'],
    ['__proto__ as a field', JSON.stringify(valid).replace('{', '{"__proto__":{},'), ['input', 'recordsNdjson', '0', '__proto__'], 'Regel 1: onbekend veld "__proto__".'],
    ['a missing field', JSON.stringify({ ...valid, ouderBsn: undefined }), ['input', 'recordsNdjson', '0', 'ouderBsn'], 'Regel 1: het veld ouderBsn ontbreekt.'],
    ['null for a required field', JSON.stringify({ ...valid, uurprijs: null }), ['input', 'recordsNdjson', '0', 'uurprijs'], 'Regel 1: het veld uurprijs ontbreekt.'],
    ['a number for money', JSON.stringify({ ...valid, factuurbedrag: 1095 }), ['input', 'recordsNdjson', '0', 'factuurbedrag'], expect.stringContaining('factuurbedrag moet een bedrag')],
    ['three decimals', JSON.stringify({ ...valid, uurprijs: '10.955' }), ['input', 'recordsNdjson', '0', 'uurprijs'], expect.stringContaining('uurprijs moet een bedrag')],
    ['an impossible date', JSON.stringify({ ...valid, kindGeboortedatum: '2023-02-29' }), ['input', 'recordsNdjson', '0', 'kindGeboortedatum'], expect.stringContaining('datum')],
    ['an unknown soortOpvang', JSON.stringify({ ...valid, soortOpvang: 'dagopvang' }), ['input', 'recordsNdjson', '0', 'soortOpvang'], expect.stringContaining('DAGOPVANG, BSO, GASTOUDEROPVANG')],
    ['a number for a string', JSON.stringify({ ...valid, uren: 100 }), ['input', 'recordsNdjson', '0', 'uren'], 'Regel 1: uren moet tekst (een JSON-string) zijn.'],
  ])('refuses %s, naming the line (0-based) and the field', (_, text, field, message) => {
    const r = parseRecordsNdjson(text);
    expect(r.records).toBeUndefined();
    expect(r.error).toEqual({ code: 'RECORDS_ONGELDIG', field, message });
  });

  it(`refuses more than ${MAX_RECORDS_PER_CHUNK} lines as TE_VEEL_RECORDS`, () => {
    const line = JSON.stringify(valid);
    expect(parseRecordsNdjson(Array(MAX_RECORDS_PER_CHUNK).fill(line).join('\n')).records).toHaveLength(MAX_RECORDS_PER_CHUNK);
    expect(parseRecordsNdjson(Array(MAX_RECORDS_PER_CHUNK + 1).fill(line).join('\n')).error).toMatchObject({ code: 'TE_VEEL_RECORDS', field: ['input', 'recordsNdjson'] });
  });

  it('accepts exactly what GraphQL coercion of KinderopvangRecordInput accepts, with the same values (property)', () => {
    // A valid record with up to 3 fields replaced by any JSON value, a Money-, Date- or enum-like
    // string (valid or not), or any string; sometimes with an extra key.
    const anyJson = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string(), fc.constant([]), fc.constant({}));
    const value = fc.oneof(
      anyJson,
      fc.constantFrom('0', '1.5', '10.95', '-3.10', '1234567890123.99', '1e3', '01.00', '1.', '.5', ' 1.00', '1.001', 'NaN'),
      fc.constantFrom('2022-05-01', '2024-02-29', '2023-02-29', '2022-5-1', '2022-13-01', '20220501', ''),
      fc.constantFrom('DAGOPVANG', 'BSO', 'GASTOUDEROPVANG', 'bso', 'KDV'),
      fc.string(),
    );
    const changes = fc.array(fc.tuple(fc.constantFrom(...Object.keys(valid)), value), { maxLength: 3 });
    const extra = fc.option(fc.constantFrom('bsn', 'Periode', 'uren ', 'toString', 'constructor'), { nil: undefined, freq: 8 });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(changes, extra, (replaced, extraKey) => {
        const o: Record<string, unknown> = { ...valid };
        for (const [name, v] of replaced) o[name] = v;
        if (extraKey) o[extraKey] = 'x';
        const line = JSON.stringify(o);
        const expected = graphqlCoerce(JSON.parse(line));
        const got = parseRecordsNdjson(line);
        if (expected === null) {
          refused++;
          expect(got.error?.code).toBe('RECORDS_ONGELDIG');
        } else {
          accepted++;
          expect(got.error).toBeUndefined();
          expect(normalise(got.records![0] as unknown as Record<string, unknown>)).toEqual(normalise(expected));
        }
      }),
      { numRuns: 5000 },
    );
    // Both sides of the equivalence were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
