import { TEST_TODAY, testClock } from '../support/clock';
import { randomUUID } from 'node:crypto';
import {
  HouseholdByBsnDocument,
  HouseholdDocument,
  HouseholdSchuldenDocument,
  HouseholdsDocument,
  MyHouseholdDocument,
  NodeDocument,
  SetVoorschotpercentageDocument,
} from '../generated/graphql';
import { actorFromClaims } from '../../src/auth/actor';
import { Beschikking } from '../../src/modules/beschikking/beschikking.entity';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { SchuldEvent } from '../../src/modules/schuld/schuld-event.entity';
import { DEMO, demoCalendar } from '../../src/db/demo-data';
import { toGlobalId, type NodeTypeName } from '../../src/shared/global-id';
import { createRequestContext } from '../../src/server/context';
import { getSchema } from '../../src/server/schema';
import { traceFromHeader } from '../../src/shared/trace';
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
  ['Beschikking', toGlobalId('Beschikking', demoId(610))],
  ['Beschikking', toGlobalId('Beschikking', demoId(614))],
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
    // newest berekeningsjaar first, then by soort; the years are relative to the day the demo set was
    // loaded (today): two years ago definitief, the running year, from 1 October also next year
    const cal = demoCalendar(TEST_TODAY);
    const lopend = (jaar: number) => [
      ['HUURTOESLAG', jaar, 'VOORLOPIG_TOEGEKEND', '306.00', 90],
      ['ZORGTOESLAG', jaar, 'VOORLOPIG_TOEGEKEND', '123.00', 100],
    ];
    expect(h.toeslagen.nodes.map((t) => [t.soort, t.berekeningsjaar, t.status, t.voorschotMaandbedrag, t.voorschotPercentage])).toEqual([
      ...(cal.volgendJaarToegekend ? lopend(cal.jaar + 1) : []),
      ...lopend(cal.jaar),
      ['HUURTOESLAG', cal.jaar - 2, 'DEFINITIEF_TOEGEKEND', '298.00', 90],
      ['ZORGTOESLAG', cal.jaar - 2, 'DEFINITIEF_TOEGEKEND', '131.00', 100],
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
    for (const [type, n] of [['Household', 0], ['Toeslag', 300], ['Toeslag', 301], ['Beschikking', 600], ['Beschikking', 602], ['Schuld', 400], ['Schuld', 401], ['Betalingsregeling', 500]] as const) {
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

  it('households lists only their own household, whatever the filter', async () => {
    const cases: Array<[object, object | undefined, string[]]> = [
      [personas.sanne, undefined, [ids.deVries]],
      [personas.sanne, { gemeentecode: '0193' }, [ids.deVries]],
      [personas.sanne, { gemeentecode: '0344' }, []], // El Amrani's gemeente
      [personas.sanne, { uhtGeregistreerd: true }, []], // El Amrani is UHT-registered
      [personas.jan, undefined, [ids.jansen]],
      [personas.jan, { gemeentecode: '0193' }, []],
    ];
    for (const [claims, filter, expected] of cases) {
      const r = await app.gql(HouseholdsDocument, { first: 100, filter }, await as(claims));
      expect(r.errors).toBeUndefined();
      expect(r.data!.households.edges.map((e) => e.node.id)).toEqual(expected);
    }
    expect((await app.gql(HouseholdsDocument, { first: 100 }, await as(personas.stranger))).data!.households.edges).toEqual([]);
  });

  it('householdByBsn is FORBIDDEN for a citizen, for another’s BSN and even for their own', async () => {
    for (const bsn of [DEMO.jan.bsn, DEMO.sanne.bsn, DEMO.fatima.bsn]) {
      const r = await app.gql(HouseholdByBsnDocument, { bsn }, await as(personas.sanne));
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data?.householdByBsn ?? null).toBeNull();
    }
  });

  it('setVoorschotpercentage on another household’s toeslag is FORBIDDEN and changes nothing', async () => {
    const janLopend = toGlobalId('Toeslag', demoId(306));
    for (const claims of [personas.sanne, personas.ahmed, personas.fatima, personas.stranger]) {
      const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: janLopend, percentage: 50 } }, await as(claims));
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
    const [row] = await app.em().getConnection().execute('select voorschot_percentage, version from toeslag where id = ?', [demoId(306)]);
    expect(row).toEqual({ voorschot_percentage: 100, version: 1 });
    const [{ n }] = await app.em().getConnection().execute(`select count(*)::int as n from beschikking where soort = 'WIJZIGING'`);
    expect(n).toBe(0);
  });

  it('the loaders behind nested fields return nothing of another household, even when handed its ids', async () => {
    // What a resolver bug could ask for: Jan's context, De Vries's toeslag, schuld, regeling and household.
    const ctx = createRequestContext(actorFromClaims(personas.jan), app.em(), traceFromHeader(undefined), testClock());
    const l = ctx.loaders;
    expect(await l.beschikkingenOfToeslag.load(demoId(300))).toEqual([]);
    expect(await l.beschikkingById.load(demoId(602))).toBeNull();
    expect(await l.eventsOfSchuld.load(demoId(400))).toEqual([]);
    expect(await l.termijnenOfRegeling.load(demoId(500))).toEqual([]);
    expect(await l.activeRegelingOfSchuld.load(demoId(400))).toBeNull();
    expect(await l.schuldenOfRegeling.load(demoId(500))).toEqual([]);
    const overzicht = await l.schuldenOverzicht.load(DEMO.households.deVries);
    expect(overzicht).toMatchObject({ aantalSchulden: 0, schulden: [], volgendeBetaling: null });
    expect(overzicht.totaalOpenstaand.toFixed(2)).toBe('0.00');
    const page = await l.schuldPages.load({ householdId: DEMO.households.deVries, first: 10, after: null, where: {}, whereKey: '{}' });
    expect(page.items).toEqual([]);
    // Nothing of De Vries was processed, so nothing is in Jan's access log either.
    expect(ctx.accessLog.entries().map(([id]) => id)).not.toContain(DEMO.households.deVries);
  });

  it('the scope gives a citizen who asks for all beschikkingen, events and termijnen only their own', async () => {
    for (const [claims, own] of [[personas.sanne, DEMO.households.deVries], [personas.fatima, DEMO.households.elAmrani]] as const) {
      const ctx = createRequestContext(actorFromClaims(claims), app.em(), traceFromHeader(undefined), testClock());
      for (const entity of [Beschikking, SchuldEvent, Termijn]) {
        const rows = await ctx.scope.owned(entity as never, {});
        expect(new Set(rows.map((r: { household: { id: string } }) => r.household.id))).toEqual(new Set(entity === Termijn && own !== DEMO.households.deVries ? [] : [own]));
      }
    }
  });

  it('covers every entry point of the schema (a new root field needs its isolation test here)', async () => {
    const schema = await getSchema();
    // clients, machtigingen and the machtiging mutations: test/integration/machtiging.test.ts;
    // requestStandaardBetalingsregeling: test/integration/standaard-regeling.test.ts;
    // request/decidePersoonlijkeBetalingsregeling, submitZienswijze, requestMatiging, decideMatiging,
    // decideZienswijze: test/integration/persoonlijke-regeling.test.ts and zienswijze-matiging.test.ts; norms and
    // calculateBetalingscapaciteit touch no household data (tested to write nothing); the vroegsignalering
    // fields and mutations (gemeente scope, register): test/integration/vroegsignalering.test.ts;
    // payments and verrekening (calculateBeslagvrijeVoet is a pure calculation; the mutations' reach,
    // FORBIDDEN for wrong roles and nothing written): test/integration/betalingen.test.ts; every root
    // field × role × relation: test/integration/authorization-matrix.test.ts.
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(
      [
        'calculateBeslagvrijeVoet', 'calculateBetalingscapaciteit', 'clients', 'household', 'householdByBsn', 'households', 'machtigingen', 'myHousehold', 'node', 'norms', 'viewer', 'zaken',
        'vroegsignalen', 'vroegsignaleringDeelnames', 'vroegsignaleringStatistics',
        // KOO fields: test/integration/kinderopvang.test.ts (KOO A vs KOO B, no household type reachable).
        'kinderopvangOrganisatie', 'kinderopvangLeveringen', 'convenantBetalingen', 'convenanttegoeden',
      ].sort(),
    );
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      [
        'activateMachtiging',
        'decideMatiging',
        'decidePersoonlijkeBetalingsregeling',
        'decideZienswijze',
        'grantMachtiging',
        'referToPersoonlijkeBegeleiding',
        'requestMachtiging',
        'requestMatiging',
        'requestPersoonlijkeBetalingsregeling',
        'requestStandaardBetalingsregeling',
        'revokeMachtiging',
        'setVoorschotpercentage',
        'submitZienswijze',
        'acknowledgeVroegsignalen',
        'recordVroegsignaalOpvolging',
        'registerVroegsignaleringDeelname',
        'changeVroegsignaleringDeelname',
        'grantBetaalpauze',
        'registerBetaling',
        'requestVerrekening',
        'undoVerrekening',
        // test/integration/kinderopvang.test.ts
        'deliverKinderopvangGegevens', 'createBulkKinderopvangLevering', 'appendBulkKinderopvangChunk', 'commitBulkKinderopvangLevering',
        'reportConvenanttegoedPaid', 'transferConvenanttegoed', 'payConvenanttegoedToParent', 'blockMutatievoorstel', 'setKinderopvangtoeslagBetalingAanKoo',
      ].sort(),
    );
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

  it('a medewerker reaches beschikkingen of every household through node', async () => {
    const token = await as(personas.medewerker);
    for (const n of [600, 610, 614]) {
      const r = await app.gql(NodeDocument, { id: toGlobalId('Beschikking', demoId(n)) }, token);
      expect(r.data!.node).toMatchObject({ __typename: 'Beschikking' });
    }
    expect(codes(await app.gql(NodeDocument, { id: toGlobalId('Beschikking', randomUUID()) }, token))).toEqual(['NOT_FOUND']);
  });

  it('households is FORBIDDEN for gemeente and KOO, and empty for an intermediair without machtigingen', async () => {
    for (const claims of [personas.gemeente, personas.koo]) {
      const r = await app.gql(HouseholdsDocument, { first: 10 }, await as(claims));
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
    const r = await app.gql(HouseholdsDocument, { first: 10 }, await as(personas.intermediair));
    expect(r.errors).toBeUndefined();
    expect(r.data!.households.edges).toEqual([]);
  });

  it('householdByBsn is for medewerkers only: FORBIDDEN for every other role', async () => {
    for (const claims of [personas.sanne, personas.intermediair, personas.gemeente, personas.koo]) {
      expect(codes(await app.gql(HouseholdByBsnDocument, { bsn: DEMO.sanne.bsn }, await as(claims)))).toEqual(['FORBIDDEN']);
    }
  });

  it('setVoorschotpercentage is FORBIDDEN for intermediair (no machtiging yet), gemeente and KOO', async () => {
    for (const claims of [personas.intermediair, personas.gemeente, personas.koo]) {
      const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', demoId(304)), percentage: 50 } }, await as(claims));
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
