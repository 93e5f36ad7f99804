import type Decimal from 'decimal.js';
import { isIsoDate } from '../../shared/scalars/date.scalar';
import { parseMoney } from '../../shared/scalars/money.scalar';
import { UserErrorCode } from '../../shared/user-error';
import { SoortOpvang } from './kinderopvang.enums';
import { MAX_RECORDS_PER_CHUNK, type RecordInvoer, type RuleError } from './kinderopvang.rules';

/**
 * Records of a bulk chunk as newline-delimited JSON (`recordsNdjson`, docs/adr/0031): one
 * KinderopvangRecordInput per line, with the same field names and the same formats as the GraphQL
 * input type. Read here instead of by GraphQL's variable coercion, which for 100,000 records costs
 * more CPU than all of the API's own work on them; the result is the same RecordInvoer[] the typed
 * `records` give, so validation, hashing and staging do not know which form was sent.
 *
 * Everything GraphQL's coercion refuses is refused here too, as one userError (RECORDS_ONGELDIG) that
 * names the line and the field, and nothing is staged: a line that is not one JSON object, an unknown
 * or missing field, a value of the wrong JSON type, an enum value that does not exist, a Money or Date
 * in the wrong format. Domain rules (BSN 11-proef, period, maximum hourly price, …) are not checked
 * here: they give per-record errors as for `records`.
 */

type Kind = 'string' | 'nullableString' | 'money' | 'nullableDate' | 'soortOpvang';

/** The fields of KinderopvangRecordInput and their GraphQL types. */
const FIELDS: Readonly<Record<keyof RecordInvoer, Kind>> = {
  periode: 'string',
  lrkNummer: 'string',
  soortOpvang: 'soortOpvang',
  kindBsn: 'nullableString',
  kindNaam: 'string',
  kindGeboortedatum: 'nullableDate',
  ouderBsn: 'string',
  partnerBsn: 'nullableString',
  uren: 'string',
  uurprijs: 'money',
  factuurbedrag: 'money',
  contracteinddatum: 'nullableDate',
};
const FIELD_COUNT = Object.keys(FIELDS).length;
const SOORTEN = new Set<string>(Object.values(SoortOpvang));

const KIND_TEXT: Record<Kind, string> = {
  string: 'tekst (een JSON-string)',
  nullableString: 'tekst (een JSON-string) of null',
  money: 'een bedrag als JSON-string zoals "123.45" (hoogstens 2 decimalen, geen getal)',
  nullableDate: 'een datum als JSON-string JJJJ-MM-DD of null',
  soortOpvang: `een van ${[...SOORTEN].join(', ')}`,
};

export type NdjsonResult = { records: RecordInvoer[]; error?: undefined } | { records?: undefined; error: RuleError };

const refuse = (index: number | null, veld: string | null, message: string): NdjsonResult => ({
  error: {
    code: UserErrorCode.RECORDS_ONGELDIG,
    field: ['input', 'recordsNdjson', ...(index === null ? [] : [String(index)]), ...(veld === null ? [] : [veld])],
    message,
  },
});

/** Thrown by the field readers below; caught per line and turned into the line's userError. */
class FieldError {
  constructor(readonly veld: keyof RecordInvoer) {}
}

function string(o: Record<string, unknown>, veld: keyof RecordInvoer): string {
  const v = o[veld];
  if (typeof v !== 'string') throw new FieldError(veld);
  return v;
}

function nullableString(o: Record<string, unknown>, veld: keyof RecordInvoer): string | null {
  const v = o[veld];
  if (v == null) return null;
  if (typeof v !== 'string') throw new FieldError(veld);
  return v;
}

/** Valid dates seen (a delivery repeats its dates: contract end dates, birth dates); bounded. */
const validDates = new Set<string>();

function nullableDate(o: Record<string, unknown>, veld: keyof RecordInvoer): string | null {
  const v = o[veld];
  if (v == null) return null;
  if (typeof v !== 'string') throw new FieldError(veld);
  if (!validDates.has(v)) {
    if (!isIsoDate(v)) throw new FieldError(veld);
    if (validDates.size >= 20_000) validDates.clear();
    validDates.add(v);
  }
  return v;
}

function money(o: Record<string, unknown>, veld: keyof RecordInvoer): Decimal {
  try {
    return parseMoney(o[veld]);
  } catch {
    throw new FieldError(veld);
  }
}

function soortOpvang(o: Record<string, unknown>): SoortOpvang {
  const v = o.soortOpvang;
  if (typeof v !== 'string' || !SOORTEN.has(v)) throw new FieldError('soortOpvang');
  return v as SoortOpvang;
}

/** One line's object as a RecordInvoer, or a FieldError for its first field (in input-type order) that GraphQL would refuse. */
function record(o: Record<string, unknown>): RecordInvoer {
  return {
    periode: string(o, 'periode'),
    lrkNummer: string(o, 'lrkNummer'),
    soortOpvang: soortOpvang(o),
    kindBsn: nullableString(o, 'kindBsn'),
    kindNaam: string(o, 'kindNaam'),
    kindGeboortedatum: nullableDate(o, 'kindGeboortedatum'),
    ouderBsn: string(o, 'ouderBsn'),
    partnerBsn: nullableString(o, 'partnerBsn'),
    uren: string(o, 'uren'),
    uurprijs: money(o, 'uurprijs'),
    factuurbedrag: money(o, 'factuurbedrag'),
    contracteinddatum: nullableDate(o, 'contracteinddatum'),
  };
}

/**
 * Parses `text`: lines separated by "\n" (a "\r" before it is ignored), one JSON object per line; one
 * final newline is allowed, an empty line elsewhere is not. Returns the records in line order, or the
 * first error.
 */
export function parseRecordsNdjson(text: string): NdjsonResult {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 1 && lines[0].trim() === '') return { records: [] };
  if (lines.length > MAX_RECORDS_PER_CHUNK) {
    return {
      error: {
        code: UserErrorCode.TE_VEEL_RECORDS,
        field: ['input', 'recordsNdjson'],
        message: `Hoogstens ${MAX_RECORDS_PER_CHUNK} records (regels) per chunk.`,
      },
    };
  }
  const records: RecordInvoer[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return refuse(i, null, line.trim() === '' ? `Regel ${i + 1} is leeg.` : `Regel ${i + 1} is geen geldige JSON.`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return refuse(i, null, `Regel ${i + 1} is geen JSON-object.`);
    }
    const o = value as Record<string, unknown>;
    let keys = 0;
    for (const key in o) {
      if (++keys > FIELD_COUNT || !Object.prototype.hasOwnProperty.call(FIELDS, key)) {
        const unknown = Object.keys(o).find((k) => !Object.prototype.hasOwnProperty.call(FIELDS, k))!;
        return refuse(i, unknown, `Regel ${i + 1}: onbekend veld ${JSON.stringify(unknown)}.`);
      }
    }
    try {
      records[i] = record(o);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      const kind = FIELDS[e.veld];
      const v = o[e.veld];
      const missing = v === undefined || (v === null && (kind === 'string' || kind === 'money' || kind === 'soortOpvang'));
      return refuse(i, e.veld, missing ? `Regel ${i + 1}: het veld ${e.veld} ontbreekt.` : `Regel ${i + 1}: ${e.veld} moet ${KIND_TEXT[kind]} zijn.`);
    }
  }
  return { records };
}
