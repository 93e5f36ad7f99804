import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import {
  HouseholdBetalingsregelingenDocument,
  HouseholdByBsnDocument,
  HouseholdSchuldenFilteredDocument,
  HouseholdsDocument,
  HouseholdToeslagenDocument,
  type HouseholdSchuldenFilteredQuery,
  type HouseholdsQuery,
  type SchuldFilter,
} from '../generated/graphql';
import { DEMO, demoCalendar } from '../../src/db/demo-data';
import { SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../../src/modules/schuld/schuld.enums';
import { encodeCursor } from '../../src/shared/connection';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type GqlResponse, type TestApp } from '../support/app';
import { Factory, nextBsn, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// Household connections with filters: toeslagen, schulden and betalingsregelingen filtered
// in the same keyset-paged statement, the households connection and the medewerker's BSN lookup.

let app: TestApp;
let medewerker: string;
let big: BuiltHousehold;
let others: BuiltHousehold[];
const kindBsn = nextBsn();
beforeAll(async () => {
  app = await startTestApp();
  medewerker = await app.token({ ...personas.medewerker });
  const factory = new Factory(app.em(), 7);
  // Households with several schulden in random states, for paging through filters; one has a child
  // whose BSN the medewerker looks up.
  big = factory.household({ full: true, gemeentecode: '0363', kinderen: [kindBsn] });
  others = Array.from({ length: 6 }, () => factory.household({ full: true }));
  await factory.flush();
});
afterAll(() => app.close());

const gid = (type: 'Household', id: string) => toGlobalId(type, id);
const deVries = toGlobalId('Household', DEMO.households.deVries);

// The demo set's years are relative to the day it was loaded (today): De Vries has the toeslagen of
// two years ago (definitief) and of the running year, from 1 October also next year's.
const cal = demoCalendar(TEST_TODAY);
const oud = cal.deVriesDefinitiefJaar;
const lopend = cal.volgendJaarToegekend ? [cal.jaar + 1, cal.jaar] : [cal.jaar];

describe('toeslagen(filter)', () => {
  const run = async (filter: object | undefined, first?: number) =>
    (await app.gql(HouseholdToeslagenDocument, { id: deVries, filter, first }, medewerker)).data!.household.toeslagen.nodes.map(
      (t) => `${t.soort} ${t.berekeningsjaar}`,
    );

  it('filters by soort, berekeningsjaar and status, keeping the stable order', async () => {
    const beide = (jaren: number[]) => jaren.flatMap((j) => [`HUURTOESLAG ${j}`, `ZORGTOESLAG ${j}`]);
    expect(await run(undefined)).toEqual(beide([...lopend, oud]));
    expect(await run({ soort: ['ZORGTOESLAG'] })).toEqual([...lopend, oud].map((j) => `ZORGTOESLAG ${j}`));
    expect(await run({ berekeningsjaar: oud })).toEqual(beide([oud]));
    expect(await run({ status: ['VOORLOPIG_TOEGEKEND'] })).toEqual(beide(lopend));
    expect(await run({ soort: ['HUURTOESLAG', 'KINDEROPVANGTOESLAG'], berekeningsjaar: oud, status: ['DEFINITIEF_TOEGEKEND'] })).toEqual([`HUURTOESLAG ${oud}`]);
  });

  it('an empty list matches nothing; an absent or null condition does not filter', async () => {
    expect(await run({ soort: [] })).toEqual([]);
    expect(await run({ soort: null, berekeningsjaar: null })).toHaveLength(2 * (lopend.length + 1));
  });

  it('pages through a filtered list with keyset cursors', async () => {
    const p1 = await app.gql(HouseholdToeslagenDocument, { id: deVries, first: 1, filter: { berekeningsjaar: cal.jaar } }, medewerker);
    const c1 = p1.data!.household.toeslagen;
    expect(c1.nodes.map((t) => t.soort)).toEqual(['HUURTOESLAG']);
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const p2 = await app.gql(HouseholdToeslagenDocument, { id: deVries, first: 1, after: c1.pageInfo.endCursor, filter: { berekeningsjaar: cal.jaar } }, medewerker);
    expect(p2.data!.household.toeslagen.nodes.map((t) => t.soort)).toEqual(['ZORGTOESLAG']);
    expect(p2.data!.household.toeslagen.pageInfo.hasNextPage).toBe(false);
  });
});

describe('schulden(filter)', () => {
  const all = async (id: string, filter: SchuldFilter | undefined, first = 2) => {
    const out: Array<{ id: string; status: string; vervaldatum: string }> = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const r: GqlResponse<HouseholdSchuldenFilteredQuery> = await app.gql(HouseholdSchuldenFilteredDocument, { id, filter, first, after }, medewerker);
      expect(r.errors).toBeUndefined();
      const c = r.data!.household.schulden;
      out.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) return out;
      after = c.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  };

  it('filters on the toeslag the schuld came from, and on status', async () => {
    const ids = async (filter: SchuldFilter) => (await all(deVries, filter)).map((s) => s.id);
    expect(await ids({ toeslagSoort: ['HUURTOESLAG'] })).toEqual([toGlobalId('Schuld', '0e8a4a6c-1c1b-4c2a-9a51-000000000401')]);
    expect(await ids({ berekeningsjaar: oud })).toHaveLength(2);
    expect(await ids({ berekeningsjaar: oud - 1 })).toEqual([]);
    expect(await ids({ status: ['IN_BETALINGSREGELING'] })).toEqual([toGlobalId('Schuld', '0e8a4a6c-1c1b-4c2a-9a51-000000000400')]);
    expect(await ids({ status: ['HERINNERD'], toeslagSoort: ['ZORGTOESLAG'] })).toEqual([]);
  });

  it('pages every factory household’s filtered schulden completely, in order, without overlap', async () => {
    const households = [big, ...others];
    for (const h of households) {
      for (const filter of [{}, { alleenOpenstaand: true }, { status: ['OPEN', 'AANGEMAAND', 'VOLDAAN'] as SchuldStatus[] }, { toeslagSoort: [h.toeslagen[0].soort] }]) {
        const got = await all(gid('Household', h.household.id), filter as SchuldFilter, 1);
        const expected = h.schulden
          .filter((s) => !('alleenOpenstaand' in filter) || (!TERMINAL_SCHULD_STATUSES.includes(s.status) && s.openstaandBedrag.plus(s.kosten).gt(0)))
          .filter((s) => !('status' in filter) || (filter.status as string[]).includes(s.status))
          .filter((s) => !('toeslagSoort' in filter) || (filter.toeslagSoort as string[]).includes(h.toeslagen.find((t) => t.id === s.toeslag.id)!.soort))
          .sort((a, b) => (a.vervaldatum === b.vervaldatum ? (a.id < b.id ? -1 : 1) : a.vervaldatum < b.vervaldatum ? -1 : 1))
          .map((s) => toGlobalId('Schuld', s.id));
        expect(got.map((s) => s.id)).toEqual(expected);
      }
    }
  });

  it('alleenOpenstaand false does not filter', async () => {
    expect(await all(deVries, { alleenOpenstaand: false })).toHaveLength(2);
  });

  it('refuses a forged cursor whose values do not fit the sort keys with BAD_USER_INPUT', async () => {
    for (const forged of [encodeCursor(['2026-01-01', 'not-a-uuid']), encodeCursor(['yesterday', randomUUID()]), encodeCursor([5, randomUUID()])]) {
      const r = await app.gql(HouseholdSchuldenFilteredDocument, { id: deVries, after: forged }, medewerker);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    }
    const toeslagCursor = encodeCursor([2026, 'NOT_A_SOORT', randomUUID()]);
    expect(codes(await app.gql(HouseholdToeslagenDocument, { id: deVries, after: toeslagCursor }, medewerker))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('betalingsregelingen(filter)', () => {
  it('filters by status', async () => {
    const run = async (status: Array<'ACTIEF' | 'VOLDAAN' | 'BEEINDIGD'>) =>
      (await app.gql(HouseholdBetalingsregelingenDocument, { id: deVries, filter: { status } }, medewerker)).data!.household.betalingsregelingen.nodes;
    expect((await run(['ACTIEF'])).map((r) => r.status)).toEqual(['ACTIEF']);
    expect(await run(['VOLDAAN', 'BEEINDIGD'])).toEqual([]);
  });
});

describe('households (connection)', () => {
  const pageAll = async (token: string, filter?: object, first = 2) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const r: GqlResponse<HouseholdsQuery> = await app.gql(HouseholdsDocument, { first, after, filter }, token);
      expect(r.errors).toBeUndefined();
      const c = r.data!.households;
      ids.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) return ids;
      after = c.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  };
  const allHouseholdIds = () => [DEMO.households.deVries, DEMO.households.jansen, DEMO.households.elAmrani, big.household.id, ...others.map((o) => o.household.id)];

  it('gives a medewerker every household once, in id order', async () => {
    const ids = await pageAll(medewerker);
    expect(ids).toEqual(allHouseholdIds().sort().map((id) => gid('Household', id)));
  });

  it('filters by gemeentecode and UHT registration', async () => {
    const zwolle = await pageAll(medewerker, { gemeentecode: '0193' });
    const expectedZwolle = [DEMO.households.deVries, ...[big, ...others].filter((h) => h.household.gemeentecode === '0193').map((h) => h.household.id)];
    expect(zwolle).toEqual(expectedZwolle.sort().map((id) => gid('Household', id)));
    const uht = await pageAll(medewerker, { uhtGeregistreerd: true });
    expect(uht).toContain(gid('Household', DEMO.households.elAmrani));
    expect(uht).not.toContain(deVries);
  });

  it('gives a citizen only their own household, and a citizen without one nothing', async () => {
    expect(await pageAll(await app.token({ ...personas.sanne }), undefined, 100)).toEqual([deVries]);
    expect(await pageAll(await app.token({ ...personas.sanne }), { gemeentecode: '0995' })).toEqual([]);
    expect(await pageAll(await app.token({ ...personas.stranger }))).toEqual([]);
  });

  it('refuses page sizes outside 1..100 and forged cursors with BAD_USER_INPUT', async () => {
    for (const first of [0, 101]) expect(codes(await app.gql(HouseholdsDocument, { first }, medewerker))).toEqual(['BAD_USER_INPUT']);
    for (const after of ['garbage', encodeCursor(["' or 1=1 --"]), encodeCursor([1])]) {
      expect(codes(await app.gql(HouseholdsDocument, { after }, medewerker))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('householdByBsn (medewerker)', () => {
  it('finds the household of a current member, whatever their role', async () => {
    const bySanne = await app.gql(HouseholdByBsnDocument, { bsn: DEMO.sanne.bsn }, medewerker);
    expect(bySanne.errors).toBeUndefined();
    expect(bySanne.data!.householdByBsn!.id).toBe(deVries);
    expect((await app.gql(HouseholdByBsnDocument, { bsn: DEMO.noor.bsn }, medewerker)).data!.householdByBsn!.id).toBe(deVries);
    expect((await app.gql(HouseholdByBsnDocument, { bsn: kindBsn }, medewerker)).data!.householdByBsn!.id).toBe(gid('Household', big.household.id));
  });

  it('is NOT_FOUND for a BSN that is no current member anywhere, and BAD_USER_INPUT for an invalid BSN', async () => {
    expect(codes(await app.gql(HouseholdByBsnDocument, { bsn: personas.stranger.sub }, medewerker))).toEqual(['NOT_FOUND']);
    const invalid = await app.gql(HouseholdByBsnDocument, { bsn: '123456789' }, medewerker);
    expect(codes(invalid)).toEqual(['BAD_USER_INPUT']);
  });

  it('is recorded in the access log, without the BSN', async () => {
    const trace = randomUUID().replace(/-/g, '');
    await app.gql(HouseholdByBsnDocument, { bsn: DEMO.jan.bsn }, medewerker, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ household_id: DEMO.households.jansen, operation_name: 'HouseholdByBsn', actor_role: 'MEDEWERKER', operation_type: 'read' });
    expect(JSON.stringify(rows)).not.toContain(DEMO.jan.bsn);
  });
});
