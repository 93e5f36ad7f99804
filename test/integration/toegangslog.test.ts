import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import { HouseholdDocument, MyHouseholdDocument, MyToegangslogDocument, ToegangslogDocument, type ToegangslogQuery } from '../generated/graphql';
import { Household } from '../../src/modules/household/household.entity';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { addDays } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type GqlResponse, type TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { personas } from '../support/tokens';

// Household.toegangslog: the citizen's view of the access log ("who looked at my data, when, why,
// for whom"), also for medewerkers; never for an intermediary or another household.

const ORG = 'KVK:87654321';

let app: TestApp;
let factory: Factory;
const queries: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => queries.push(sql) });
  factory = new Factory(app.em(), 31337);
});
afterAll(() => app.close());

const as = (claims: object) => app.token({ ...claims });
const traced = () => {
  const trace = randomUUID().replace(/-/g, '');
  return { trace, headers: { traceparent: `00-${trace}-00f067aa0ba902b7-01` } };
};
const intermediair = () => app.token({ role: 'INTERMEDIAIR', sub: 'SR-003', org: ORG, employee: 'SR-003' });

async function household() {
  const built = factory.household({ full: true });
  await factory.flush();
  return {
    ...built,
    id: toGlobalId('Household', built.household.id),
    token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }),
    partnerToken: await app.token({ role: 'BURGER', sub: built.members[1].bsn }),
  };
}

async function machtiging(householdId: string, scope = MachtigingScope.INZIEN): Promise<Machtiging> {
  const em = app.em();
  const m = em.create(Machtiging, {
    household: em.getReference(Household, householdId),
    organisationId: ORG,
    scope,
    status: MachtigingOpslagStatus.ACTIEF,
    geldigTot: addDays(TEST_TODAY, 60),
  });
  await em.flush();
  return m;
}

const logOf = (id: string, token: string, first?: number, after?: string | null) => app.gql(ToegangslogDocument, { id, first, after }, token);

