import { TEST_TODAY, runOn } from '../support/clock';
import Decimal from 'decimal.js';
import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { Household } from '../../src/modules/household/household.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { MemberRol } from '../../src/modules/household/household.enums';
import { Person } from '../../src/modules/household/person.entity';
import { KooConvenanttegoed } from '../../src/modules/kinderopvang/convenant.entity';
import { ConvenanttegoedStatus, OvereenkomstStatus } from '../../src/modules/kinderopvang/kinderopvang.enums';
import { KooLocatie, KooOrganisatie } from '../../src/modules/kinderopvang/koo.entity';
import { KooOpgave } from '../../src/modules/kinderopvang/mutatie.entity';
import { commitLogBatch } from '../../src/modules/kinderopvang/levering.service';
import { runKinderopvang } from '../../src/modules/kinderopvang/mutatie.service';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { DEMO, demoUuid } from '../../src/db/demo-data';
import { addDays, daysBetween, firstOfNextMonth, yearOf } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { getSchema } from '../../src/server/schema';
import {
  AppendBulkChunkDocument,
  BlockMutatievoorstelDocument,
  CommitBulkLeveringDocument,
  ConvenantBetalingenDocument,
  ConvenanttegoedenDocument,
  CreateBulkLeveringDocument,
  DeliverKinderopvangDocument,
  HouseholdMutatievoorstellenDocument,
  KooLeveringenDocument,
  KooOrganisatieDocument,
  LeveringDetailDocument,
  PayConvenanttegoedToParentDocument,
  ReportConvenanttegoedPaidDocument,
  SetBetalingAanKooDocument,
  TransferConvenanttegoedDocument,
  type KinderopvangRecordInput,
} from '../generated/graphql';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { nextBsn } from '../support/factories';
import { personas } from '../support/tokens';

const today = TEST_TODAY;
const periode = today.slice(0, 7);
// The running toeslag a proposal made today can lower: the one paying the voorschot of the month after
// its 3-week block window (kinderopvang.rules mutatieJaar); in December that is next year's.
const jaar = yearOf(firstOfNextMonth(addDays(today, 22)));
const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);
const KOO_B = { role: 'KOO', sub: 'KVK:55554444', org: 'KVK:55554444', lrk: ['555555555'] };
const LRK_A = DEMO.koo.lrk;
const LRK_B = '555555555';

let app: TestApp;
let kooA: string;
let kooB: string;
let medewerker: string;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  const b = em.create(KooOrganisatie, { organisationId: KOO_B.org, naam: 'Gastouderbureau Zon', overeenkomstStatus: OvereenkomstStatus.GEEN });
  em.create(KooLocatie, { organisatie: b, lrkNummer: LRK_B, naam: 'Zon' });
  await em.flush();
  kooA = await app.token({ ...personas.koo });
  kooB = await app.token(KOO_B);
  medewerker = await app.token({ ...personas.medewerker });
});
afterAll(() => app.close());

interface Gezin {
  household: Household;
  ouder: Person;
  kind: Person;
  toeslag: Toeslag;
  opgave: KooOpgave;
  token: string;
}

/** A household with a running kinderopvangtoeslag for one child (declared 100 h × €10.00 at 90 %: €900 a month). */
async function gezin(o: { uren?: string; uurprijs?: string } = {}): Promise<Gezin> {
  const em = app.em();
  const household = em.create(Household, {
    gemeentecode: '0193',
    adres: { straat: 'Kinderdijk', huisnummer: 1, huisnummertoevoeging: null, postcode: '8000AA', woonplaats: 'Zwolle' },
  });
  const ouder = em.create(Person, { bsn: nextBsn(), voornamen: 'Ouder', achternaam: 'Test' });
  const kind = em.create(Person, { bsn: nextBsn(), voornamen: 'Kind', achternaam: 'Test', geboortedatum: '2022-05-01' });
  em.create(HouseholdMember, { household, person: ouder, rol: MemberRol.AANVRAGER, vanaf: '2015-01-01' });
  em.create(HouseholdMember, { household, person: kind, rol: MemberRol.KIND, vanaf: '2022-05-01' });
  const toeslag = em.create(Toeslag, {
    household,
    soort: ToeslagSoort.KINDEROPVANGTOESLAG,
    berekeningsjaar: jaar,
    status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
    berekendVoorschotMaandbedrag: new Decimal('900.00'),
    voorschotMaandbedrag: new Decimal('900.00'),
  });
  const opgave = em.create(KooOpgave, {
    household,
    toeslag,
    kindBsn: kind.bsn,
    kindNaam: 'Kind Test',
    soortOpvang: 'DAGOPVANG' as never,
    lrkNummer: LRK_A,
    urenPerMaand: new Decimal(o.uren ?? '100'),
    uurprijs: new Decimal(o.uurprijs ?? '10.00'),
    vergoedingspercentage: new Decimal('90'),
  });
  await em.flush();
  return { household, ouder, kind, toeslag, opgave, token: await app.token({ role: 'BURGER', sub: ouder.bsn }) };
}

const rec = (o: Partial<KinderopvangRecordInput> = {}): KinderopvangRecordInput => ({
  periode,
  lrkNummer: LRK_A,
  soortOpvang: 'DAGOPVANG',
  kindBsn: nextBsn(),
  kindNaam: 'Kind Test',
  kindGeboortedatum: '2022-05-01',
  ouderBsn: nextBsn(),
  partnerBsn: null,
  uren: '100.00',
  uurprijs: '10.00',
  factuurbedrag: '1000.00',
  contracteinddatum: null,
  ...o,
});

let keySeq = 0;
const key = () => `test-${process.pid}-${++keySeq}`;
const count = async (sql: string, params: unknown[] = []) => Number((await app.em().getConnection().execute(sql, params))[0].n);

