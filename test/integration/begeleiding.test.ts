import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { HouseholdZakenDocument, ReferToPersoonlijkeBegeleidingDocument, ZaakNodeDocument, ZakenDocument } from '../generated/graphql';
import { Household } from '../../src/modules/household/household.entity';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { addDays } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// referToPersoonlijkeBegeleiding: a PERSOONLIJKE_BEGELEIDING zaak, by a citizen, a medewerker, or an
// intermediary acting under an ACTIEF, unexpired HANDELEN machtiging; refusals write nothing.

const ORG = 'KVK:87654321';
const OTHER_ORG = 'KVK:55554444';

let app: TestApp;
let factory: Factory;
beforeAll(async () => {
  app = await startTestApp();
  factory = new Factory(app.em(), 4242);
});
afterAll(() => app.close());

const today = TEST_TODAY;
const traceId = () => randomUUID().replace(/-/g, '');
const traced = (trace: string) => ({ traceparent: `00-${trace}-00f067aa0ba902b7-01` });
const intermediair = (org = ORG) => app.token({ role: 'INTERMEDIAIR', sub: 'SR-001', org, employee: 'SR-001' });
const input = (householdId: string, o: { reason?: string; contactPreference?: 'TELEFOON' | 'EMAIL' | 'POST' | 'VIA_INTERMEDIAIR' } = {}) => ({
  input: { householdId, reason: o.reason ?? 'Meerdere schulden en de brieven zijn niet te volgen.', contactPreference: o.contactPreference ?? 'TELEFOON' },
});

interface Client extends BuiltHousehold {
  id: string;
  token: string;
}
async function client(): Promise<Client> {
  const built = factory.household({ full: true });
  await factory.flush();
  return { ...built, id: toGlobalId('Household', built.household.id), token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }) };
}

async function machtiging(
  householdId: string,
  o: { org?: string; scope?: MachtigingScope; status?: MachtigingOpslagStatus; geldigTot?: string } = {},
): Promise<Machtiging> {
  const em = app.em();
  const m = em.create(Machtiging, {
    household: em.getReference(Household, householdId),
    organisationId: o.org ?? ORG,
    scope: o.scope ?? MachtigingScope.HANDELEN,
    status: o.status ?? MachtigingOpslagStatus.ACTIEF,
    geldigTot: o.geldigTot ?? addDays(today, 365),
  });
  await em.flush();
  return m;
}

const zaakRows = (householdId: string): Promise<Array<Record<string, unknown>>> =>
  app.em().getConnection().execute('select * from zaak where household_id = ? order by created_at', [householdId]);
const logRows = (trace: string): Promise<Array<Record<string, unknown>>> =>
  app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);

