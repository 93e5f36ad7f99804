import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import { HouseholdZakenDocument, ZaakNodeDocument, ZakenDocument, type ZakenQuery } from '../generated/graphql';
import { Household } from '../../src/modules/household/household.entity';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Zaak } from '../../src/modules/zaak/zaak.entity';
import { Contactvoorkeur, ZaakSoort, ZaakStatus } from '../../src/modules/zaak/zaak.enums';
import { addDays } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type GqlResponse, type TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { personas } from '../support/tokens';

// Who sees which zaken (Household.zaken, node), and the medewerkers' work list (root `zaken`).

const ORG = 'KVK:87654321';
const OTHER_ORG = 'KVK:55554444';

let app: TestApp;
let factory: Factory;
const queries: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => queries.push(sql) });
  factory = new Factory(app.em(), 77);
});
afterAll(() => app.close());

const today = TEST_TODAY;
const as = (claims: object) => app.token({ ...claims });
const intermediair = (org = ORG) => app.token({ role: 'INTERMEDIAIR', sub: 'SR-002', org, employee: 'SR-002' });

async function household() {
  const built = factory.household({ full: true });
  await factory.flush();
  return { ...built, id: toGlobalId('Household', built.household.id), token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }) };
}

async function machtiging(householdId: string, org = ORG, status = MachtigingOpslagStatus.ACTIEF): Promise<void> {
  const em = app.em();
  em.create(Machtiging, {
    household: em.getReference(Household, householdId),
    organisationId: org,
    scope: MachtigingScope.INZIEN,
    status,
    geldigTot: addDays(today, 30),
  });
  await em.flush();
}

interface ZaakOptions {
  soort?: ZaakSoort;
  status?: ZaakStatus;
  rol?: string;
  org?: string | null;
  deadline?: string | null;
  createdAt?: Date;
  afgehandeldOp?: Date | null;
}
async function zaak(householdId: string, o: ZaakOptions = {}): Promise<string> {
  const em = app.em();
  const z = em.create(Zaak, {
    household: em.getReference(Household, householdId),
    soort: o.soort ?? ZaakSoort.PERSOONLIJKE_BEGELEIDING,
    status: o.status ?? ZaakStatus.NIEUW,
    ingediendDoorRol: o.rol ?? (o.org ? 'INTERMEDIAIR' : 'BURGER'),
    ingediendDoorOrganisatie: o.org ?? null,
    reden: 'test',
    contactvoorkeur: Contactvoorkeur.TELEFOON,
    uiterlijkeBeslisdatum: o.deadline ?? null,
    afgehandeldOp: o.afgehandeldOp ?? null,
  });
  z.createdAt = o.createdAt ?? app.clock.now();
  await em.flush();
  return toGlobalId('Zaak', z.id);
}

