// Self-check of the optional scenarios c and d against a sample schema shaped like issues 6 and 7
// describe them (the real types come from those issues): both are detected by introspection, their
// generated operations validate, and their requests carry what the operation declares. Exits 1 on
// any problem. Run by test/unit/bench-optional-scenarios.test.ts.
import { buildSchema, introspectionFromSchema, parse, validate } from 'graphql';
import vroegsignalen from '../scenarios/vroegsignalen.mjs';
import delivery from '../scenarios/koo-delivery.mjs';
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
  input KinderopvangRecordInput { lrkNummer: String! periode: String! soortOpvang: SoortOpvang! kindBsn: Bsn kindGeboortedatum: Date! ouderBsn: Bsn! partnerBsn: Bsn uren: Int! uurprijs: Money! factuurbedrag: Money! einddatumContract: Date }
  input DeliverKinderopvangInput { leveringKey: String! periode: String! records: [KinderopvangRecordInput!]! }
  type UserError { field: [String!] code: String! message: String! }
  type DeliverPayload { userErrors: [UserError!]! }
  type Mutation { deliverKinderopvangGegevens(input: DeliverKinderopvangInput!): DeliverPayload! }
`);
const introspection = introspectionFromSchema(schema);
const without = introspectionFromSchema(buildSchema('type Query { viewer: String } type Mutation { grantMachtiging: String }'));
const problems = [];
const check = (ok, what) => ok || problems.push(what);

check(hasRootField(introspection, 'Query', vroegsignalen.requires.field), 'c not detected');
check(hasRootField(introspection, 'Mutation', delivery.requires.field), 'd not detected');
check(!hasRootField(without, 'Query', vroegsignalen.requires.field), 'c detected without its root field');
check(!hasRootField(without, 'Mutation', delivery.requires.field), 'd detected without its root field');

const c = await vroegsignalen.prepare({ db: { query: async () => ({ rows: [{ gemeentecode: '0363' }] }) }, sign: async () => 'token', introspection });
c.gemeente = '0363';
c.afters = [null, 'cursor'];
const cErrors = validate(schema, parse(c.query)).map(String);
check(cErrors.length === 0, `c operation invalid: ${cErrors.join('; ')}`);
check(/signaaldatum/.test(c.query) && /adres \{ straat postcode \}/.test(c.query) && !/namen/.test(c.query), `c selection unexpected: ${c.query}`);
check(JSON.parse(vroegsignalen.request('ours', c, 1).body).variables.after === 'cursor', 'c does not rotate pages');

const d = await delivery.prepare({ sign: async () => 'token', introspection, options: { deliveryRecords: 3 } });
const dErrors = validate(schema, parse(d.mutation)).map(String);
check(dErrors.length === 0, `d operation invalid: ${dErrors.join('; ')}`);
const input = JSON.parse(delivery.request('ours', d, 0).body).variables.input;
const record = input.records?.[0];
check(record && /^\d{9}$/.test(record.ouderBsn) && record.soortOpvang === 'DAGOPVANG' && record.lrkNummer === '900000001', `d record unexpected: ${JSON.stringify(record)}`);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('optional scenarios c and d: ok');
