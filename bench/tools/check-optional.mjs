// Self-check of the optional scenarios c and d against a sample schema shaped like the vroegsignalering
// and KOO types (the smoke test runs both against the real schema): both
// are detected by introspection, their operations validate, their requests carry what the operation
// declares, and d's generated records are valid values of the record input type. Needs dist/ (d's
// client code is src/cli/koo-bulk-client.ts). Exits 1 on any problem. Run by
// test/unit/bench-optional-scenarios.test.ts.
import { createRequire } from 'node:module';
import { buildSchema, getVariableValues, introspectionFromSchema, parse, validate } from 'graphql';
import vroegsignalen from '../scenarios/vroegsignalen.mjs';
import delivery, { LRK, recordsOf } from '../scenarios/koo-delivery.mjs';

const require = createRequire(import.meta.url);
const { CREATE_BULK, APPEND_CHUNK, COMMIT_BULK } = require('../../dist/src/cli/koo-bulk-client.js');
const { isElfproef } = require('../../dist/src/seed/bsn.js');
import { hasRootField } from '../run.mjs';

const schema = buildSchema(`
  scalar Bsn scalar Date scalar Money
  type Query { vroegsignalen(first: Int, after: String): VroegsignaalConnection! viewer: String }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Adres { straat: String! postcode: String! }
  enum VroegsignaalStatus { NIEUW ONTVANGEN }
  type Vroegsignaal { id: ID! signaaldatum: Date! bedrag: Money! status: VroegsignaalStatus! adres: Adres! crisissignaal: Boolean! namen(first: Int!): [String!]! }
  type VroegsignaalConnection { nodes: [Vroegsignaal!]! pageInfo: PageInfo! }
  enum SoortOpvang { DAGOPVANG BSO GASTOUDEROPVANG }
  input KinderopvangRecordInput { contracteinddatum: Date factuurbedrag: Money! kindBsn: String kindGeboortedatum: Date kindNaam: String! lrkNummer: String! ouderBsn: String! partnerBsn: String periode: String! soortOpvang: SoortOpvang! uren: String! uurprijs: Money! }
  input CreateBulkKinderopvangLeveringInput { idempotencyKey: String! periode: String! }
  input AppendBulkKinderopvangChunkInput { leveringId: ID! records: [KinderopvangRecordInput!]! volgnummer: Int! }
  input CommitBulkKinderopvangLeveringInput { leveringId: ID! }
  type UserError { field: [String!] code: String! message: String! }
  type KinderopvangLevering { id: ID! status: String! aantalRecords: Int! aantalGekoppeld: Int! }
  type KinderopvangChunk { aantalRecords: Int! }
  type KinderopvangLeveringPayload { levering: KinderopvangLevering userErrors: [UserError!]! }
  type AppendBulkKinderopvangChunkPayload { chunk: KinderopvangChunk levering: KinderopvangLevering userErrors: [UserError!]! }
  type Mutation {
    createBulkKinderopvangLevering(input: CreateBulkKinderopvangLeveringInput!): KinderopvangLeveringPayload!
    appendBulkKinderopvangChunk(input: AppendBulkKinderopvangChunkInput!): AppendBulkKinderopvangChunkPayload!
    commitBulkKinderopvangLevering(input: CommitBulkKinderopvangLeveringInput!): KinderopvangLeveringPayload!
  }
`);
const introspection = introspectionFromSchema(schema);
const without = introspectionFromSchema(buildSchema('type Query { viewer: String } type Mutation { grantMachtiging: String }'));
const problems = [];
const check = (ok, what) => ok || problems.push(what);

check(hasRootField(introspection, 'Query', vroegsignalen.requires.field), 'c not detected');
check(hasRootField(introspection, 'Mutation', delivery.requires.field), 'd not detected');
check(!hasRootField(without, 'Query', vroegsignalen.requires.field), 'c detected without its root field');
check(!hasRootField(without, 'Mutation', delivery.requires.field), 'd detected without its root field');

const c = await vroegsignalen.prepare({ db: { query: async () => ({ rows: [{ gemeentecode: '0363', signals: 120 }] }) }, sign: async () => 'token', introspection });
c.afters = [null, 'cursor'];
check(c.gemeente === '0363', `c chose gemeente ${c.gemeente}`);
const cErrors = validate(schema, parse(c.query)).map(String);
check(cErrors.length === 0, `c operation invalid: ${cErrors.join('; ')}`);
check(/signaaldatum/.test(c.query) && /adres \{ straat postcode \}/.test(c.query) && !/namen/.test(c.query), `c selection unexpected: ${c.query}`);
check(JSON.parse(vroegsignalen.request('ours', c, 1).body).variables.after === 'cursor', 'c does not rotate pages');

const d = await delivery.prepare({ db: { query: async () => ({ rows: [{ bsn: '111222333' }] }) }, url: 'postgres://x/y', sign: async () => 'token', options: { deliveryRecords: 3 } });
check(d.records === 3 && d.parents.length === 1 && d.token === 'token', `d state unexpected: ${JSON.stringify(d)}`);
const record = recordsOf(d.parents, '2026-11');
const records = [0, 1, 2].map(record);
const operations = { create: [CREATE_BULK, { idempotencyKey: 'k', periode: '2026-11' }], append: [APPEND_CHUNK, { leveringId: 'id', volgnummer: 1, records }], commit: [COMMIT_BULK, { leveringId: 'id' }] };
for (const [name, [text, input]] of Object.entries(operations)) {
  const doc = parse(text);
  const errors = validate(schema, doc).map(String);
  check(errors.length === 0, `d ${name} operation invalid: ${errors.join('; ')}`);
  const vars = getVariableValues(schema, doc.definitions[0].variableDefinitions, { i: input });
  check(!vars.errors, `d ${name} input invalid: ${vars.errors?.map(String).join('; ')}`);
}
check(records[0].ouderBsn === '111222333' && records[1].ouderBsn !== '111222333', `d parents unexpected: ${records.map((r) => r.ouderBsn === '111222333')}`);
check(records.every((r) => isElfproef(r.ouderBsn) && isElfproef(r.kindBsn) && r.lrkNummer === LRK && r.periode === '2026-11'), 'd records not valid');
check(new Set(records.map((r) => r.kindBsn)).size === 3, 'd children not distinct');

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('optional scenarios c and d: ok');