describe('a citizen reads who processed their data', () => {
  it('shows a medewerker’s read and an intermediary’s read with namens, newest first, and marks their own', async () => {
    const h = await household();
    const m = await machtiging(h.household.id);
    expect((await app.gql(MyHouseholdDocument, {}, h.token)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect((await app.gql(HouseholdDocument, { id: h.id }, await as(personas.medewerker))).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect((await app.gql(HouseholdDocument, { id: h.id }, await intermediair())).errors).toBeUndefined();
    // the intermediary's row points at its machtiging
    const [logged] = await app.em().getConnection().execute(`select on_behalf_of_machtiging_id from access_log_entry where household_id = ? and actor_role = 'INTERMEDIAIR'`, [h.household.id]);
    expect(logged.on_behalf_of_machtiging_id).toBe(m.id);

    const r = await logOf(h.id, h.token);
    expect(r.errors).toBeUndefined();
    const entries = r.data!.household.toegangslog.edges.map((e) => e.node);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      tijdstip: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actorRol: 'INTERMEDIAIR',
      organisatie: ORG,
      doorUzelf: false,
      handeling: 'Household',
      soort: 'READ',
      gegevens: expect.arrayContaining(['Household']),
      doel: { naam: 'Hulp door een gemachtigde intermediair', omschrijving: expect.any(String) },
      grondslag: expect.stringContaining('AVG'),
      namens: { organisatie: ORG, scope: 'INZIEN' },
    });
    expect(entries[1]).toMatchObject({ actorRol: 'MEDEWERKER', organisatie: 'Dienst Toeslagen', doorUzelf: false, namens: null, doel: { naam: 'Zaakbehandeling door een medewerker' } });
    expect(entries[2]).toMatchObject({ actorRol: 'BURGER', organisatie: null, doorUzelf: true, handeling: 'MyHousehold', namens: null });
    expect(entries.map((e) => e.tijdstip)).toEqual([...entries.map((e) => e.tijdstip)].sort().reverse());

    // The toeslagpartner sees the same log; the aanvrager's read is not theirs.
    const partner = await logOf(h.id, h.partnerToken);
    expect(partner.data!.household.toegangslog.edges.map((e) => e.node.doorUzelf)).toEqual(expect.arrayContaining([false]));
    expect(partner.data!.household.toegangslog.edges.find((e) => e.node.handeling === 'MyHousehold')!.node.doorUzelf).toBe(false);
  });

  it('never exposes actor subjects (employee ids, pseudonyms) or BSNs', async () => {
    const h = await household();
    await app.gql(HouseholdDocument, { id: h.id }, await as(personas.medewerker));
    await app.gql(MyHouseholdDocument, {}, h.token);
    const r = await app.gql(MyToegangslogDocument, { first: 50 }, h.token);
    const body = JSON.stringify(r.data);
    const pseudonym = createPseudonymiser(TEST_PSEUDONYM_KEY)(h.aanvrager.bsn);
    for (const secret of ['M12345', pseudonym, h.aanvrager.bsn, 'SR-003']) expect(body).not.toContain(secret);
    expect(r.data!.myHousehold!.toegangslog.edges.length).toBeGreaterThanOrEqual(2);
  });

  it('reading the log is itself logged (resource Toegangslog)', async () => {
    const h = await household();
    const { trace, headers } = traced();
    await app.gql(ToegangslogDocument, { id: h.id }, h.token, headers);
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ household_id: h.household.id, operation_type: 'read', processing_activity_id: 'burger-inzage-eigen-gegevens' });
    expect(rows[0].resources).toEqual(expect.arrayContaining(['Household', 'Toegangslog']));
    // And the next look shows that read.
    const next = await logOf(h.id, h.token, 1);
    expect(next.data!.household.toegangslog.edges[0].node).toMatchObject({ handeling: 'Toegangslog', gegevens: expect.arrayContaining(['Toegangslog']), doorUzelf: true });
  });

  it('names automated processing as Dienst Toeslagen (automatisch)', async () => {
    const h = await household();
    await app.em().getConnection().execute(
      `insert into access_log_entry (trace_id, span_id, operation_name, operation_type, resources, processing_activity_id, household_id,
         actor_role, actor_subject, started_at, ended_at, status)
       values (?, ?, 'invordering 2026-11-22', 'write', array['Schuld']::text[], 'invordering-schulden', ?, 'SYSTEEM', 'invordering', now(), now(), 'OK')`,
      ['a'.repeat(32), 'b'.repeat(16), h.household.id],
    );
    const r = await logOf(h.id, await as(personas.medewerker));
    expect(r.data!.household.toegangslog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ actorRol: 'SYSTEEM', organisatie: 'Dienst Toeslagen (automatisch)', soort: 'WRITE', gegevens: ['Schuld'], doorUzelf: false }),
    ]);
  });
});

