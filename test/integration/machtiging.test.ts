import { TEST_TODAY } from '../support/clock';
import {
  ActivateMachtigingDocument,
  ClientsDocument,
  GrantMachtigingDocument,
  HouseholdDocument,
  HouseholdMachtigingenDocument,
  MyMachtigingenDocument,
  NodeDocument,
  OrganisationMachtigingenDocument,
  RequestMachtigingDocument,
  RevokeMachtigingDocument,
  SetVoorschotpercentageDocument,
} from '../generated/graphql';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { addDays, addMonths } from '../../src/shared/dates';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';
import { createHmac, randomBytes } from 'node:crypto';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { Factory, nextBsn, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
});
afterAll(() => app.close());

const ORG_A = personas.intermediair; // KVK:87654321
const ORG_B = { role: 'INTERMEDIAIR', sub: 'B-007', org: 'KVK:11112222', employee: 'B-007' } as const;
const today = TEST_TODAY;
const inAYear = addMonths(today, 12);
const as = (claims: object) => app.token({ ...claims });
const citizen = (h: BuiltHousehold, i = 0) => as({ role: 'BURGER', sub: h.members[i].bsn });
const hid = (h: BuiltHousehold) => toGlobalId('Household', h.household.id);

async function newHousehold(): Promise<BuiltHousehold> {
  const em = app.em();
  const built = new Factory(em, Math.floor(Math.random() * 1e9)).household({ full: true, uht: false });
  await em.flush();
  return built;
}

async function request(org: object, bsn: string, scope: 'INZIEN' | 'HANDELEN' = 'HANDELEN', extra: object = {}) {
  return app.gql(RequestMachtigingDocument, { input: { bsn, scope, geldigTot: inAYear, ...extra } }, await as(org));
}

/** Intermediary of `org` gets an ACTIEF machtiging for `h`, through request + activation by the citizen. */
async function activeMachtiging(org: object, h: BuiltHousehold, scope: 'INZIEN' | 'HANDELEN' = 'HANDELEN'): Promise<string> {
  await request(org, h.aanvrager.bsn, scope);
  const mine = await app.gql(MyMachtigingenDocument, {}, await citizen(h));
  const pending = mine.data!.myHousehold!.machtigingen.find((m) => m.status === 'AANGEVRAAGD')!;
  const r = await app.gql(ActivateMachtigingDocument, { input: { activeringscode: pending.activeringscode! } }, await citizen(h));
  expect(r.data!.activateMachtiging.userErrors).toEqual([]);
  return r.data!.activateMachtiging.machtiging!.id;
}

/** Every way an intermediary of `org` could reach household `h`: all must be refused or empty. */
async function expectNoReach(org: object, h: BuiltHousehold) {
  const token = await as(org);
  expect(codes(await app.gql(HouseholdDocument, { id: hid(h) }, token))).toEqual(['FORBIDDEN']);
  expect(codes(await app.gql(NodeDocument, { id: hid(h) }, token))).toEqual(['FORBIDDEN']);
  expect(codes(await app.gql(NodeDocument, { id: toGlobalId('Schuld', h.schulden[0].id) }, token))).toEqual(['FORBIDDEN']);
  expect((await app.gql(ClientsDocument, { first: 100 }, token)).data!.clients.nodes.map((c) => c.id)).not.toContain(hid(h));
  const mutation = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', h.lopend!.id), percentage: 50 } }, token);
  expect(codes(mutation)).toEqual(['FORBIDDEN']);
}

