import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { DeliverKinderopvangDocument, GrantMachtigingDocument, SetVoorschotpercentageDocument, type KinderopvangRecordInput } from '../generated/graphql';
import { DEMO } from '../../src/db/demo-data';
import { importBetalingen } from '../../src/modules/betaling/betaling.service';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { toGlobalId } from '../../src/shared/global-id';
import { TEST_TODAY } from '../support/clock';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { Factory, nextBsn, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// A change and its access-log rows commit together: when the log cannot be written, nothing of the
// change stays and the client gets an error. Shown for mutations of three modules (toeslag,
// machtiging, betaling), a KOO delivery commit and a SYSTEEM step (the bank-statement import).

const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);
let app: TestApp;
let factory: Factory;
let medewerker: string;

beforeAll(async () => {
  app = await startTestApp();
  factory = new Factory(app.em(), 16);
  medewerker = await app.token({ ...personas.medewerker });
});
afterAll(() => app.close());

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(text, params);
const count = async (text: string, params: unknown[] = []) => Number((await sql<{ n: string }>(text, params))[0].n);

/** Runs `work` while every INSERT into access_log_entry raises (a test-only trigger). */
async function withUnwritableLog<T>(work: () => Promise<T>): Promise<T> {
  await sql(`create or replace function access_log_refuse() returns trigger language plpgsql as $$
    begin raise exception 'injected access-log failure'; end $$`);
  await sql(`create trigger access_log_refuse before insert on access_log_entry for each row execute function access_log_refuse()`);
  try {
    return await work();
  } finally {
    await sql('drop trigger access_log_refuse on access_log_entry');
    await sql('drop function access_log_refuse()');
  }
}

async function household(): Promise<BuiltHousehold & { token: string }> {
  const built = factory.household({ full: true });
  Object.assign(built.lopend!, { berekendVoorschotMaandbedrag: new Decimal('123.00'), voorschotMaandbedrag: new Decimal('123.00'), voorschotPercentage: 100 });
  await factory.flush();
  return { ...built, token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }) };
}

const logRows = (householdId: string) => count(`select count(*) as n from access_log_entry where household_id = ?`, [householdId]);

