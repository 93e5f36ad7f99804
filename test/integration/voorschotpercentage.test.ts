import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { Client } from 'pg';
import { HouseholdDetailsDocument, SetVoorschotpercentageDocument } from '../generated/graphql';
import { demoUuid } from '../../src/db/demo-data';
import { firstOfNextMonth } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// setVoorschotpercentage (instelbaar voorschot): a WIJZIGING beschikking and the new voorschot in one
// transaction; refusals are userErrors that write nothing; reach is decided by the policy (ACT).

let app: TestApp;
let factory: Factory;
beforeAll(async () => {
  app = await startTestApp();
  factory = new Factory(app.em(), 99);
});
afterAll(() => app.close());

/** A fresh household with a running toeslag at 100 % whose voorschot change still falls in its year. */
async function lopend(berekend = '123.00'): Promise<BuiltHousehold & { token: string; toeslagId: string }> {
  const built = factory.household({ full: true });
  Object.assign(built.lopend!, { berekendVoorschotMaandbedrag: new Decimal(berekend), voorschotMaandbedrag: new Decimal(berekend), voorschotPercentage: 100 });
  await factory.flush();
  return { ...built, token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }), toeslagId: toGlobalId('Toeslag', built.lopend!.id) };
}

interface State {
  version: number;
  voorschot_percentage: number;
  voorschot_maandbedrag: string;
  beschikkingen: number;
}
async function state(toeslagDbId: string): Promise<State> {
  const [row] = await app.em().getConnection().execute(
    `select t.version, t.voorschot_percentage, t.voorschot_maandbedrag::text,
            (select count(*)::int from beschikking b where b.toeslag_id = t.id) as beschikkingen
       from toeslag t where t.id = ?`,
    [toeslagDbId],
  );
  return row as State;
}

const traceId = () => randomUUID().replace(/-/g, '');

describe('a citizen sets the voorschotpercentage of their own running toeslag', () => {
  it('creates a WIJZIGING beschikking from next month and updates the toeslag, in one go', async () => {
    const h = await lopend('123.00');
    const before = await state(h.lopend!.id);
    const trace = traceId();
    const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 90 } }, h.token, {
      traceparent: `00-${trace}-00f067aa0ba902b7-01`,
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.setVoorschotpercentage;
    expect(p.userErrors).toEqual([]);
    expect(p.toeslag).toMatchObject({ id: h.toeslagId, voorschotPercentage: 90, voorschotMaandbedrag: '110.70', berekendVoorschotMaandbedrag: '123.00' });
    const today = TEST_TODAY;
    expect(p.beschikking).toMatchObject({
      soort: 'WIJZIGING',
      dagtekening: today,
      ingangsdatum: firstOfNextMonth(today),
      jaarbedrag: '1476.00',
      voorschotMaandbedrag: '110.70',
      voorschotPercentage: 90,
      toeslag: { id: h.toeslagId },
    });
    expect(p.beschikking!.nummer).toMatch(new RegExp(`^WZ-${h.lopend!.berekeningsjaar}-${h.household.gemeentecode}-[0-9A-F]{10}$`));
    expect(p.beschikking!.reden).toContain('van 100% naar 90%');

    // Stored: the toeslag moved one version on, one beschikking more.
    expect(await state(h.lopend!.id)).toEqual({ version: before.version + 1, voorschot_percentage: 90, voorschot_maandbedrag: '110.70', beschikkingen: before.beschikkingen + 1 });
    // And the new beschikking is the last of the toeslag's beschikkingen.
    const details = await app.gql(HouseholdDetailsDocument, { id: toGlobalId('Household', h.household.id) }, h.token);
    const toeslag = details.data!.household.toeslagen.nodes.find((t) => t.id === h.toeslagId)!;
    expect(toeslag.beschikkingen.at(-1)!.id).toBe(p.beschikking!.id);

    // The access log records a write for this household under the citizen's own-request activity.
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ household_id: h.household.id, operation_type: 'write', processing_activity_id: 'burger-verzoek', actor_role: 'BURGER', operation_name: 'SetVoorschotpercentage' });
    expect([...(rows[0].resources as string[])].sort()).toEqual(expect.arrayContaining(['Beschikking', 'Toeslag']));
  });

  it('rounds the new voorschot down to the cent, and accepts 0 %', async () => {
    const h = await lopend('99.99');
    const r33 = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 33 } }, h.token);
    expect(r33.data!.setVoorschotpercentage.toeslag!.voorschotMaandbedrag).toBe('32.99');
    const r0 = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 0 } }, h.token);
    expect(r0.data!.setVoorschotpercentage).toMatchObject({ userErrors: [], toeslag: { voorschotPercentage: 0, voorschotMaandbedrag: '0.00' } });
  });

  it('lets the toeslagpartner do it too', async () => {
    const h = await lopend();
    const partner = await app.token({ role: 'BURGER', sub: h.members[1].bsn });
    const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 75 } }, partner);
    expect(r.data!.setVoorschotpercentage.userErrors).toEqual([]);
  });
});