describe('machtiging lifecycle', () => {
  it('request → letter code → activation: then the intermediary reaches the client, reads and acts, on behalf recorded', async () => {
    const h = await newHousehold();
    const req = await request(ORG_A, h.aanvrager.bsn, 'HANDELEN', { clientReferentie: 'dossier 42' });
    expect(req.data!.requestMachtiging.userErrors).toEqual([]);
    const requested = req.data!.requestMachtiging.machtiging!;
    expect(requested).toMatchObject({ status: 'AANGEVRAAGD', scope: 'HANDELEN', organisationId: 'KVK:87654321', clientReferentie: 'dossier 42', activeringscode: null });

    // pending grants nothing
    await expectNoReach(ORG_A, h);

    // the citizen sees the request with the letter's code; a medewerker too; the reference is the organisation's own
    const mine = (await app.gql(MyMachtigingenDocument, {}, await citizen(h))).data!.myHousehold!.machtigingen;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: requested.id, status: 'AANGEVRAAGD', clientReferentie: null });
    expect(mine[0].activeringscode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const byMedewerker = await app.gql(HouseholdMachtigingenDocument, { id: hid(h) }, await as(personas.medewerker));
    expect(byMedewerker.data!.household.machtigingen[0].activeringscode).toBe(mine[0].activeringscode);

    // activation, typed sloppily (lower case, no dashes)
    const code = mine[0].activeringscode!.toLowerCase().replace(/-/g, '');
    const act = await app.gql(ActivateMachtigingDocument, { input: { activeringscode: code } }, await citizen(h));
    expect(act.data!.activateMachtiging.userErrors).toEqual([]);
    expect(act.data!.activateMachtiging.machtiging).toMatchObject({ status: 'ACTIEF', verleendVia: 'ACTIVERINGSCODE', activeringscode: null });

    // now the intermediary reaches the client through clients, household, node
    const token = await as(ORG_A);
    const readTrace = 'b'.repeat(16) + randomBytes(8).toString('hex');
    const clients = (await app.gql(ClientsDocument, { first: 10 }, token, { traceparent: `00-${readTrace}-00f067aa0ba902b7-01` })).data!.clients
      .nodes;
    expect(clients.map((c) => c.id)).toEqual([hid(h)]);
    // the read is logged on behalf of the machtiging, with the aanvrager (pseudonymised) as data subject
    const readLogged = await app.em().getConnection().execute(
      `select on_behalf_of_machtiging_id, data_subject, operation_type from access_log_entry where trace_id = ? and household_id = ?`,
      [readTrace, h.household.id],
    );
    expect(readLogged).toEqual([
      {
        on_behalf_of_machtiging_id: fromGlobalId(requested.id).id,
        data_subject: createHmac('sha256', TEST_PSEUDONYM_KEY).update(h.aanvrager.bsn).digest('hex'),
        operation_type: 'read',
      },
    ]);
    expect(Number(clients[0].schuldenOverzicht.aantalSchulden)).toBeGreaterThan(0);
    expect((await app.gql(HouseholdDocument, { id: hid(h) }, token)).data!.household.id).toBe(hid(h));
    expect((await app.gql(NodeDocument, { id: toGlobalId('Schuld', h.schulden[0].id) }, token)).data!.node!.__typename).toBe('Schuld');

    // and acts (HANDELEN); the access log names the machtiging
    const trace = 'a'.repeat(16) + randomBytes(8).toString('hex');
    const acted = await app.gql(
      SetVoorschotpercentageDocument,
      { input: { toeslagId: toGlobalId('Toeslag', h.lopend!.id), percentage: 80 } },
      token,
      { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    );
    expect(acted.errors).toBeUndefined();
    const logged = await app.em().getConnection().execute(
      `select actor_role, actor_subject, actor_organisation, on_behalf_of_machtiging_id, operation_type, processing_activity_id
         from access_log_entry where trace_id = ? and household_id = ?`,
      [trace, h.household.id],
    );
    expect(logged).toEqual([
      {
        actor_role: 'INTERMEDIAIR',
        actor_subject: 'SR-001',
        actor_organisation: 'KVK:87654321',
        on_behalf_of_machtiging_id: fromGlobalId(requested.id).id,
        operation_type: 'write',
        processing_activity_id: 'intermediair-machtiging',
      },
    ]);

    // the code is single use
    const again = await app.gql(ActivateMachtigingDocument, { input: { activeringscode: code } }, await citizen(h));
    expect(again.data!.activateMachtiging.userErrors.map((e) => e.code)).toEqual(['ACTIVERINGSCODE_ONGELDIG']);
  });

  it('revocation by the toeslagpartner takes effect on the very next request', async () => {
    const h = await newHousehold();
    const id = await activeMachtiging(ORG_A, h);
    expect((await app.gql(HouseholdDocument, { id: hid(h) }, await as(ORG_A))).errors).toBeUndefined();

    const partner = await citizen(h, 1); // the toeslagpartner sees and manages it too
    const revoked = await app.gql(RevokeMachtigingDocument, { input: { machtigingId: id } }, partner);
    expect(revoked.data!.revokeMachtiging.machtiging).toMatchObject({ status: 'INGETROKKEN', ingetrokkenDoor: 'BURGER' });

    await expectNoReach(ORG_A, h);
    const twice = await app.gql(RevokeMachtigingDocument, { input: { machtigingId: id } }, partner);
    expect(twice.data!.revokeMachtiging.userErrors.map((e) => e.code)).toEqual(['MACHTIGING_NIET_ACTIEF']);
  });

  it('the intermediary can revoke its own machtiging, with the same immediate effect', async () => {
    const h = await newHousehold();
    const id = await activeMachtiging(ORG_A, h);
    const r = await app.gql(RevokeMachtigingDocument, { input: { machtigingId: id } }, await as(ORG_A));
    expect(r.data!.revokeMachtiging.machtiging).toMatchObject({ status: 'INGETROKKEN', ingetrokkenDoor: 'INTERMEDIAIR' });
    await expectNoReach(ORG_A, h);
  });

  it('a citizen can grant directly; INZIEN reads but cannot act, and nothing is written', async () => {
    const h = await newHousehold();
    const g = await app.gql(GrantMachtigingDocument, { input: { organisationId: 'KVK:87654321', scope: 'INZIEN', geldigTot: inAYear } }, await citizen(h));
    expect(g.data!.grantMachtiging.machtiging).toMatchObject({ status: 'ACTIEF', verleendVia: 'DIRECT', scope: 'INZIEN' });
    const token = await as(ORG_A);
    expect((await app.gql(HouseholdDocument, { id: hid(h) }, token)).errors).toBeUndefined();
    const before = h.lopend!.voorschotPercentage;
    const act = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', h.lopend!.id), percentage: before === 50 ? 60 : 50 } }, token);
    expect(codes(act)).toEqual(['FORBIDDEN']);
    const [row] = await app.em().getConnection().execute('select voorschot_percentage from toeslag where id = ?', [h.lopend!.id]);
    expect(row.voorschot_percentage).toBe(before);
  });

  it('an expired machtiging grants nothing and shows as VERLOPEN', async () => {
    const h = await newHousehold();
    const em = app.em();
    em.create(Machtiging, {
      household: h.household.id,
      organisationId: 'KVK:87654321',
      scope: MachtigingScope.HANDELEN,
      status: MachtigingOpslagStatus.ACTIEF,
      geldigTot: addDays(today, -1),
    } as never);
    await em.flush();
    await expectNoReach(ORG_A, h);
    const mine = (await app.gql(MyMachtigingenDocument, {}, await citizen(h))).data!.myHousehold!.machtigingen;
    expect(mine.map((m) => m.status)).toEqual(['VERLOPEN']);
  });

  it('a machtiging valid through today still works today', async () => {
    const h = await newHousehold();
    const g = await app.gql(GrantMachtigingDocument, { input: { organisationId: 'KVK:87654321', scope: 'HANDELEN', geldigTot: today } }, await citizen(h));
    expect(g.data!.grantMachtiging.userErrors).toEqual([]);
    expect((await app.gql(HouseholdDocument, { id: hid(h) }, await as(ORG_A))).errors).toBeUndefined();
  });
});