describe('monthly delivery by mutation', () => {
  it('stores a valid delivery, matches parents to households and logs the households as KOO writes', async () => {
    const g = await gezin();
    const k = key();
    const r = await app.gql(
      DeliverKinderopvangDocument,
      { input: { idempotencyKey: k, periode, records: [rec({ ouderBsn: g.ouder.bsn, kindBsn: g.kind.bsn }), rec(), rec({ kindBsn: null, uurprijs: '12.00' })] } },
      kooA,
    );
    expect(r.errors).toBeUndefined();
    const l = r.data!.deliverKinderopvangGegevens.levering!;
    expect(r.data!.deliverKinderopvangGegevens.userErrors).toEqual([]);
    expect(l).toMatchObject({ status: 'VERWERKT', aantalRecords: 3, aantalGekoppeld: 1, aantalBovenMaxUurprijs: 1, versie: expect.any(Number) });
    const detail = await app.gql(LeveringDetailDocument, { id: l.id, first: 10 }, kooA);
    const records = (detail.data!.node as { records: { nodes: Array<{ index: number; ouderBsn: string; ouderReferentie: string | null; uurprijsBovenMaximum: boolean }> } }).records.nodes;
    expect(records.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(records[0]).toMatchObject({ ouderBsn: g.ouder.bsn, ouderReferentie: expect.stringMatching(/^[0-9A-F]{20}$/) });
    expect(records[1].ouderReferentie).toBeNull();
    expect(records[2].uurprijsBovenMaximum).toBe(true);
    const log: Array<Record<string, string>> = await app.em().getConnection().execute(
      `select processing_activity_id, operation_type, actor_role, actor_organisation from access_log_entry where household_id = ? order by id`,
      [g.household.id],
    );
    expect(log[0]).toMatchObject({ processing_activity_id: 'kinderopvang-gegevenslevering', operation_type: 'write', actor_role: 'KOO', actor_organisation: DEMO.koo.org });
    // Reading its own records back is a logged read as well.
    expect(log.some((e) => e.operation_type === 'read')).toBe(true);
  });

  it('replaying a delivery 10 times stores it once; the same key with other content is refused', async () => {
    const k = key();
    const input = { idempotencyKey: k, periode, records: [rec(), rec()] };
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const r = await app.gql(DeliverKinderopvangDocument, { input }, kooA);
      expect(r.data!.deliverKinderopvangGegevens.userErrors).toEqual([]);
      ids.add(r.data!.deliverKinderopvangGegevens.levering!.id);
    }
    expect(ids.size).toBe(1);
    expect(await count(`select count(*) as n from koo_levering where idempotency_key = ?`, [k])).toBe(1);
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(2);
    // Concurrent replays of a new key: one delivery, the others answered as replays.
    const k2 = key();
    const concurrent = await Promise.all([1, 2, 3].map(() => app.gql(DeliverKinderopvangDocument, { input: { ...input, idempotencyKey: k2 } }, kooA)));
    expect(new Set(concurrent.map((r) => r.data!.deliverKinderopvangGegevens.levering!.id)).size).toBe(1);
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k2])).toBe(2);
    const other = await app.gql(DeliverKinderopvangDocument, { input: { ...input, records: [rec()] } }, kooA);
    expect(other.data!.deliverKinderopvangGegevens.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_HERGEBRUIKT']);
  });

  it('is atomic: one invalid record refuses the whole delivery, with every error by index, and stores nothing', async () => {
    const k = key();
    const r = await app.gql(
      DeliverKinderopvangDocument,
      { input: { idempotencyKey: k, periode, records: [rec(), rec({ ouderBsn: '123456788' }), rec({ uren: '-2.00', lrkNummer: LRK_B })] } },
      kooA,
    );
    const p = r.data!.deliverKinderopvangGegevens;
    expect(p.levering).toBeNull();
    expect(p.userErrors.map((e) => e.code)).toEqual(['LEVERING_AFGEWEZEN']);
    expect(p.recordFouten).toEqual([
      { index: 1, code: 'BSN_ONGELDIG', veld: 'ouderBsn' },
      { index: 2, code: 'LRK_NIET_VAN_KOO', veld: 'lrkNummer' },
      { index: 2, code: 'NEGATIEF_BEDRAG', veld: 'uren' },
    ]);
    expect(await count(`select count(*) as n from koo_levering where idempotency_key = ?`, [k])).toBe(0);
  });

  it('a redelivery for the same period supersedes the earlier one; both stay visible as versions', async () => {
    const first = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec()] } }, kooA);
    const second = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec(), rec()] } }, kooA);
    const a = first.data!.deliverKinderopvangGegevens.levering!;
    const b = second.data!.deliverKinderopvangGegevens.levering!;
    expect(b.versie).toBe(a.versie! + 1);
    const list = await app.gql(KooLeveringenDocument, { first: 100, periode }, kooA);
    const byId = new Map(list.data!.kinderopvangLeveringen.nodes.map((n) => [n.id, n]));
    expect(byId.get(a.id)).toMatchObject({ status: 'VERVANGEN', vervangenDoor: b.id });
    expect(byId.get(b.id)).toMatchObject({ status: 'VERWERKT', vervangenDoor: null });
    expect(list.data!.kinderopvangLeveringen.nodes.filter((n) => n.status === 'VERWERKT')).toHaveLength(1);
  });

  it('refuses a period before the first maximum uurprijs as NORM_ONBEKEND, never an internal error; stores nothing', async () => {
    const k = key();
    const r = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: k, periode: '2024-06', records: [rec({ periode: '2024-06' })] } }, kooA);
    expect(r.errors).toBeUndefined();
    const p = r.data!.deliverKinderopvangGegevens;
    expect(p.levering).toBeNull();
    expect(p.userErrors).toEqual([{ code: 'NORM_ONBEKEND', field: ['input', 'periode'], message: expect.stringContaining('1 januari 2025') }]);
    expect(await count(`select count(*) as n from koo_levering where idempotency_key = ?`, [k])).toBe(0);

    const bulk = await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: key(), periode: '2024-12' } }, kooA);
    expect(bulk.errors).toBeUndefined();
    expect(bulk.data!.createBulkKinderopvangLevering.userErrors.map((e) => [e.code, e.field])).toEqual([['NORM_ONBEKEND', ['input', 'periode']]]);
  });

  it('refuses a period that has not started', async () => {
    const r = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode: `${jaar + 1}-12`, records: [rec()] } }, kooA);
    expect(r.data!.deliverKinderopvangGegevens.userErrors.map((e) => e.code)).toEqual(['PERIODE_ONGELDIG']);
  });
});