describe('refusals are userErrors and write nothing', () => {
  it.each([
    ['an invalid percentage', 101, 'PERCENTAGE_ONGELDIG', ['input', 'percentage']],
    ['a negative percentage', -5, 'PERCENTAGE_ONGELDIG', ['input', 'percentage']],
    ['the current percentage', 100, 'ONGEWIJZIGD', ['input', 'percentage']],
  ])('%s', async (_, percentage, code, field) => {
    const h = await lopend();
    const before = await state(h.lopend!.id);
    const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage } }, h.token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.setVoorschotpercentage).toMatchObject({ beschikking: null, userErrors: [{ code, field }] });
    expect(r.data!.setVoorschotpercentage.toeslag).toMatchObject({ voorschotPercentage: 100 });
    expect(await state(h.lopend!.id)).toEqual(before);
  });

  it('a refusal is in the access log as a read under the citizen’s own-request activity, not as a write', async () => {
    const h = await lopend();
    const trace = traceId();
    await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 100 } }, h.token, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ household_id: h.household.id, operation_type: 'read', processing_activity_id: 'burger-verzoek' });
  });

  it('a toeslag that is not running (definitief toegekend) is TOESLAG_NIET_LOPEND', async () => {
    const h = await lopend();
    const definitief = h.toeslagen.find((t) => t.status === 'DEFINITIEF_TOEGEKEND')!;
    const before = await state(definitief.id);
    const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', definitief.id), percentage: 80 } }, h.token);
    expect(r.data!.setVoorschotpercentage.userErrors.map((e) => e.code)).toEqual(['TOESLAG_NIET_LOPEND']);
    expect(await state(definitief.id)).toEqual(before);
  });

  it('a concurrent change of the same toeslag (optimistic version) is GELIJKTIJDIG_GEWIJZIGD, nothing saved', async () => {
    const h = await lopend();
    const other = new Client({ connectionString: app.orm.config.get('clientUrl') });
    await other.connect();
    try {
      // Another transaction changes the toeslag and holds its row until we let go.
      await other.query('begin');
      await other.query('update toeslag set version = version + 1, voorschot_percentage = 50 where id = $1', [h.lopend!.id]);
      const pending = app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 80 } }, h.token);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await other.query('commit');
      const r = await pending;
      expect(r.errors).toBeUndefined();
      expect(r.data!.setVoorschotpercentage).toMatchObject({ toeslag: null, beschikking: null, userErrors: [{ code: 'GELIJKTIJDIG_GEWIJZIGD' }] });
    } finally {
      await other.end();
    }
    const after = await state(h.lopend!.id);
    expect(after.voorschot_percentage).toBe(50); // the other transaction's change, not ours
    expect(after.beschikkingen).toBe(h.beschikkingen.filter((b) => b.toeslag.id === h.lopend!.id).length);
  });
});

describe('reach', () => {
  it('a medewerker can set it for any household (logged as case handling)', async () => {
    const h = await lopend();
    const trace = traceId();
    const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 60 } }, await app.token({ ...personas.medewerker }), {
      traceparent: `00-${trace}-00f067aa0ba902b7-01`,
    });
    expect(r.data!.setVoorschotpercentage.userErrors).toEqual([]);
    const rows: Array<Record<string, unknown>> = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows[0]).toMatchObject({ operation_type: 'write', processing_activity_id: 'medewerker-zaakbehandeling', actor_role: 'MEDEWERKER' });
  });

  it('another household’s toeslag is FORBIDDEN for a citizen (existing or not) and changes nothing', async () => {
    const h = await lopend();
    const before = await state(h.lopend!.id);
    for (const claims of [personas.sanne, personas.jan, personas.stranger]) {
      const r = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: h.toeslagId, percentage: 50 } }, await app.token({ ...claims }));
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
    const missing = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', randomUUID()), percentage: 50 } }, await app.token({ ...personas.sanne }));
    expect(codes(missing)).toEqual(['FORBIDDEN']);
    expect(await state(h.lopend!.id)).toEqual(before);
  });

  it('a missing toeslag is NOT_FOUND for a medewerker; malformed or mistyped ids are BAD_USER_INPUT', async () => {
    const medewerker = await app.token({ ...personas.medewerker });
    expect(codes(await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', randomUUID()), percentage: 50 } }, medewerker))).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: 'nope', percentage: 50 } }, medewerker))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Schuld', demoUuid(400)), percentage: 50 } }, medewerker))).toEqual(['BAD_USER_INPUT']);
  });

  it('intermediair (no machtiging yet), gemeente and KOO are FORBIDDEN; no token is UNAUTHENTICATED', async () => {
    const toeslagId = toGlobalId('Toeslag', demoUuid(304));
    for (const claims of [personas.intermediair, personas.gemeente, personas.koo]) {
      expect(codes(await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId, percentage: 50 } }, await app.token({ ...claims })))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId, percentage: 50 } }))).toEqual(['UNAUTHENTICATED']);
    const [row] = await app.em().getConnection().execute('select voorschot_percentage from toeslag where id = ?', [demoUuid(304)]);
    expect(row.voorschot_percentage).toBe(100);
  });
});