describe('an intermediary with an active HANDELEN machtiging', () => {
  it('refers the client: a NIEUW zaak under that machtiging, a write in the access log on its behalf', async () => {
    const c = await client();
    const m = await machtiging(c.household.id);
    // Another organisation's active mandate must not be picked.
    await machtiging(c.household.id, { org: OTHER_ORG });
    const trace = traceId();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { contactPreference: 'VIA_INTERMEDIAIR', reason: '  Hulp nodig bij betalen.  ' }), await intermediair(), traced(trace));
    expect(r.errors).toBeUndefined();
    const p = r.data!.referToPersoonlijkeBegeleiding;
    expect(p.userErrors).toEqual([]);
    expect(p.zaak).toMatchObject({
      soort: 'PERSOONLIJKE_BEGELEIDING',
      status: 'NIEUW',
      reden: 'Hulp nodig bij betalen.',
      contactvoorkeur: 'VIA_INTERMEDIAIR',
      ingediendDoorRol: 'INTERMEDIAIR',
      ingediendDoorOrganisatie: ORG,
      uiterlijkeBeslisdatum: null,
      afgehandeldOp: null,
      uitkomst: null,
      leeftijdInDagen: 0,
    });
    expect(Date.parse(p.zaak!.ingediendOp)).toBeGreaterThan(app.clock.now().getTime() - 60_000);

    const rows = await zaakRows(c.household.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ machtiging_id: m.id, ingediend_door_organisatie: ORG, ingediend_door_rol: 'INTERMEDIAIR', status: 'NIEUW', uiterlijke_beslisdatum: null });
    expect(toGlobalId('Zaak', rows[0].id as string)).toBe(p.zaak!.id);

    const log = await logRows(trace);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      household_id: c.household.id,
      operation_type: 'write',
      operation_name: 'ReferToPersoonlijkeBegeleiding',
      processing_activity_id: 'intermediair-machtiging',
      actor_role: 'INTERMEDIAIR',
      actor_organisation: ORG,
      on_behalf_of_machtiging_id: m.id,
    });
    expect(log[0].resources).toEqual(expect.arrayContaining(['Zaak']));
  });

  it('the zaak is visible to the intermediary, to a medewerker and to the citizen', async () => {
    const c = await client();
    await machtiging(c.household.id);
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await intermediair());
    const zaakId = r.data!.referToPersoonlijkeBegeleiding.zaak!.id;
    for (const token of [await intermediair(), await app.token({ ...personas.medewerker }), c.token, await app.token({ role: 'BURGER', sub: c.members[1].bsn })]) {
      const zaken = await app.gql(HouseholdZakenDocument, { id: c.id }, token);
      expect(zaken.errors).toBeUndefined();
      expect(zaken.data!.household.zaken.map((z) => [z.id, z.status])).toEqual([[zaakId, 'NIEUW']]);
      const node = await app.gql(ZaakNodeDocument, { id: zaakId }, token);
      expect(node.data!.node).toMatchObject({ __typename: 'Zaak', id: zaakId, status: 'NIEUW', ingediendDoorOrganisatie: ORG });
    }
    const list = await app.gql(ZakenDocument, { first: 100, filter: { status: ['NIEUW'] } }, await app.token({ ...personas.medewerker }));
    expect(list.data!.zaken.edges.map((e) => e.node.id)).toContain(zaakId);
  });

  it.each([
    ['a machtiging with scope INZIEN', { scope: MachtigingScope.INZIEN }],
    ['a pending machtiging (AANGEVRAAGD)', { status: MachtigingOpslagStatus.AANGEVRAAGD }],
    ['a revoked machtiging (INGETROKKEN)', { status: MachtigingOpslagStatus.INGETROKKEN }],
    ['an expired machtiging (geldigTot yesterday)', { geldigTot: addDays(today, -1) }],
    ['another organisation’s machtiging', { org: OTHER_ORG }],
  ])('%s is FORBIDDEN and writes nothing', async (_, o) => {
    const c = await client();
    await machtiging(c.household.id, o);
    const trace = traceId();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await intermediair(), traced(trace));
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
    expect(await zaakRows(c.household.id)).toEqual([]);
    expect((await logRows(trace)).filter((l) => l.operation_type === 'write')).toEqual([]);
  });

  it('an expiry date of today still counts (valid through geldigTot)', async () => {
    const c = await client();
    await machtiging(c.household.id, { geldigTot: today });
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await intermediair());
    expect(r.data!.referToPersoonlijkeBegeleiding.userErrors).toEqual([]);
  });
});