describe('KOO A and KOO B', () => {
  it('KOO A cannot deliver for KOO B’s LRK numbers, nor read, extend or commit KOO B’s deliveries', async () => {
    const forB = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec({ lrkNummer: LRK_B })] } }, kooA);
    expect(forB.data!.deliverKinderopvangGegevens.recordFouten.map((f) => f.code)).toEqual(['LRK_NIET_VAN_KOO']);

    const own = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec({ lrkNummer: LRK_B })] } }, kooB);
    const bId = own.data!.deliverKinderopvangGegevens.levering!.id;
    expect(codes(await app.gql(LeveringDetailDocument, { id: bId }, kooA))).toEqual(['FORBIDDEN']);
    expect((await app.gql(KooLeveringenDocument, { first: 100 }, kooA)).data!.kinderopvangLeveringen.nodes.map((n) => n.id)).not.toContain(bId);
    expect((await app.gql(KooLeveringenDocument, { first: 100 }, kooB)).data!.kinderopvangLeveringen.nodes.map((n) => n.id)).toEqual([bId]);

    const bulkB = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: key(), periode } }, kooB)).data!.createBulkKinderopvangLevering.levering!.id;
    expect(codes(await app.gql(AppendBulkChunkDocument, { input: { leveringId: bulkB, volgnummer: 1, records: [rec()] } }, kooA))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(CommitBulkLeveringDocument, { input: { leveringId: bulkB } }, kooA))).toEqual(['FORBIDDEN']);
    // An id that does not exist is FORBIDDEN too (nothing leaks), and a medewerker gets NOT_FOUND.
    const missing = toGlobalId('KinderopvangLevering', demoUuid(999_999));
    expect(codes(await app.gql(LeveringDetailDocument, { id: missing }, kooA))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(LeveringDetailDocument, { id: missing }, medewerker))).toEqual(['NOT_FOUND']);
    // Citizens reach no delivery.
    expect(codes(await app.gql(LeveringDetailDocument, { id: bId }, await app.token({ ...personas.sanne })))).toEqual(['FORBIDDEN']);
  });

  it('a KOO reaches no household, schuld or toeslag: not by id, not through node, not in lists', async () => {
    const household = toGlobalId('Household', DEMO.households.deVries);
    for (const [q, v] of [
      ['query($id: ID!) { household(id: $id) { id } }', { id: household }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: household }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Schuld', demoUuid(401)) }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Toeslag', demoUuid(301)) }],
      ['{ households(first: 5) { nodes { id } } }', {}],
      ['{ myHousehold { id } }', {}],
    ] as const) {
      expect(codes(await app.gql(q, v, kooA))).toEqual(['FORBIDDEN']);
    }
  });

  it('no Household, Schuld, Toeslag or other household type is reachable from the KOO’s root fields (schema walk)', async () => {
    const schema = await getSchema();
    const kooRoots = {
      query: ['kinderopvangOrganisatie', 'kinderopvangLeveringen', 'convenantBetalingen', 'convenanttegoeden'],
      mutation: [
        'deliverKinderopvangGegevens',
        'createBulkKinderopvangLevering',
        'appendBulkKinderopvangChunk',
        'commitBulkKinderopvangLevering',
        'reportConvenanttegoedPaid',
        'transferConvenanttegoed',
      ],
    };
    const seen = new Set<string>();
    const visit = (t: GraphQLNamedType) => {
      if (seen.has(t.name)) return;
      seen.add(t.name);
      if (isObjectType(t) || isInterfaceType(t)) for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
      if (isUnionType(t)) t.getTypes().forEach(visit);
      if (isInterfaceType(t)) schema.getImplementations(t).objects.forEach(visit);
    };
    for (const name of kooRoots.query) visit(getNamedType(schema.getQueryType()!.getFields()[name].type));
    for (const name of kooRoots.mutation) visit(getNamedType(schema.getMutationType()!.getFields()[name].type));
    // The KOO root fields are exactly those a KOO may call (besides viewer and node, which are generic).
    expect(seen.has('KinderopvangLevering')).toBe(true);
    for (const forbiddenType of ['Household', 'HouseholdMember', 'Person', 'Schuld', 'Toeslag', 'Beschikking', 'Betalingsregeling', 'Machtiging', 'Zaak', 'Mutatievoorstel', 'SchuldenOverzicht', 'Node']) {
      expect([forbiddenType, seen.has(forbiddenType)]).toEqual([forbiddenType, false]);
    }
  });
});