describe('Household.zaken and node(id) of a Zaak', () => {
  it('a citizen and a medewerker see every zaak of the household, newest first', async () => {
    const h = await household();
    const older = await zaak(h.household.id, { org: ORG, createdAt: new Date(app.clock.now().getTime() - 3 * 86_400_000), status: ZaakStatus.AFGEROND });
    const own = await zaak(h.household.id);
    for (const token of [h.token, await as(personas.medewerker)]) {
      const r = await app.gql(HouseholdZakenDocument, { id: h.id }, token);
      expect(r.data!.household.zaken.map((z) => z.id)).toEqual([own, older]);
    }
  });

  it('an intermediary sees only the zaken its own organisation submitted, and node(id) of others is FORBIDDEN', async () => {
    const h = await household();
    await machtiging(h.household.id, ORG);
    await machtiging(h.household.id, OTHER_ORG);
    const mine = await zaak(h.household.id, { org: ORG, status: ZaakStatus.IN_BEHANDELING });
    const theirs = await zaak(h.household.id, { org: OTHER_ORG, status: ZaakStatus.AFGEROND });
    const citizens = await zaak(h.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, status: ZaakStatus.AFGEROND });

    const r = await app.gql(HouseholdZakenDocument, { id: h.id }, await intermediair());
    expect(r.data!.household.zaken.map((z) => [z.id, z.status])).toEqual([[mine, 'IN_BEHANDELING']]);
    const other = await app.gql(HouseholdZakenDocument, { id: h.id }, await intermediair(OTHER_ORG));
    expect(other.data!.household.zaken.map((z) => z.id)).toEqual([theirs]);

    expect((await app.gql(ZaakNodeDocument, { id: mine }, await intermediair())).data!.node).toMatchObject({ id: mine, status: 'IN_BEHANDELING' });
    for (const id of [theirs, citizens]) {
      const n = await app.gql(ZaakNodeDocument, { id }, await intermediair());
      expect(codes(n)).toEqual(['FORBIDDEN']);
      expect(n.data).toBeNull();
    }
  });

  it('an intermediary without an active machtiging (revoked) reaches neither the household nor its own zaak', async () => {
    const h = await household();
    await machtiging(h.household.id, ORG, MachtigingOpslagStatus.INGETROKKEN);
    const mine = await zaak(h.household.id, { org: ORG });
    expect(codes(await app.gql(HouseholdZakenDocument, { id: h.id }, await intermediair()))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(ZaakNodeDocument, { id: mine }, await intermediair()))).toEqual(['FORBIDDEN']);
  });

  it('a citizen gets FORBIDDEN for another household’s zaak (existing or not); a medewerker NOT_FOUND for a missing one', async () => {
    const h = await household();
    const other = await household();
    const id = await zaak(h.household.id);
    expect(codes(await app.gql(ZaakNodeDocument, { id }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(ZaakNodeDocument, { id: toGlobalId('Zaak', randomUUID()) }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(ZaakNodeDocument, { id: toGlobalId('Zaak', randomUUID()) }, await as(personas.medewerker)))).toEqual(['NOT_FOUND']);
    for (const claims of [personas.gemeente, personas.koo]) expect(codes(await app.gql(ZaakNodeDocument, { id }, await as(claims)))).toEqual(['FORBIDDEN']);
  });

  it('leeftijdInDagen counts calendar days in Europe/Amsterdam and stops when the zaak is handled', async () => {
    const h = await household();
    // Noon UTC of a calendar day in Amsterdam is on that same day there (13:00 or 14:00), whatever
    // the time the test runs: counting back from now in 24-hour steps would cross midnight in
    // Amsterdam near the end of the day, and a DST change in between shifts it by an hour.
    const noonUtc = (daysAgo: number) => new Date(`${addDays(TEST_TODAY, -daysAgo)}T12:00:00Z`);
    await zaak(h.household.id, { createdAt: noonUtc(10) });
    await zaak(h.household.id, {
      status: ZaakStatus.AFGEROND,
      createdAt: noonUtc(30),
      afgehandeldOp: noonUtc(26),
    });
    const r = await app.gql(HouseholdZakenDocument, { id: h.id }, h.token);
    expect(r.data!.household.zaken.map((z) => z.leeftijdInDagen)).toEqual([10, 4]);
    expect(r.data!.household.zaken[1].afgehandeldOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('Household.zaken of many households costs one statement, however many households', async () => {
    const medewerker = await as(personas.medewerker);
    const count = async (first: number) => {
      queries.length = 0;
      const r = await app.gql(`query Many { households(first: ${first}) { nodes { id zaken { id status } } } }`, {}, medewerker);
      expect(r.errors).toBeUndefined();
      return queries.filter((q) => /from "zaak"/.test(q)).length;
    };
    expect(await count(3)).toBe(1);
    expect(await count(30)).toBe(1);
  });
});

describe('the medewerkers’ work list: root zaken', () => {
  it('is for medewerkers only', async () => {
    const h = await household();
    for (const token of [h.token, await intermediair(), await as(personas.gemeente), await as(personas.koo)]) {
      const r = await app.gql(ZakenDocument, { first: 10 }, token);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
    expect(codes(await app.gql(ZakenDocument, { first: 10 }))).toEqual(['UNAUTHENTICATED']);
  });

  it('orders by uiterlijkeBeslisdatum (none last), then oldest first, then id, and pages stably', async () => {
    const a = await household();
    const b = await household();
    const t0 = app.clock.now().getTime() - 5 * 86_400_000;
    const sameMoment = new Date(t0);
    await zaak(a.household.id, { soort: ZaakSoort.PERSOONLIJKE_BETALINGSREGELING, deadline: addDays(today, 20), createdAt: new Date(t0 + 1000) });
    await zaak(b.household.id, { soort: ZaakSoort.PERSOONLIJKE_BETALINGSREGELING, deadline: addDays(today, 5), createdAt: new Date(t0 + 2000) });
    await zaak(a.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, deadline: addDays(today, 5), createdAt: new Date(t0) });
    // Same deadline and the same instant: the id decides.
    await zaak(b.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, deadline: addDays(today, 20), createdAt: sameMoment });
    await zaak(a.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, deadline: addDays(today, 20), createdAt: sameMoment });
    await zaak(b.household.id, { createdAt: sameMoment });
    await zaak(a.household.id, { createdAt: sameMoment });
    await zaak(a.household.id, { createdAt: new Date(t0 - 1000), status: ZaakStatus.AFGEROND });

    const expected: Array<{ id: string }> = await app
      .em()
      .getConnection()
      .execute('select id from zaak order by uiterlijke_beslisdatum asc nulls last, created_at asc, id asc');
    const medewerker = await as(personas.medewerker);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r: GqlResponse<ZakenQuery> = await app.gql(ZakenDocument, { first: 3, after }, medewerker);
      expect(r.errors).toBeUndefined();
      const c: ZakenQuery['zaken'] = r.data!.zaken;
      seen.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((z) => toGlobalId('Zaak', z.id)));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by status and soort (an empty list matches nothing)', async () => {
    const h = await household();
    const open = await zaak(h.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, status: ZaakStatus.IN_BEHANDELING, deadline: '2000-01-01' });
    await zaak(h.household.id, { soort: ZaakSoort.HARDHEIDSVERZOEK, status: ZaakStatus.AFGEWEZEN, deadline: '2000-01-01' });
    const medewerker = await as(personas.medewerker);
    const r = await app.gql(ZakenDocument, { first: 100, filter: { status: ['NIEUW', 'IN_BEHANDELING'], soort: ['HARDHEIDSVERZOEK'] } }, medewerker);
    const nodes = r.data!.zaken.edges.map((e) => e.node);
    expect(nodes.every((z) => ['NIEUW', 'IN_BEHANDELING'].includes(z.status) && z.soort === 'HARDHEIDSVERZOEK')).toBe(true);
    expect(nodes[0]).toMatchObject({ id: open, uiterlijkeBeslisdatum: '2000-01-01' });
    expect((await app.gql(ZakenDocument, { first: 10, filter: { status: [] } }, medewerker)).data!.zaken.edges).toEqual([]);
  });

  it('logs the households on the page as read by the medewerker', async () => {
    const h = await household();
    await zaak(h.household.id, { deadline: '1999-01-01' });
    const trace = randomUUID().replace(/-/g, '');
    await app.gql(ZakenDocument, { first: 1 }, await as(personas.medewerker), { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toEqual([expect.objectContaining({ household_id: h.household.id, operation_type: 'read', actor_role: 'MEDEWERKER', resources: ['Zaak'] })]);
  });

  it('refuses forged cursors and bad page sizes with BAD_USER_INPUT', async () => {
    const medewerker = await as(personas.medewerker);
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of [forge(['x', '2026-01-01T00:00:00.000Z', randomUUID()]), forge(['', 'yesterday', randomUUID()]), forge(['', '2026-01-01T00:00:00.000Z', "' or 1=1"]), 'nope']) {
      expect(codes(await app.gql(ZakenDocument, { first: 5, after }, medewerker))).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await app.gql(ZakenDocument, { first: 0 }, medewerker))).toEqual(['BAD_USER_INPUT']);
  });
});