describe('a mutation whose access-log rows cannot be written changes nothing', () => {
  it('setVoorschotpercentage (toeslag): no new percentage, no beschikking, an error for the client', async () => {
    const h = await household();
    const beschikkingen = () => count(`select count(*) as n from beschikking where toeslag_id = ?`, [h.lopend!.id]);
    const before = await beschikkingen();
    const r = await withUnwritableLog(() =>
      app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', h.lopend!.id), percentage: 80 } }, h.token),
    );
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.data?.setVoorschotpercentage ?? null).toBeNull();
    const [t] = await sql<{ voorschot_percentage: number }>(`select voorschot_percentage from toeslag where id = ?`, [h.lopend!.id]);
    expect(t.voorschot_percentage).toBe(100);
    expect(await beschikkingen()).toBe(before);
    expect(await logRows(h.household.id)).toBe(0);

    // The same request with a writable log: changed, and logged as a write in the same transaction.
    const ok = await app.gql(SetVoorschotpercentageDocument, { input: { toeslagId: toGlobalId('Toeslag', h.lopend!.id), percentage: 80 } }, h.token);
    expect(ok.data!.setVoorschotpercentage.userErrors).toEqual([]);
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and operation_type = 'write'`, [h.household.id])).toBe(1);
  });

  it('grantMachtiging (machtiging): no machtiging is stored', async () => {
    const h = await household();
    const machtigingen = () => count(`select count(*) as n from machtiging where household_id = ?`, [h.household.id]);
    const before = await machtigingen();
    const r = await withUnwritableLog(() =>
      app.gql(GrantMachtigingDocument, { input: { organisationId: 'KVK:11223344', scope: 'INZIEN', geldigTot: `${Number(TEST_TODAY.slice(0, 4)) + 1}-06-30` } }, h.token),
    );
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(await machtigingen()).toBe(before);
    expect(await logRows(h.household.id)).toBe(0);
  });

  it('registerBetaling (betaling, a medewerker): no payment, the schuld unchanged', async () => {
    const h = await household();
    const schuld = h.schulden.find((s) => new Decimal(s.openstaandBedrag).gt(1))!;
    const state = async () => (await sql(`select openstaand_bedrag::text, version from schuld where id = ?`, [schuld.id]))[0];
    const before = await state();
    const REGISTER = `mutation($input: RegisterBetalingInput!) { registerBetaling(input: $input) { betaling { bedrag } userErrors { code } } }`;
    const input = { schuldId: toGlobalId('Schuld', schuld.id), bedrag: '1.00', datum: TEST_TODAY, bankReferentie: `TX-${randomUUID().slice(0, 12)}` };
    const r = await withUnwritableLog(() => app.gql(REGISTER, { input }, medewerker));
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(await count(`select count(*) as n from betaling where household_id = ?`, [h.household.id])).toBe(0);
    expect(await state()).toEqual(before);
    expect(await logRows(h.household.id)).toBe(0);
  });
});

describe('the KOO and SYSTEEM commit paths keep the same promise', () => {
  it('a KOO delivery is not stored when its access log cannot be written', async () => {
    const koo = await app.token({ ...personas.koo });
    const h = await household();
    const k = `tx-test-${randomUUID()}`;
    const record: KinderopvangRecordInput = {
      periode: TEST_TODAY.slice(0, 7),
      lrkNummer: DEMO.koo.lrk,
      soortOpvang: 'DAGOPVANG' as KinderopvangRecordInput['soortOpvang'],
      kindBsn: nextBsn(),
      kindNaam: 'Kind Test',
      kindGeboortedatum: '2022-05-01',
      ouderBsn: h.aanvrager.bsn,
      partnerBsn: null,
      uren: '100.00',
      uurprijs: '10.00',
      factuurbedrag: '1000.00',
      contracteinddatum: null,
    };
    const r = await withUnwritableLog(() => app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: k, periode: record.periode, records: [record] } }, koo));
    const failed = r.errors?.length ? null : r.data!.deliverKinderopvangGegevens;
    // Refused as a failed processing (or an error): either way nothing is stored.
    if (failed) expect(failed.userErrors.map((e: { code: string }) => e.code)).toEqual(['VERWERKING_MISLUKT']);
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(0);
    expect(await logRows(h.household.id)).toBe(0);
  });

  it('a bank-statement line (SYSTEEM) is not booked when its access log cannot be written', async () => {
    const h = await household();
    const schuld = h.schulden.find((s) => new Decimal(s.openstaandBedrag).gt(1))!;
    const node = await app.gql<{ node: { betalingskenmerk: string } }, { id: string }>(
      `query($id: ID!) { node(id: $id) { ... on Schuld { betalingskenmerk } } }`,
      { id: toGlobalId('Schuld', schuld.id) },
      medewerker,
    );
    const kenmerk = node.data!.node.betalingskenmerk.replace(/ /g, '');
    const tekst = ['bankreferentie;datum;bedrag;betalingskenmerk', `SYS-${randomUUID().slice(0, 12)};${TEST_TODAY};1.00;${kenmerk}`].join('\n');
    const before = (await sql(`select openstaand_bedrag::text from schuld where id = ?`, [schuld.id]))[0];
    const outcome = await withUnwritableLog(() => importBetalingen(app.em(), { tekst, pseudonymise, clock: app.clock }).then((x) => x, (e: unknown) => e));
    if (!(outcome instanceof Error)) expect((outcome as { geboekt: number }).geboekt).toBe(0);
    expect(await count(`select count(*) as n from betaling where household_id = ?`, [h.household.id])).toBe(0);
    expect((await sql(`select openstaand_bedrag::text from schuld where id = ?`, [schuld.id]))[0]).toEqual(before);
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM'`, [h.household.id])).toBe(0);
  });
});