describe('large deliveries (staged chunks, one commit)', () => {
  const chunk = (n: number, o: Partial<KinderopvangRecordInput> = {}) => Array.from({ length: n }, () => rec(o));

  it('stages chunks idempotently per volgnummer, shows progress and commits once', async () => {
    const k = key();
    const created = await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA);
    const id = created.data!.createBulkKinderopvangLevering.levering!.id;
    expect((await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id).toBe(id);
    const c1 = chunk(3);
    const c2 = chunk(2);
    for (const [volgnummer, records] of [[1, c1], [2, c2], [2, c2], [1, c1]] as const) {
      const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer, records: [...records] } }, kooA);
      expect(r.data!.appendBulkKinderopvangChunk.userErrors).toEqual([]);
    }
    const other = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 2, records: chunk(2) } }, kooA);
    expect(other.data!.appendBulkKinderopvangChunk.userErrors.map((e) => e.code)).toEqual(['CHUNK_HERGEBRUIKT']);
    const progress = await app.gql(LeveringDetailDocument, { id }, kooA);
    expect(progress.data!.node).toMatchObject({ status: 'ONTVANGEN', aantalRecords: 5, aantalChunks: 2, aantalFouten: 0 });

    const commit = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA);
    expect(commit.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [], levering: { status: 'VERWERKT', aantalRecords: 5 } });
    const again = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA);
    expect(again.data!.commitBulkKinderopvangLevering.levering!.status).toBe('VERWERKT');
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(5);
    expect(await count(`select count(*) as n from koo_staging_record s join koo_levering l on l.id = s.levering_id where l.idempotency_key = ?`, [k])).toBe(0);
    const late = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 3, records: chunk(1) } }, kooA);
    expect(late.data!.appendBulkKinderopvangChunk.userErrors.map((e) => e.code)).toEqual(['LEVERING_AFGESLOTEN']);
  });

  it('stores every value as sent: names with a tab, backslash, newline or quote, amounts with 2 decimals', async () => {
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    const namen = ['Tab\there', 'Back\\slash \\N', 'Nieuwe\nregel\r', '  "Quote" \'s  ', 'Émile ß 😀', '\\.'];
    const records = namen.map((kindNaam, i) => rec({ kindNaam, kindBsn: i === 0 ? null : nextBsn(), uren: ['007.5', '0', '12', '99999.99', '1.05', '0.5'][i], uurprijs: ['11.9', '0', '12.00', '0.01', '1234.5', '11.24'][i] }));
    const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, records } }, kooA);
    expect(r.data!.appendBulkKinderopvangChunk.userErrors).toEqual([]);
    expect((await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA)).data!.commitBulkKinderopvangLevering.userErrors).toEqual([]);
    const rows = await app.em().getConnection().execute<Array<{ kind_naam: string; kind_bsn: string | null; uren: string; uurprijs: string; boven_max_uurprijs: boolean }>>(
      `select r.kind_naam, r.kind_bsn, r.uren::text, r.uurprijs::text, r.boven_max_uurprijs from koo_record r join koo_levering l on l.id = r.levering_id
        where l.idempotency_key = ? order by r.idx`,
      [k],
    );
    expect(rows.map((x) => x.kind_naam)).toEqual(namen.map((n) => n.trim()));
    expect(rows.map((x) => x.kind_bsn)).toEqual(records.map((x) => x.kindBsn ?? null));
    expect(rows.map((x) => x.uren)).toEqual(['7.50', '0.00', '12.00', '99999.99', '1.05', '0.50']);
    expect(rows.map((x) => x.uurprijs)).toEqual(['11.90', '0.00', '12.00', '0.01', '1234.50', '11.24']);
    expect(rows.map((x) => x.boven_max_uurprijs)).toEqual([true, false, true, false, true, true]);
  });

  it('takes a chunk as NDJSON: stored with the same values, and the same records in either form are the same chunk', async () => {
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    const namen = ['Tab\there', 'Back\\slash \\N', 'Nieuwe\nregel\r', '  "Quote" \'s  ', 'Émile ß 😀'];
    const records = namen.map((kindNaam, i) => rec({ kindNaam, kindBsn: i === 0 ? null : nextBsn(), uurprijs: ['11.9', '0', '12.00', '0.01', '1234.5'][i] }));
    // CRLF line ends and a final newline, as a file written on Windows would have.
    const ndjson = records.map((r) => JSON.stringify(r)).join('\r\n') + '\r\n';
    const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, recordsNdjson: ndjson } }, kooA);
    expect(r.data!.appendBulkKinderopvangChunk).toMatchObject({ userErrors: [], chunk: { volgnummer: 1, aantalRecords: 5, aantalFouten: 0 } });
    const typed = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, records } }, kooA);
    expect(typed.data!.appendBulkKinderopvangChunk.userErrors).toEqual([]);
    const other = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, recordsNdjson: JSON.stringify(rec()) } }, kooA);
    expect(other.data!.appendBulkKinderopvangChunk.userErrors.map((e) => e.code)).toEqual(['CHUNK_HERGEBRUIKT']);
    expect((await app.gql(LeveringDetailDocument, { id }, kooA)).data!.node).toMatchObject({ aantalRecords: 5, aantalChunks: 1 });
    expect((await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA)).data!.commitBulkKinderopvangLevering.userErrors).toEqual([]);
    const rows = await app.em().getConnection().execute<Array<{ kind_naam: string; kind_bsn: string | null; ouder_bsn: string; uurprijs: string }>>(
      `select r.kind_naam, r.kind_bsn, r.ouder_bsn, r.uurprijs::text from koo_record r join koo_levering l on l.id = r.levering_id
        where l.idempotency_key = ? order by r.idx`,
      [k],
    );
    expect(rows.map((x) => x.kind_naam)).toEqual(namen.map((n) => n.trim()));
    expect(rows.map((x) => x.kind_bsn)).toEqual(records.map((x) => x.kindBsn ?? null));
    expect(rows.map((x) => x.ouder_bsn)).toEqual(records.map((x) => x.ouderBsn));
    expect(rows.map((x) => x.uurprijs)).toEqual(['11.90', '0.00', '12.00', '0.01', '1234.50']);
  });

  it('an NDJSON record that breaks a domain rule is a record error by index, as in the typed form', async () => {
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: key(), periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    const ndjson = [rec(), rec({ kindBsn: '111111111' })].map((r) => JSON.stringify(r)).join('\n');
    const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 2, recordsNdjson: ndjson } }, kooA);
    expect(r.data!.appendBulkKinderopvangChunk).toMatchObject({ userErrors: [], chunk: { aantalRecords: 2, aantalFouten: 1 } });
    const detail = await app.gql(LeveringDetailDocument, { id }, kooA);
    expect((detail.data!.node as { fouten: { nodes: unknown[] } }).fouten.nodes).toEqual([{ index: 2001, code: 'BSN_ONGELDIG', veld: 'kindBsn' }]);
  });

  it('refuses a chunk whose NDJSON cannot be read, or with both forms or neither, and stages nothing of it', async () => {
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    const line = JSON.stringify(rec());
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ recordsNdjson: `${line}\n{"periode": ` }, 'RECORDS_ONGELDIG', ['input', 'recordsNdjson', '1']],
      [{ recordsNdjson: `${line}\n\n${line}` }, 'RECORDS_ONGELDIG', ['input', 'recordsNdjson', '1']],
      [{ recordsNdjson: JSON.stringify({ ...rec(), bsn: '123456782' }) }, 'RECORDS_ONGELDIG', ['input', 'recordsNdjson', '0', 'bsn']],
      [{ recordsNdjson: `${line}\n${JSON.stringify({ ...rec(), uurprijs: 10.5 })}` }, 'RECORDS_ONGELDIG', ['input', 'recordsNdjson', '1', 'uurprijs']],
      [{ recordsNdjson: JSON.stringify({ ...rec(), ouderBsn: undefined }) }, 'RECORDS_ONGELDIG', ['input', 'recordsNdjson', '0', 'ouderBsn']],
      [{ records: [rec()], recordsNdjson: line }, 'RECORDS_ONGELDIG', ['input', 'records']],
      [{}, 'RECORDS_ONGELDIG', ['input', 'records']],
      [{ recordsNdjson: '' }, 'LEVERING_LEEG', ['input', 'records']],
      [{ recordsNdjson: Array(2001).fill(line).join('\n') }, 'TE_VEEL_RECORDS', ['input', 'recordsNdjson']],
    ];
    for (const [records, code, field] of cases) {
      const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, ...records } }, kooA);
      expect(r.errors).toBeUndefined();
      expect(r.data!.appendBulkKinderopvangChunk).toMatchObject({ chunk: null, userErrors: [{ code, field }] });
    }
    expect((await app.gql(LeveringDetailDocument, { id }, kooA)).data!.node).toMatchObject({ aantalRecords: 0, aantalChunks: 0, aantalFouten: 0 });
    expect(await count(`select count(*) as n from koo_staging_record s join koo_levering l on l.id = s.levering_id where l.idempotency_key = ?`, [k])).toBe(0);
    // Nothing was recorded for volgnummer 1: it still takes its records.
    const ok = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, recordsNdjson: line } }, kooA);
    expect(ok.data!.appendBulkKinderopvangChunk).toMatchObject({ userErrors: [], chunk: { aantalRecords: 1 } });
  });

  it('the same chunk sent twice at the same moment is stored once', async () => {
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    const records = chunk(50);
    const results = await Promise.all([1, 2, 3].map(() => app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, records } }, kooA)));
    for (const r of results) expect(r.data!.appendBulkKinderopvangChunk).toMatchObject({ userErrors: [], chunk: { volgnummer: 1, aantalRecords: 50 } });
    expect((await app.gql(LeveringDetailDocument, { id }, kooA)).data!.node).toMatchObject({ aantalRecords: 50, aantalChunks: 1 });
    expect(await count(`select count(*) as n from koo_staging_record s join koo_levering l on l.id = s.levering_id where l.idempotency_key = ?`, [k])).toBe(50);
  });

  it('a bulk delivery with an invalid record is refused at commit; its errors are read page by page; nothing is stored', async () => {
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, records: [rec(), rec({ kindBsn: '111111111' })] } }, kooA);
    await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 2, records: [rec({ factuurbedrag: '-1.00' }), rec()] } }, kooA);
    const commit = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA);
    expect(commit.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [{ code: 'LEVERING_AFGEWEZEN' }], levering: { status: 'AFGEWEZEN', aantalFouten: 2 } });
    const page1 = await app.gql(LeveringDetailDocument, { id, first: 1 }, kooA);
    const f1 = (page1.data!.node as { fouten: { nodes: Array<{ index: number; code: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).fouten;
    expect(f1.nodes).toEqual([{ index: 1, code: 'BSN_ONGELDIG', veld: 'kindBsn' }]);
    expect(f1.pageInfo.hasNextPage).toBe(true);
    const page2 = await app.gql(LeveringDetailDocument, { id, first: 1, after: f1.pageInfo.endCursor }, kooA);
    // The second chunk's first record is at (2 − 1) × 2000 + 0.
    expect((page2.data!.node as { fouten: { nodes: unknown[] } }).fouten.nodes).toEqual([{ index: 2000, code: 'NEGATIEF_BEDRAG', veld: 'factuurbedrag' }]);
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(0);
  });

  it('is atomic: a failure half-way through the commit leaves nothing stored, and the commit can be retried', async () => {
    const N = 6000;
    const before = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec()] } }, kooA);
    const previous = before.data!.deliverKinderopvangGegevens.levering!;
    const g = await gezin();
    const k = key();
    const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
    for (let v = 1; v * 2000 <= N; v++) {
      const records = chunk(2000);
      if (v === 1) records[0] = rec({ ouderBsn: g.ouder.bsn });
      const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: v, records } }, kooA);
      expect(r.data!.appendBulkKinderopvangChunk.userErrors).toEqual([]);
    }
    const conn = app.em().getConnection();
    // A test-only trigger that fails on the record in the middle of the delivery.
    await conn.execute(`create function koo_fail_halfway() returns trigger language plpgsql as $$
      begin if new.idx = ${N / 2} then raise exception 'injected failure at record %', new.idx; end if; return new; end $$`);
    await conn.execute(`create trigger koo_fail_halfway before insert on koo_record for each row execute function koo_fail_halfway()`);
    try {
      const failed = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA);
      expect(failed.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [{ code: 'VERWERKING_MISLUKT' }], levering: { status: 'MISLUKT' } });
    } finally {
      await conn.execute('drop trigger koo_fail_halfway on koo_record');
      await conn.execute('drop function koo_fail_halfway()');
    }
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(0);
    expect(await count(`select count(*) as n from access_log_entry where household_id = ?`, [g.household.id])).toBe(0);
    const stillCurrent = await app.gql(LeveringDetailDocument, { id: previous.id }, kooA);
    expect(stillCurrent.data!.node).toMatchObject({ status: 'VERWERKT' });

    const retried = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: id } }, kooA);
    expect(retried.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [], levering: { status: 'VERWERKT', aantalRecords: N, aantalGekoppeld: 1 } });
    expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [k])).toBe(N);
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and processing_activity_id = 'kinderopvang-gegevenslevering'`, [g.household.id])).toBe(1);
    expect((await app.gql(LeveringDetailDocument, { id: previous.id }, kooA)).data!.node).toMatchObject({ status: 'VERVANGEN' });
  }, 60_000);

  it('writes the access log in pipelined batches: one row per household, and a failing batch rolls everything back', async () => {
    const gezinnen = await Promise.all([1, 2, 3, 4, 5].map(() => gezin()));
    const households = gezinnen.map((g) => g.household.id);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const saved = commitLogBatch.households;
    commitLogBatch.households = 2; // batches of 2, 2 and 1 household
    const conn = app.em().getConnection();
    try {
      const stage = async () => {
        const k = key();
        const id = (await app.gql(CreateBulkLeveringDocument, { input: { idempotencyKey: k, periode } }, kooA)).data!.createBulkKinderopvangLevering.levering!.id;
        const records = gezinnen.flatMap((g) => [rec({ ouderBsn: g.ouder.bsn }), rec({ ouderBsn: g.ouder.bsn })]).concat([rec()]);
        const r = await app.gql(AppendBulkChunkDocument, { input: { leveringId: id, volgnummer: 1, recordsNdjson: records.map((x) => JSON.stringify(x)).join('\n') } }, kooA);
        expect(r.data!.appendBulkKinderopvangChunk.userErrors).toEqual([]);
        return { k, id };
      };
      const logRows = () => count(`select count(*) as n from access_log_entry where household_id = any(string_to_array(?, ',')::uuid[]) and processing_activity_id = 'kinderopvang-gegevenslevering'`, [households.join(',')]);

      // The first access-log INSERT fails while the next FETCH is already queued behind it.
      const failing = await stage();
      await conn.execute(`create function koo_log_fail() returns trigger language plpgsql as $$
        begin raise exception 'injected access-log failure'; end $$`);
      await conn.execute(`create trigger koo_log_fail before insert on access_log_entry for each row
        when (new.operation_name = 'commitKinderopvangLevering') execute function koo_log_fail()`);
      try {
        const failed = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: failing.id } }, kooA);
        expect(failed.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [{ code: 'VERWERKING_MISLUKT' }], levering: { status: 'MISLUKT' } });
      } finally {
        await conn.execute('drop trigger koo_log_fail on access_log_entry');
        await conn.execute('drop function koo_log_fail()');
      }
      expect(await count(`select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id where l.idempotency_key = ?`, [failing.k])).toBe(0);
      expect(await logRows()).toBe(0);

      // Retried without the failure: every matched household exactly once, over three batches.
      const retried = await app.gql(CommitBulkLeveringDocument, { input: { leveringId: failing.id } }, kooA);
      expect(retried.data!.commitBulkKinderopvangLevering).toMatchObject({ userErrors: [], levering: { status: 'VERWERKT', aantalRecords: 11, aantalGekoppeld: 10 } });
      const rows = await conn.execute<Array<{ household_id: string; data_subject: string }>>(
        `select household_id, data_subject from access_log_entry where household_id = any(string_to_array(?, ',')::uuid[]) and processing_activity_id = 'kinderopvang-gegevenslevering'`,
        [households.join(',')],
      );
      expect(rows.map((x) => x.household_id).sort()).toEqual([...households].sort());
      for (const g of gezinnen) expect(rows.find((x) => x.household_id === g.household.id)!.data_subject).toBe(pseudonymise(g.ouder.bsn));
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      commitLogBatch.households = saved;
      process.off('unhandledRejection', onUnhandled);
    }
  }, 60_000);
});

describe('mutatievoorstellen and the daily engine', () => {
  const run = (datum: string) => runKinderopvang(app.em(), { ...runOn(datum), pseudonymise });
  const householdId = (g: Gezin) => toGlobalId('Household', g.household.id);
  const voorstellen = async (g: Gezin) => (await app.gql(HouseholdMutatievoorstellenDocument, { id: householdId(g) }, g.token)).data!.household.mutatievoorstellen;

  it('lower KOO costs give one letter per child, only downward; the household sees it and can block it', async () => {
    const lager = await gezin();
    const hoger = await gezin();
    await app.gql(
      DeliverKinderopvangDocument,
      {
        input: {
          idempotencyKey: key(),
          periode,
          records: [
            rec({ ouderBsn: lager.ouder.bsn, kindBsn: lager.kind.bsn, uren: '60.00' }),
            rec({ ouderBsn: hoger.ouder.bsn, kindBsn: hoger.kind.bsn, uren: '150.00', uurprijs: '11.00' }),
          ],
        },
      },
      kooA,
    );
    const result = await run(today);
    expect(result.voorstellenVerstuurd).toBeGreaterThanOrEqual(1);
    const [v] = await voorstellen(lager);
    expect(v).toMatchObject({ status: 'OPEN', huidigBedrag: '900.00', voorgesteldBedrag: '540.00', verlaging: '360.00', dagtekening: today, blokkerenTot: addDays(today, 21) });
    expect(await voorstellen(hoger)).toEqual([]); // higher costs never raise the toeslag
    // The same date again changes nothing.
    const again = await run(today);
    expect(again.voorstellenVerstuurd).toBe(0);
    expect(await voorstellen(lager)).toHaveLength(1);
    // Logged as SYSTEEM processing.
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM' and processing_activity_id = 'kinderopvang-mutatie'`, [lager.household.id])).toBe(1);

    const blocked = await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: v.id } }, lager.token);
    expect(blocked.data!.blockMutatievoorstel).toMatchObject({ userErrors: [], mutatievoorstel: { status: 'GEBLOKKEERD', geblokkeerdOp: today } });
    const twice = await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: v.id } }, lager.token);
    expect(twice.data!.blockMutatievoorstel.userErrors.map((e) => e.code)).toEqual(['MUTATIEVOORSTEL_NIET_OPEN']);
    // Another household, an intermediair without machtiging and a KOO cannot block it.
    expect(codes(await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: v.id } }, hoger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: v.id } }, await app.token({ ...personas.intermediair })))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: v.id } }, kooA))).toEqual(['FORBIDDEN']);
  });

  /** An OPEN proposal sent `dagenGeleden` days ago (as if by an earlier run). */
  async function voorstelVan(g: Gezin, dagenGeleden: number): Promise<string> {
    const dagtekening = addDays(today, -dagenGeleden);
    const [row] = await app.em().getConnection().execute(
      `insert into koo_mutatievoorstel (id, household_id, toeslag_id, opgave_id, levering_id, periode, kind_naam, soort_opvang, gemelde_uren,
         gemelde_uurprijs, huidig_bedrag, voorgesteld_bedrag, dagtekening, blokkeren_tot, status, reden)
       values (gen_random_uuid(), ?, ?, ?, gen_random_uuid(), ?, 'Kind Test', 'DAGOPVANG', 60, 10, 900, 540, ?, ?, 'OPEN', 'test') returning id`,
      [g.household.id, g.toeslag.id, g.opgave.id, periode, dagtekening, addDays(dagtekening, 21)],
    );
    return toGlobalId('Mutatievoorstel', row.id);
  }

  it('the block window includes its last day (21 days after the letter) and ends after it', async () => {
    const g = await gezin();
    const grens = await voorstelVan(g, 21); // blokkerenTot = today
    const r = await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: grens } }, g.token);
    expect(r.data!.blockMutatievoorstel).toMatchObject({ userErrors: [], mutatievoorstel: { status: 'GEBLOKKEERD' } });
    const g2 = await gezin();
    const verlopen = await voorstelVan(g2, 22); // blokkerenTot = yesterday
    const late = await app.gql(BlockMutatievoorstelDocument, { input: { mutatievoorstelId: verlopen } }, g2.token);
    expect(late.data!.blockMutatievoorstel.userErrors.map((e) => e.code)).toEqual(['BLOKKEERTERMIJN_VERSTREKEN']);

    // The engine carries out only the unblocked proposal whose window has ended.
    const g3 = await gezin();
    const nogOpen = await voorstelVan(g3, 21); // window ends today: not yet
    const result = await run(today);
    expect(result.voorstellenDoorgevoerd).toBeGreaterThanOrEqual(1);
    const [done] = await voorstellen(g2);
    expect(done).toMatchObject({ id: verlopen, status: 'DOORGEVOERD', afgehandeldOp: today });
    expect((await voorstellen(g)).map((v) => v.status)).toEqual(['GEBLOKKEERD']);
    expect((await voorstellen(g3)).find((v) => v.id === nogOpen)!.status).toBe('OPEN');
    const em = app.em();
    const t2 = await em.findOneOrFail(Toeslag, { id: g2.toeslag.id });
    expect(t2.berekendVoorschotMaandbedrag!.toFixed(2)).toBe('540.00');
    expect(t2.voorschotMaandbedrag!.toFixed(2)).toBe('540.00');
    const t1 = await em.findOneOrFail(Toeslag, { id: g.toeslag.id });
    expect(t1.voorschotMaandbedrag!.toFixed(2)).toBe('900.00'); // blocked: unchanged
    const [b] = await em.getConnection().execute(`select soort, voorschot_maandbedrag::text as v from beschikking where toeslag_id = ?`, [g2.toeslag.id]);
    expect(b).toEqual({ soort: 'WIJZIGING', v: '540.00' });
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM' and operation_type = 'write'`, [g2.household.id])).toBe(1);
    // Idempotent per date: nothing is carried out twice.
    await run(today);
    expect((await em.fork().findOneOrFail(Toeslag, { id: g2.toeslag.id })).voorschotMaandbedrag!.toFixed(2)).toBe('540.00');
  });

  it('at most 3 letters per parent per year', async () => {
    const g = await gezin();
    const em = app.em();
    // Three letters this year already (the first two lapsed, one for another child).
    // Dated this calendar year (on 1 January: today).
    const ditJaar = daysBetween(`${today.slice(0, 4)}-01-01`, today);
    for (let i = 0; i < 3; i++) await voorstelVan(g, Math.min(30 + i, ditJaar));
    await em.getConnection().execute(`update koo_mutatievoorstel set status = 'VERVALLEN' where household_id = ?`, [g.household.id]);
    await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec({ ouderBsn: g.ouder.bsn, kindBsn: g.kind.bsn, uren: '50.00' })] } }, kooA);
    const result = await run(today);
    expect(result.voorstellenOverMaximum).toBeGreaterThanOrEqual(1);
    expect((await voorstellen(g)).filter((v) => v.status === 'OPEN')).toEqual([]);
  });
});