describe('nothing leaks between households and organisations', () => {
  it('a request for a BSN without a household looks exactly like one for a known BSN', async () => {
    const h = await newHousehold();
    const known = (await request(ORG_A, h.aanvrager.bsn)).data!.requestMachtiging;
    const unknown = (await request(ORG_A, nextBsn())).data!.requestMachtiging;
    const shape = (p: typeof known) => ({ ...p, machtiging: { ...p.machtiging!, id: 'x' } });
    expect(shape(unknown)).toEqual(shape(known));
    const list = (await app.gql(OrganisationMachtigingenDocument, { first: 100, status: ['AANGEVRAAGD'] }, await as(ORG_A))).data!.machtigingen.nodes;
    expect(list.map((m) => m.id)).toEqual(expect.arrayContaining([known.machtiging!.id, unknown.machtiging!.id]));
  });

  it('an activation code only works in the household it was sent to', async () => {
    const h = await newHousehold();
    const other = await newHousehold();
    await request(ORG_A, h.aanvrager.bsn);
    const code = (await app.gql(MyMachtigingenDocument, {}, await citizen(h))).data!.myHousehold!.machtigingen[0].activeringscode!;
    const stolen = await app.gql(ActivateMachtigingDocument, { input: { activeringscode: code } }, await citizen(other));
    expect(stolen.data!.activateMachtiging.userErrors.map((e) => e.code)).toEqual(['ACTIVERINGSCODE_ONGELDIG']);
    expect((await app.gql(MyMachtigingenDocument, {}, await citizen(h))).data!.myHousehold!.machtigingen[0].status).toBe('AANGEVRAAGD');
    // and the other household does not see it
    expect((await app.gql(MyMachtigingenDocument, {}, await citizen(other))).data!.myHousehold!.machtigingen).toEqual([]);
  });

  it('organisation B reaches none of organisation A’s clients, machtigingen or mutations', async () => {
    const h = await newHousehold();
    const id = await activeMachtiging(ORG_A, h);
    await expectNoReach(ORG_B, h);
    const tokenB = await as(ORG_B);
    expect(codes(await app.gql(RevokeMachtigingDocument, { input: { machtigingId: id } }, tokenB))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(NodeDocument, { id }, tokenB))).toEqual(['FORBIDDEN']);
    expect((await app.gql(OrganisationMachtigingenDocument, { first: 100 }, tokenB)).data!.machtigingen.nodes.map((m) => m.id)).not.toContain(id);
    // A still has it, and sees only its own machtigingen on the household
    const seenByA = await app.gql(HouseholdMachtigingenDocument, { id: hid(h) }, await as(ORG_A));
    expect(seenByA.data!.household.machtigingen.every((m) => m.organisationId === 'KVK:87654321')).toBe(true);
  });

  it('the intermediary never sees the activation code; the citizen never sees the organisation’s reference', async () => {
    const h = await newHousehold();
    await request(ORG_A, h.aanvrager.bsn, 'INZIEN', { clientReferentie: 'ref-1' });
    const list = (await app.gql(OrganisationMachtigingenDocument, { first: 100 }, await as(ORG_A))).data!.machtigingen.nodes;
    expect(list.every((m) => m.activeringscode === null)).toBe(true);
    const mine = (await app.gql(MyMachtigingenDocument, {}, await citizen(h))).data!.myHousehold!.machtigingen;
    expect(mine[0].clientReferentie).toBeNull();
  });
});

