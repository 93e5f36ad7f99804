import { randomUUID } from 'node:crypto';
import { HouseholdDocument, HouseholdSchuldenDocument, MyHouseholdDocument, NodeDocument } from '../generated/graphql';
import { DEMO } from '../../src/db/demo-data';
import { toGlobalId, type NodeTypeName } from '../../src/shared/global-id';
import { getSchema } from '../../src/server/schema';
import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const demoId = (n: number) => `0e8a4a6c-1c1b-4c2a-9a51-${String(n).padStart(12, '0')}`;
const ids = {
  deVries: toGlobalId('Household', DEMO.households.deVries),
  jansen: toGlobalId('Household', DEMO.households.jansen),
  elAmrani: toGlobalId('Household', DEMO.households.elAmrani),
  nonexistent: toGlobalId('Household', randomUUID()),
};
/** Objects of other households than De Vries, one of every node type. */
const othersObjects: Array<[NodeTypeName, string]> = [
  ['Household', ids.jansen],
  ['Toeslag', toGlobalId('Toeslag', demoId(302))],
  ['Schuld', toGlobalId('Schuld', demoId(402))],
  ['Schuld', toGlobalId('Schuld', demoId(403))],
];

const as = (claims: object) => app.token({ ...claims });

describe('a citizen and their own household', () => {
  it('reads the whole household through myHousehold: members, toeslagen, schulden, arrangements', async () => {
    const r = await app.gql(MyHouseholdDocument, {}, await as(personas.sanne));
    expect(r.errors).toBeUndefined();
    const h = r.data!.myHousehold!;
    expect(h.id).toBe(ids.deVries);
    expect(h.gemeentecode).toBe('0193');
    expect(h.members.map((m) => [m.rol, m.person.bsn])).toEqual([
      ['AANVRAGER', '999990019'],
      ['TOESLAGPARTNER', '999990020'],
      ['KIND', '999990032'],
    ]);
    // newest berekeningsjaar first, then by soort
    expect(h.toeslagen.nodes.map((t) => [t.soort, t.berekeningsjaar, t.status, t.voorschotMaandbedrag, t.voorschotPercentage])).toEqual([
      ['HUURTOESLAG', 2026, 'VOORLOPIG_TOEGEKEND', '306.00', 90],
      ['ZORGTOESLAG', 2026, 'VOORLOPIG_TOEGEKEND', '123.00', 100],
      ['HUURTOESLAG', 2024, 'DEFINITIEF_TOEGEKEND', '298.00', 90],
      ['ZORGTOESLAG', 2024, 'DEFINITIEF_TOEGEKEND', '131.00', 100],
    ]);
    expect(h.schulden.nodes.map((s) => [s.openstaandBedrag, s.oorspronkelijkBedrag, s.status, s.toeslag.soort])).toEqual([
      ['252.00', '312.00', 'IN_BETALINGSREGELING', 'ZORGTOESLAG'],
      ['1250.40', '1250.40', 'HERINNERD', 'HUURTOESLAG'],
    ]);
    const [regeling] = h.betalingsregelingen.nodes;
    expect(regeling).toMatchObject({ soort: 'STANDAARD', termijnbedrag: '20.00', aantalTermijnen: 16, totaalBedrag: '312.00' });
    expect(regeling.schulden.map((s) => s.id)).toEqual([h.schulden.nodes[0].id]);
  });

  it('gives the toeslagpartner the same household', async () => {
    const r = await app.gql(MyHouseholdDocument, {}, await as(personas.ahmed));
    expect(r.data!.myHousehold!.id).toBe(ids.deVries);
  });

  it('gives a citizen without a household (or a child) null, not someone else’s', async () => {
    expect((await app.gql(MyHouseholdDocument, {}, await as(personas.stranger))).data!.myHousehold).toBeNull();
    const child = await as({ role: 'BURGER', sub: DEMO.noor.bsn });
    expect((await app.gql(MyHouseholdDocument, {}, child)).data!.myHousehold).toBeNull();
  });

  it('reads its own household and every object in it through household(id) and node(id)', async () => {
    const token = await as(personas.sanne);
    expect((await app.gql(HouseholdDocument, { id: ids.deVries }, token)).data!.household.id).toBe(ids.deVries);
    for (const [type, n] of [['Household', 0], ['Toeslag', 300], ['Toeslag', 301], ['Schuld', 400], ['Schuld', 401], ['Betalingsregeling', 500]] as const) {
      const id = type === 'Household' ? ids.deVries : toGlobalId(type, demoId(n));
      const r = await app.gql(NodeDocument, { id }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.node).toMatchObject({ __typename: type, id });
    }
  });

  it('pages schulden with stable keyset cursors (no overlap, no gaps)', async () => {
    const token = await as(personas.sanne);
    const p1 = await app.gql(HouseholdSchuldenDocument, { id: ids.deVries, first: 1 }, token);
    const c1 = p1.data!.household.schulden;
    expect(c1.edges).toHaveLength(1);
    expect(c1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await app.gql(HouseholdSchuldenDocument, { id: ids.deVries, first: 1, after: c1.pageInfo.endCursor }, token);
    const c2 = p2.data!.household.schulden;
    expect(c2.edges).toHaveLength(1);
    expect(c2.pageInfo.hasNextPage).toBe(false);
    expect(c2.edges[0].node.id).not.toBe(c1.edges[0].node.id);
  });

  it('refuses page sizes outside 1..100 and forged cursors with BAD_USER_INPUT', async () => {
    const token = await as(personas.sanne);
    for (const first of [0, 101, -1]) {
      expect(codes(await app.gql(HouseholdSchuldenDocument, { id: ids.deVries, first }, token))).toEqual(['BAD_USER_INPUT']);
    }
    const forged = Buffer.from(JSON.stringify(["' or 1=1 --"])).toString('base64url');
    expect(codes(await app.gql(HouseholdSchuldenDocument, { id: ids.deVries, after: forged }, token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a citizen can never read another household', () => {
  it('household(id) of another household is FORBIDDEN, with no data', async () => {
    for (const claims of [personas.sanne, personas.ahmed, personas.jan, personas.stranger]) {
      const r = await app.gql(HouseholdDocument, { id: claims === personas.jan ? ids.deVries : ids.elAmrani }, await as(claims));
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
  });

  it('a household id that does not exist is also FORBIDDEN, so existence does not leak', async () => {
    const r = await app.gql(HouseholdDocument, { id: ids.nonexistent }, await as(personas.sanne));
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('node(id) of every type in another household is FORBIDDEN', async () => {
    const token = await as(personas.sanne);
    for (const [, id] of othersObjects) {
      const r = await app.gql(NodeDocument, { id }, token);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
  });

  it('malformed or mistyped ids are BAD_USER_INPUT, never a lookup', async () => {
    const token = await as(personas.sanne);
    expect(codes(await app.gql(NodeDocument, { id: 'not-an-id' }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(HouseholdDocument, { id: toGlobalId('Schuld', demoId(400)) }, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('covers every entry point of the schema (a new root field needs its isolation test here)', async () => {
    const schema = await getSchema();
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(['household', 'myHousehold', 'node', 'viewer']);
    expect(schema.getMutationType()).toBeUndefined();
  });
});

describe('other roles', () => {
  it('a medewerker reads any household and gets NOT_FOUND for ids that do not exist', async () => {
    const token = await as(personas.medewerker);
    for (const id of [ids.deVries, ids.jansen, ids.elAmrani]) {
      const r = await app.gql(HouseholdDocument, { id }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.household.id).toBe(id);
    }
    expect(codes(await app.gql(HouseholdDocument, { id: ids.nonexistent }, token))).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(NodeDocument, { id: toGlobalId('Schuld', randomUUID()) }, token))).toEqual(['NOT_FOUND']);
    expect((await app.gql(NodeDocument, { id: toGlobalId('Schuld', demoId(403)) }, token)).data!.node).toMatchObject({ __typename: 'Schuld', status: 'OPEN' });
  });

  it('myHousehold is for citizens only', async () => {
    for (const claims of [personas.medewerker, personas.intermediair, personas.gemeente, personas.koo]) {
      const r = await app.gql(MyHouseholdDocument, {}, await as(claims));
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
  });

  it('intermediair (no machtiging yet), gemeente and KOO reach no household through household or node', async () => {
    for (const claims of [personas.intermediair, personas.gemeente, personas.koo]) {
      const token = await as(claims);
      expect(codes(await app.gql(HouseholdDocument, { id: ids.deVries }, token))).toEqual(['FORBIDDEN']);
      for (const [, id] of [...othersObjects, ['Schuld', toGlobalId('Schuld', demoId(400))] as const]) {
        expect(codes(await app.gql(NodeDocument, { id }, token))).toEqual(['FORBIDDEN']);
      }
    }
  });
});