describe('convenant: payment to the KOO, payments and tegoeden', () => {
  it('a parent opts in for payment to the KOO; the KOO sees the payment per parent and month, never a BSN', async () => {
    const g = await gezin();
    const set = await app.gql(SetBetalingAanKooDocument, { input: { householdId: toGlobalId('Household', g.household.id), aanKoo: true, lrkNummer: LRK_A } }, g.token);
    expect(set.data!.setKinderopvangtoeslagBetalingAanKoo).toMatchObject({ userErrors: [], betalingAanKoo: { lrkNummer: LRK_A, kooNaam: 'Kinderopvang De Vlinder', vanaf: today, tot: null } });
    const same = await app.gql(SetBetalingAanKooDocument, { input: { householdId: toGlobalId('Household', g.household.id), aanKoo: true, lrkNummer: LRK_A } }, g.token);
    expect(same.data!.setKinderopvangtoeslagBetalingAanKoo.userErrors.map((e) => e.code)).toEqual(['ONGEWIJZIGD']);
    // KOO B has no agreement.
    const noAgreement = await app.gql(SetBetalingAanKooDocument, { input: { householdId: toGlobalId('Household', g.household.id), aanKoo: true, lrkNummer: LRK_B } }, g.token);
    expect(noAgreement.data!.setKinderopvangtoeslagBetalingAanKoo.userErrors.map((e) => e.code)).toEqual(['KOO_ZONDER_OVEREENKOMST']);
    // Someone else's household, an intermediair without machtiging, a KOO: FORBIDDEN.
    for (const token of [await app.token({ ...personas.jan }), await app.token({ ...personas.intermediair }), kooA]) {
      expect(codes(await app.gql(SetBetalingAanKooDocument, { input: { householdId: toGlobalId('Household', g.household.id), aanKoo: false } }, token))).toEqual(['FORBIDDEN']);
    }

    const delivered = await app.gql(DeliverKinderopvangDocument, { input: { idempotencyKey: key(), periode, records: [rec({ ouderBsn: g.ouder.bsn, kindBsn: g.kind.bsn })] } }, kooA);
    // The month's voorschot goes to the KOO on a day of the toeslag's year (in December the household's
    // running toeslag is next year's: its first voorschot is January's).
    const betaaldag = yearOf(today) === jaar ? today : `${jaar}-01-01`;
    const result = await runKinderopvang(app.em(), { ...runOn(betaaldag), pseudonymise });
    expect(result.betalingenAanKoo).toBeGreaterThanOrEqual(1);
    expect((await runKinderopvang(app.em(), { ...runOn(betaaldag), pseudonymise })).betalingenAanKoo).toBe(0);

    const res = await app.gql(ConvenantBetalingenDocument, { periode: betaaldag.slice(0, 7) }, kooA);
    const detail = await app.gql(LeveringDetailDocument, { id: delivered.data!.deliverKinderopvangGegevens.levering!.id }, kooA);
    const ref = (detail.data!.node as { records: { nodes: Array<{ ouderReferentie: string }> } }).records.nodes[0].ouderReferentie;
    expect(res.data!.convenantBetalingen.nodes).toContainEqual({ periode: betaaldag.slice(0, 7), bedrag: '900.00', betaaldOp: betaaldag, ouderReferentie: ref });
    // Never a BSN: neither this parent's or child's BSN anywhere (not even inside the reference) nor any
    // standalone nine-digit number. The reference is hex, so it may contain a run of digits by chance
    // (a hash is not a BSN, the same rule as the log scan's); a glued run is not a finding.
    const payload = JSON.stringify(res.data);
    for (const bsn of [g.ouder.bsn, g.kind.bsn]) expect(payload).not.toContain(bsn);
    expect(payload).not.toMatch(/(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/);
    expect((await app.gql(ConvenantBetalingenDocument, { periode }, kooB)).data!.convenantBetalingen.nodes).toEqual([]);

    const off = await app.gql(SetBetalingAanKooDocument, { input: { householdId: toGlobalId('Household', g.household.id), aanKoo: false } }, g.token);
    expect(off.data!.setKinderopvangtoeslagBetalingAanKoo.betalingAanKoo).toMatchObject({ tot: today });
  });

  it('the KOO lists its open tegoeden, reports one paid or hands it over; the agency then pays the parent', async () => {
    const em = app.em();
    const a = await em.findOneOrFail(KooOrganisatie, { organisationId: DEMO.koo.org });
    const extra = em.create(KooConvenanttegoed, {
      household: em.getReference(Household, DEMO.households.jansen),
      organisatie: a,
      periode: '2025-06',
      bedrag: new Decimal('80.00'),
      status: ConvenanttegoedStatus.OPEN,
      ontstaanOp: '2026-01-10',
    });
    await em.flush();
    const open = await app.gql(ConvenanttegoedenDocument, { status: ['OPEN'] }, kooA);
    const ids = open.data!.convenanttegoeden.nodes.map((n) => n.id);
    const demo = toGlobalId('Convenanttegoed', demoUuid(860));
    const other = toGlobalId('Convenanttegoed', extra.id);
    expect(ids).toEqual(expect.arrayContaining([demo, other]));
    expect((await app.gql(ConvenanttegoedenDocument, {}, kooB)).data!.convenanttegoeden.nodes).toEqual([]);
    expect(codes(await app.gql(TransferConvenanttegoedDocument, { input: { convenanttegoedId: demo } }, kooB))).toEqual(['FORBIDDEN']);

    const org = await app.gql(KooOrganisatieDocument, {}, kooA);
    expect(org.data!.kinderopvangOrganisatie).toMatchObject({ overeenkomstStatus: 'OUD_CONVENANT', locaties: [{ lrkNummer: LRK_A }] });
    expect(org.data!.kinderopvangOrganisatie.nieuweOvereenkomst.voorwaarden.find((v) => v.voorwaarde === 'GEEN_OPEN_CONVENANTTEGOEDEN')!.voldaan).toBe(false);

    const notYet = await app.gql(PayConvenanttegoedToParentDocument, { input: { convenanttegoedId: demo } }, medewerker);
    expect(notYet.data!.payConvenanttegoedToParent.userErrors.map((e) => e.code)).toEqual(['CONVENANTTEGOED_NIET_OVERGEDRAGEN']);
    const transferred = await app.gql(TransferConvenanttegoedDocument, { input: { convenanttegoedId: demo } }, kooA);
    expect(transferred.data!.transferConvenanttegoed).toMatchObject({ userErrors: [], convenanttegoed: { status: 'OVERGEDRAGEN', afgehandeldOp: today } });
    const reportAfter = await app.gql(ReportConvenanttegoedPaidDocument, { input: { convenanttegoedId: demo } }, kooA);
    expect(reportAfter.data!.reportConvenanttegoedPaid.userErrors.map((e) => e.code)).toEqual(['CONVENANTTEGOED_NIET_OPEN']);
    expect(codes(await app.gql(PayConvenanttegoedToParentDocument, { input: { convenanttegoedId: demo } }, kooA))).toEqual(['FORBIDDEN']);
    const paid = await app.gql(PayConvenanttegoedToParentDocument, { input: { convenanttegoedId: demo } }, medewerker);
    expect(paid.data!.payConvenanttegoedToParent.convenanttegoed).toMatchObject({ status: 'UITBETAALD_DOOR_DIENST' });

    const reported = await app.gql(ReportConvenanttegoedPaidDocument, { input: { convenanttegoedId: other } }, kooA);
    expect(reported.data!.reportConvenanttegoedPaid.convenanttegoed).toMatchObject({ status: 'UITBETAALD_DOOR_KOO' });
    const eligible = await app.gql(KooOrganisatieDocument, {}, kooA);
    expect(eligible.data!.kinderopvangOrganisatie.nieuweOvereenkomst.voorwaarden.find((v) => v.voorwaarde === 'GEEN_OPEN_CONVENANTTEGOEDEN')!.voldaan).toBe(true);
    expect(await count(`select count(*) as n from access_log_entry where household_id = ? and processing_activity_id = 'kinderopvang-gegevenslevering' and operation_type = 'write'`, [DEMO.households.jansen])).toBe(1);
  });
});