describe('refusals write nothing', () => {
  const count = async () => Number((await app.em().getConnection().execute('select count(*) as n from machtiging'))[0].n);

  it('validates the period, the reference and the organisation', async () => {
    const h = await newHousehold();
    const before = await count();
    const cases: Array<[Promise<Awaited<ReturnType<typeof request>>>, string]> = [
      [request(ORG_A, h.aanvrager.bsn, 'HANDELEN', { geldigTot: addDays(today, -1) }), 'GELDIGHEID_ONGELDIG'],
      [request(ORG_A, h.aanvrager.bsn, 'HANDELEN', { geldigTot: addMonths(today, 61) }), 'GELDIGHEID_ONGELDIG'],
      [request(ORG_A, h.aanvrager.bsn, 'HANDELEN', { clientReferentie: `client ${h.aanvrager.bsn}` }), 'CLIENTREFERENTIE_ONGELDIG'],
    ];
    for (const [p, code] of cases) expect((await p).data!.requestMachtiging.userErrors.map((e) => e.code)).toEqual([code]);
    const bad = await app.gql(GrantMachtigingDocument, { input: { organisationId: 'not valid!', scope: 'INZIEN', geldigTot: inAYear } }, await citizen(h));
    expect(bad.data!.grantMachtiging.userErrors.map((e) => e.code)).toEqual(['ORGANISATIE_ONGELDIG']);
    expect(await count()).toBe(before);
  });

  it('refuses a second active machtiging for the same organisation', async () => {
    const h = await newHousehold();
    const input = { organisationId: 'KVK:87654321', scope: 'INZIEN' as const, geldigTot: inAYear };
    await app.gql(GrantMachtigingDocument, { input }, await citizen(h));
    const before = await count();
    const second = await app.gql(GrantMachtigingDocument, { input }, await citizen(h));
    expect(second.data!.grantMachtiging.userErrors.map((e) => e.code)).toEqual(['MACHTIGING_BESTAAT_AL']);
    const requested = await request(ORG_A, h.aanvrager.bsn);
    expect(requested.data!.requestMachtiging.userErrors.map((e) => e.code)).toEqual(['MACHTIGING_BESTAAT_AL']);
    expect(await count()).toBe(before);
  });

  it('each mutation is for its roles only', async () => {
    const h = await newHousehold();
    for (const claims of [personas.gemeente, personas.koo, personas.medewerker, { role: 'BURGER', sub: h.aanvrager.bsn }]) {
      expect(codes(await request(claims, h.aanvrager.bsn))).toEqual(['FORBIDDEN']);
    }
    for (const claims of [ORG_A, personas.gemeente, personas.koo, personas.medewerker]) {
      const token = await as(claims);
      expect(codes(await app.gql(ActivateMachtigingDocument, { input: { activeringscode: 'AAAA-BBBB-CCCC' } }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(GrantMachtigingDocument, { input: { organisationId: 'KVK:1', scope: 'INZIEN', geldigTot: inAYear } }, token))).toEqual(['FORBIDDEN']);
    }
    for (const claims of [personas.gemeente, personas.koo]) {
      expect(codes(await app.gql(RevokeMachtigingDocument, { input: { machtigingId: toGlobalId('Machtiging', h.household.id) } }, await as(claims)))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(ClientsDocument, { first: 1 }, await as(claims)))).toEqual(['FORBIDDEN']);
    }
  });
});