describe('who may read a household’s log', () => {
  it('a medewerker may, and is logged doing so', async () => {
    const h = await household();
    await app.gql(MyHouseholdDocument, {}, h.token);
    const { trace, headers } = traced();
    const r = await app.gql(ToegangslogDocument, { id: h.id }, await as(personas.medewerker), headers);
    expect(r.errors).toBeUndefined();
    expect(r.data!.household.toegangslog.edges.map((e) => [e.node.actorRol, e.node.doorUzelf])).toEqual([['BURGER', false]]);
    const [row] = await app.em().getConnection().execute('select resources from access_log_entry where trace_id = ?', [trace]);
    expect(row.resources).toEqual(expect.arrayContaining(['Toegangslog']));
  });

  it('an intermediary is FORBIDDEN, even with a HANDELEN machtiging, and nothing of the log is logged as read', async () => {
    const h = await household();
    await machtiging(h.household.id, MachtigingScope.HANDELEN);
    const { trace, headers } = traced();
    const r = await app.gql(ToegangslogDocument, { id: h.id }, await intermediair(), headers);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
    const rows: Array<{ resources: string[] }> = await app.em().getConnection().execute('select resources from access_log_entry where trace_id = ?', [trace]);
    for (const row of rows) expect(row.resources).not.toContain('Toegangslog');
  });

  it('another household’s citizen is FORBIDDEN through household(id); gemeente and KOO too', async () => {
    const h = await household();
    const other = await household();
    for (const token of [other.token, other.partnerToken, await as(personas.gemeente), await as(personas.koo)]) {
      const r = await logOf(h.id, token);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
  });
});

describe('paging', () => {
  it('pages newest first with stable keyset cursors, also when entries share a timestamp and new ones arrive', async () => {
    const h = await household();
    const conn = app.em().getConnection();
    const base = app.clock.now().getTime() - 3_600_000;
    for (let i = 0; i < 9; i++) {
      // Three entries per instant: the id breaks the tie.
      const at = new Date(base + Math.floor(i / 3) * 1000 + 0.123);
      await conn.execute(
        `insert into access_log_entry (trace_id, span_id, operation_name, operation_type, resources, processing_activity_id, household_id,
           actor_role, actor_subject, started_at, ended_at, status)
         values (?, ?, ?, 'read', array['Household']::text[], 'medewerker-zaakbehandeling', ?, 'MEDEWERKER', 'M1', ?, ?, 'OK')`,
        ['c'.repeat(32), 'd'.repeat(16), `Op${i}`, h.household.id, at, at],
      );
    }
    // Microsecond timestamps must not break the keyset either.
    await conn.execute(
      `insert into access_log_entry (trace_id, span_id, operation_name, operation_type, resources, processing_activity_id, household_id,
         actor_role, actor_subject, started_at, ended_at, status)
       values (?, ?, 'OpMicro', 'read', array['Household']::text[], 'medewerker-zaakbehandeling', ?, 'MEDEWERKER', 'M1', ?::timestamptz, now(), 'OK')`,
      ['e'.repeat(32), 'f'.repeat(16), h.household.id, new Date(base + 500).toISOString().replace('Z', '456Z')],
    );
    const expected: Array<{ operation_name: string }> = await conn.execute(
      'select operation_name from access_log_entry where household_id = ? order by started_at desc, id desc',
      [h.household.id],
    );
    expect(expected).toHaveLength(10);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const r: GqlResponse<ToegangslogQuery> = await logOf(h.id, h.token, 3, after);
      expect(r.errors).toBeUndefined();
      const c: ToegangslogQuery['household']['toegangslog'] = r.data!.household.toegangslog;
      // Every request adds an entry of its own (the citizen reading the log): newer, so never on a later page.
      seen.push(...c.edges.map((e) => e.node.handeling).filter((op) => op !== 'Toegangslog'));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((e) => e.operation_name));
  });

  it('a medewerker’s log of many households costs one log statement, however many households', async () => {
    const medewerker = await as(personas.medewerker);
    await household();
    const count = async (first: number) => {
      queries.length = 0;
      const r = await app.gql(`query Many { households(first: ${first}) { nodes { id toegangslog(first: 2) { nodes { tijdstip } } } } }`, {}, medewerker);
      expect(r.errors).toBeUndefined();
      return queries.filter((q) => /from access_log_entry e/.test(q)).length;
    };
    expect(await count(2)).toBe(1);
    expect(await count(20)).toBe(1);
  });

  it('refuses forged cursors and bad page sizes with BAD_USER_INPUT', async () => {
    const h = await household();
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of [forge(['2026-01-01T00:00:00.000000Z', 'x']), forge(['yesterday', '1']), forge(['2026-01-01T00:00:00.000000Z']), 'nope']) {
      expect(codes(await logOf(h.id, h.token, 5, after))).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await logOf(h.id, h.token, 101))).toEqual(['BAD_USER_INPUT']);
  });
});
