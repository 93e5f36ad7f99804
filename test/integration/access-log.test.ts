import { TEST_TODAY } from '../support/clock';
import { createHmac } from 'node:crypto';
import { HouseholdDocument, MyHouseholdDocument, ViewerDocument } from '../generated/graphql';
import { DEMO } from '../../src/db/demo-data';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { personas } from '../support/tokens';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { addMonths } from '../../src/shared/dates';

let app: TestApp;
const statements: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
});
afterAll(() => app.close());

const hmac = (bsn: string) => createHmac('sha256', TEST_PSEUDONYM_KEY).update(bsn).digest('hex');
const traceId = () => [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function logRows(trace: string): Promise<Array<Record<string, any>>> {
  return app.em().getConnection().execute(`select *, xmin::text as tx from access_log_entry where trace_id = ? order by household_id`, [trace]);
}

describe('access log', () => {
  it('records one row per household per request, with trace, activity, pseudonymised subject and actor', async () => {
    const trace = traceId();
    const r = await app.gql(MyHouseholdDocument, {}, await app.token({ ...personas.ahmed }), {
      traceparent: `00-${trace}-00f067aa0ba902b7-01`,
    });
    expect(r.errors).toBeUndefined();
    expect(r.headers.get('traceparent')).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));

    const rows = await logRows(trace);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      household_id: DEMO.households.deVries,
      parent_span_id: '00f067aa0ba902b7',
      operation_name: 'MyHousehold',
      operation_type: 'read',
      processing_activity_id: 'burger-inzage-eigen-gegevens',
      actor_role: 'BURGER',
      // the data subject is the aanvrager (Sanne); the actor is the toeslagpartner (Ahmed)
      data_subject: hmac(DEMO.sanne.bsn),
      actor_subject: hmac(DEMO.ahmed.bsn),
      status: 'OK',
    });
    expect(row.span_id).toBe(r.headers.get('traceparent')!.split('-')[2]);
    expect([...row.resources].sort()).toEqual(['Beschikking', 'Betalingsregeling', 'Household', 'HouseholdMember', 'Schuld', 'Toeslag']);
    expect(new Date(row.ended_at).getTime()).toBeGreaterThanOrEqual(new Date(row.started_at).getTime());
    // No BSN anywhere in the record.
    expect(JSON.stringify(row)).not.toMatch(/99999\d{4}/);
  });

  it('writes all households of one request in ONE insert (same transaction)', async () => {
    const trace = traceId();
    const query = `query Two($a: ID!, $b: ID!) { a: household(id: $a) { id } b: household(id: $b) { id schulden { nodes { id } } } }`;
    statements.length = 0;
    const r = await app.gql(
      query,
      { a: toGlobalId('Household', DEMO.households.deVries), b: toGlobalId('Household', DEMO.households.jansen) },
      await app.token({ ...personas.medewerker }),
      { traceparent: `00-${trace}-00f067aa0ba902b7-00` },
    );
    expect(r.errors).toBeUndefined();
    const rows = await logRows(trace);
    expect(rows.map((x) => x.household_id)).toEqual([DEMO.households.deVries, DEMO.households.jansen].sort());
    expect(new Set(rows.map((x) => x.tx)).size).toBe(1);
    expect(statements.filter((s) => /insert into access_log_entry/i.test(s))).toHaveLength(1);
    expect(rows.every((x) => x.processing_activity_id === 'medewerker-zaakbehandeling' && x.actor_subject === 'M12345')).toBe(true);
  });

  it("names each household's aanvrager as data subject, read along with the household (no lookup of its own)", async () => {
    const trace = traceId();
    const query = `query Two($a: ID!, $b: ID!) { a: household(id: $a) { id } b: household(id: $b) { id } }`;
    statements.length = 0;
    const r = await app.gql(
      query,
      { a: toGlobalId('Household', DEMO.households.deVries), b: toGlobalId('Household', DEMO.households.jansen) },
      await app.token({ ...personas.medewerker }),
      { traceparent: `00-${trace}-00f067aa0ba902b7-00` },
    );
    expect(r.errors).toBeUndefined();
    const ran = statements.filter((s) => s.includes('[query]'));
    const rows = await logRows(trace);
    const subjects = Object.fromEntries(rows.map((x) => [x.household_id, x.data_subject]));
    expect(subjects).toEqual({ [DEMO.households.deVries]: hmac(DEMO.sanne.bsn), [DEMO.households.jansen]: hmac(DEMO.jan.bsn) });
    // household statement, INSERT: no separate aanvrager lookup
    expect(ran).toHaveLength(2);
    expect(ran.filter((s) => /hm\.rol = 'AANVRAGER'/.test(s))).toHaveLength(1);
  });

  it('records the households a page returns, not the one read to know whether there is a next page', async () => {
    const trace = traceId();
    const r = await app.gql<{ households: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean } } }, Record<string, never>>(
      `{ households(first: 2) { nodes { id } pageInfo { hasNextPage } } }`,
      {},
      await app.token({ ...personas.medewerker }),
      { traceparent: `00-${trace}-00f067aa0ba902b7-00` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.households.pageInfo.hasNextPage).toBe(true);
    const returned = r.data!.households.nodes.map((n) => n.id).sort();
    const logged = (await logRows(trace)).map((x) => toGlobalId('Household', x.household_id)).sort();
    expect(logged).toEqual(returned);
    expect(logged).toHaveLength(2);
  });

  it('records nothing for a household the actor was refused, nor for requests without household data', async () => {
    const trace = traceId();
    const token = await app.token({ ...personas.sanne });
    const refused = await app.gql(HouseholdDocument, { id: toGlobalId('Household', DEMO.households.jansen) }, token, {
      traceparent: `00-${trace}-00f067aa0ba902b7-00`,
    });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    await app.gql(ViewerDocument, {}, token, { traceparent: `00-${trace}-00f067aa0ba902b8-00` });
    expect(await logRows(trace)).toHaveLength(0);
  });

  it('starts a new trace when no (or an invalid) traceparent comes in', async () => {
    const token = await app.token({ ...personas.sanne });
    for (const headers of [{} as Record<string, string>, { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' }, { traceparent: 'garbage' }]) {
      const r = await app.gql(MyHouseholdDocument, {}, token, headers);
      const [, trace] = r.headers.get('traceparent')!.split('-');
      expect(trace).toMatch(/^[0-9a-f]{32}$/);
      expect(trace).not.toBe('00000000000000000000000000000000');
      const rows = await logRows(trace);
      expect(rows).toHaveLength(1);
      expect(rows[0].parent_span_id).toBeNull();
    }
  });

  it('group commit: requests that end together share one INSERT, each with exactly its own rows', async () => {
    // An intermediary with an active machtiging for the Jansen household, so its rows name the machtiging.
    const em = app.em();
    const m = em.create(Machtiging, {
      household: DEMO.households.jansen,
      organisationId: personas.intermediair.org,
      scope: MachtigingScope.INZIEN,
      status: MachtigingOpslagStatus.ACTIEF,
      geldigTot: addMonths(TEST_TODAY, 12),
    } as never);
    await em.flush();
    try {
      const [medewerker, intermediair, sanne] = await Promise.all([
        app.token({ ...personas.medewerker }),
        app.token({ ...personas.intermediair }),
        app.token({ ...personas.sanne }),
      ]);
      const calls = [
        ...Array.from({ length: 8 }, () => ({ who: 'M', token: medewerker, household: DEMO.households.deVries })),
        ...Array.from({ length: 6 }, () => ({ who: 'I', token: intermediair, household: DEMO.households.jansen })),
        ...Array.from({ length: 6 }, () => ({ who: 'S', token: sanne, household: DEMO.households.deVries })),
      ].map((c) => ({ ...c, trace: traceId() }));
      statements.length = 0;
      const results = await Promise.all(
        calls.map((c) =>
          c.who === 'S'
            ? app.gql(MyHouseholdDocument, {}, c.token, { traceparent: `00-${c.trace}-00f067aa0ba902b7-01` })
            : app.gql(HouseholdDocument, { id: toGlobalId('Household', c.household) }, c.token, { traceparent: `00-${c.trace}-00f067aa0ba902b7-01` }),
        ),
      );
      expect(results.map((r) => r.errors)).toEqual(calls.map(() => undefined));

      const inserts = statements.filter((x) => /insert into access_log_entry/i.test(x)).length;
      const rows = await app.em().getConnection().execute<Array<Record<string, string>>>(
        `select trace_id, household_id, actor_role, actor_subject, actor_organisation, on_behalf_of_machtiging_id, xmin::text as tx
           from access_log_entry where trace_id in (?)`,
        [calls.map((c) => c.trace)],
      );
      // Every request has exactly its one row, with its own actor and household.
      expect(rows).toHaveLength(calls.length);
      for (const c of calls) {
        const mine = rows.filter((r) => r.trace_id === c.trace);
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject(
          c.who === 'M'
            ? { household_id: c.household, actor_role: 'MEDEWERKER', actor_subject: 'M12345', on_behalf_of_machtiging_id: null }
            : c.who === 'I'
              ? { household_id: c.household, actor_role: 'INTERMEDIAIR', actor_organisation: personas.intermediair.org, on_behalf_of_machtiging_id: m.id }
              : { household_id: c.household, actor_role: 'BURGER', actor_subject: hmac(DEMO.sanne.bsn), on_behalf_of_machtiging_id: null },
        );
      }
      // ... and the 20 requests' rows were written by fewer INSERTs (transactions) than requests.
      const transactions = new Set(rows.map((r) => r.tx)).size;
      console.info(`20 concurrent requests: ${inserts} access-log INSERTs, ${transactions} transactions`);
      expect(inserts).toBe(transactions);
      expect(transactions).toBeLessThan(calls.length);
    } finally {
      await em.nativeDelete(Machtiging, { id: m.id });
    }
  });

  it('fails closed: when the log cannot be written, no household data is returned', async () => {
    const conn = app.em().getConnection();
    await conn.execute('alter table access_log_entry rename to access_log_entry_away');
    try {
      const r = await app.gql(MyHouseholdDocument, {}, await app.token({ ...personas.sanne }));
      expect(r.status).toBe(500);
      expect(r.data ?? null).toBeNull();
      expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(r)).not.toContain('Vries');
    } finally {
      await conn.execute('alter table access_log_entry_away rename to access_log_entry');
    }
  });
});