describe('citizens and medewerkers', () => {
  it('a citizen refers their own household (aanvrager or toeslagpartner), logged as their own request', async () => {
    const c = await client();
    const trace = traceId();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { contactPreference: 'EMAIL' }), c.token, traced(trace));
    expect(r.data!.referToPersoonlijkeBegeleiding).toMatchObject({ userErrors: [], zaak: { ingediendDoorRol: 'BURGER', ingediendDoorOrganisatie: null, contactvoorkeur: 'EMAIL' } });
    const [row] = await zaakRows(c.household.id);
    expect(row.machtiging_id).toBeNull();
    expect((await logRows(trace))[0]).toMatchObject({ operation_type: 'write', processing_activity_id: 'burger-verzoek', on_behalf_of_machtiging_id: null });

    const other = await client();
    const partner = await app.token({ role: 'BURGER', sub: other.members[1].bsn });
    expect((await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(other.id), partner)).data!.referToPersoonlijkeBegeleiding.userErrors).toEqual([]);
  });

  it('a medewerker refers any household; a household that does not exist is NOT_FOUND for them', async () => {
    const c = await client();
    const medewerker = await app.token({ ...personas.medewerker });
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { contactPreference: 'POST' }), medewerker);
    expect(r.data!.referToPersoonlijkeBegeleiding.zaak).toMatchObject({ ingediendDoorRol: 'MEDEWERKER', ingediendDoorOrganisatie: null });
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(toGlobalId('Household', randomUUID())), medewerker))).toEqual(['NOT_FOUND']);
  });

  it('another household is FORBIDDEN for a citizen (existing or not); gemeente and KOO are FORBIDDEN; no token is UNAUTHENTICATED', async () => {
    const c = await client();
    const other = await client();
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(toGlobalId('Household', randomUUID())), other.token))).toEqual(['FORBIDDEN']);
    for (const claims of [personas.gemeente, personas.koo]) {
      expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await app.token({ ...claims })))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id)))).toEqual(['UNAUTHENTICATED']);
    expect(await zaakRows(c.household.id)).toEqual([]);
  });

  it('malformed or mistyped ids are BAD_USER_INPUT', async () => {
    const c = await client();
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input('nope'), c.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(toGlobalId('Zaak', randomUUID())), c.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('refusals are userErrors and write nothing', () => {
  it.each([
    ['an empty reason', '', 'REDEN_ONGELDIG', ['input', 'reason']],
    ['a reason of only spaces', '   \n ', 'REDEN_ONGELDIG', ['input', 'reason']],
    ['a reason over 2000 characters', 'x'.repeat(2001), 'REDEN_ONGELDIG', ['input', 'reason']],
  ])('%s', async (_, reason, code, field) => {
    const c = await client();
    await machtiging(c.household.id);
    const trace = traceId();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { reason }), await intermediair(), traced(trace));
    expect(r.errors).toBeUndefined();
    expect(r.data!.referToPersoonlijkeBegeleiding).toEqual({ zaak: null, userErrors: [expect.objectContaining({ code, field })] });
    expect(await zaakRows(c.household.id)).toEqual([]);
    // Logged as a read (it looked at the household to decide), never as a write.
    expect((await logRows(trace)).map((l) => l.operation_type)).toEqual(['read']);
  });

  it('a reason of exactly 2000 characters is accepted', async () => {
    const c = await client();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { reason: 'x'.repeat(2000) }), c.token);
    expect(r.data!.referToPersoonlijkeBegeleiding.userErrors).toEqual([]);
  });

  it('VIA_INTERMEDIAIR from a citizen is CONTACTVOORKEUR_ONGELDIG', async () => {
    const c = await client();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { contactPreference: 'VIA_INTERMEDIAIR' }), c.token);
    expect(r.data!.referToPersoonlijkeBegeleiding.userErrors.map((e) => e.code)).toEqual(['CONTACTVOORKEUR_ONGELDIG']);
    expect(await zaakRows(c.household.id)).toEqual([]);
  });

  it('a second referral while one is open is ZAAK_BESTAAT_AL, whoever submitted the first; after it is closed a new one is possible', async () => {
    const c = await client();
    await machtiging(c.household.id);
    expect((await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), c.token)).data!.referToPersoonlijkeBegeleiding.userErrors).toEqual([]);
    const again = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await intermediair());
    expect(again.data!.referToPersoonlijkeBegeleiding).toEqual({ zaak: null, userErrors: [expect.objectContaining({ code: 'ZAAK_BESTAAT_AL', field: null })] });
    expect(await zaakRows(c.household.id)).toHaveLength(1);

    await app.em().getConnection().execute(`update zaak set status = 'IN_BEHANDELING' where household_id = ?`, [c.household.id]);
    expect((await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), c.token)).data!.referToPersoonlijkeBegeleiding.userErrors.map((e) => e.code)).toEqual(['ZAAK_BESTAAT_AL']);

    await app.em().getConnection().execute(`update zaak set status = 'AFGEROND', afgehandeld_op = ? where household_id = ?`, [app.clock.now(), c.household.id]);
    expect((await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), await intermediair())).data!.referToPersoonlijkeBegeleiding.userErrors).toEqual([]);
    expect((await zaakRows(c.household.id)).map((z) => z.status)).toEqual(['AFGEROND', 'NIEUW']);
  });

  it('several problems are reported together', async () => {
    const c = await client();
    const r = await app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id, { reason: '', contactPreference: 'VIA_INTERMEDIAIR' }), c.token);
    expect(r.data!.referToPersoonlijkeBegeleiding.userErrors.map((e) => e.code).sort()).toEqual(['CONTACTVOORKEUR_ONGELDIG', 'REDEN_ONGELDIG']);
  });

  it('concurrent referrals for one household create exactly one zaak', async () => {
    const c = await client();
    await machtiging(c.household.id);
    const tokens = [c.token, await intermediair(), await app.token({ ...personas.medewerker }), c.token, c.token, c.token];
    const results = await Promise.all(tokens.map((t) => app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), t)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const outcomes = results.map((r) => r.data!.referToPersoonlijkeBegeleiding.userErrors.map((e) => e.code).join() || 'OK').sort();
    expect(outcomes).toEqual(['OK', 'ZAAK_BESTAAT_AL', 'ZAAK_BESTAAT_AL', 'ZAAK_BESTAAT_AL', 'ZAAK_BESTAAT_AL', 'ZAAK_BESTAAT_AL']);
    expect(await zaakRows(c.household.id)).toHaveLength(1);
  });

  it('a referral waits for another transaction on the same household and then sees its zaak (no double open zaak)', async () => {
    const c = await client();
    const other = new PgClient({ connectionString: app.orm.config.get('clientUrl') });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from household where id = $1 for update', [c.household.id]);
      await other.query(
        `insert into zaak (id, household_id, soort, status, ingediend_door_rol, reden, contactvoorkeur)
         values ($1, $2, 'PERSOONLIJKE_BEGELEIDING', 'NIEUW', 'MEDEWERKER', 'Via de balie', 'POST')`,
        [randomUUID(), c.household.id],
      );
      const pending = app.gql(ReferToPersoonlijkeBegeleidingDocument, input(c.id), c.token);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('commit');
      const r = await pending;
      expect(r.data!.referToPersoonlijkeBegeleiding.userErrors.map((e) => e.code)).toEqual(['ZAAK_BESTAAT_AL']);
    } finally {
      await other.end();
    }
    expect(await zaakRows(c.household.id)).toHaveLength(1);
  });
});
