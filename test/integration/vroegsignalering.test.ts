import { TEST_TODAY, runOn } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { Beschikking } from '../../src/modules/beschikking/beschikking.entity';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingSoort } from '../../src/modules/betalingsregeling/betalingsregeling.enums';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { Household } from '../../src/modules/household/household.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { MemberRol } from '../../src/modules/household/household.enums';
import { Person } from '../../src/modules/household/person.entity';
import { runInvordering } from '../../src/modules/invordering/invordering.service';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { Vroegsignaal, VroegsignaleringDeelname } from '../../src/modules/vroegsignalering/vroegsignaal.entity';
import { createVroegsignalen } from '../../src/modules/vroegsignalering/vroegsignalering.engine';
import { Zaak } from '../../src/modules/zaak/zaak.entity';
import { ZaakSoort, ZaakStatus } from '../../src/modules/zaak/zaak.enums';
import { addDays, addMonths } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import {
  AcknowledgeVroegsignalenDocument,
  ChangeVroegsignaleringDeelnameDocument,
  HouseholdVroegsignalenDocument,
  RecordVroegsignaalOpvolgingDocument,
  RegisterVroegsignaleringDeelnameDocument,
  VroegsignaalNodeDocument,
  VroegsignaleringDeelnamesDocument,
  VroegsignaleringStatisticsDocument,
  VroegsignalenDocument,
  type VroegsignalenQuery,
  type VroegsignalenQueryVariables,
} from '../generated/graphql';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { nextBsn } from '../support/factories';
import { personas } from '../support/tokens';

const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);
const today = TEST_TODAY;
const D = today; // the engine runs "today", so the gemeente API (which checks participation today) sees the same state

/** Participating gemeenten: A = 0193 (the persona), B = 0344; 0995 never takes part; 0363 stopped yesterday; 0518 starts tomorrow; 0599 starts today. */
const A = '0193';
const B = '0344';

let app: TestApp;
const em = () => app.em();

function deelname(tx: EntityManager, gemeentecode: string, vanaf: string, tot: string) {
  return tx.create(VroegsignaleringDeelname, { gemeentecode, naam: `Gemeente ${gemeentecode}`, vanaf, tot, gewijzigdDoor: 'test' });
}

interface HouseholdOptions {
  gemeentecode?: string;
  uht?: boolean;
  partner?: boolean;
  telefoon?: string | null;
}

function household(tx: EntityManager, o: HouseholdOptions = {}): { household: Household; aanvrager: Person } {
  const h = tx.create(Household, {
    gemeentecode: o.gemeentecode ?? A,
    uhtGeregistreerd: o.uht ?? false,
    adres: { straat: 'Diezerstraat', huisnummer: 7, huisnummertoevoeging: 'b', postcode: '8011RE', woonplaats: 'Zwolle' },
  });
  const aanvrager = tx.create(Person, { bsn: nextBsn(), voornamen: 'Petra', tussenvoegsel: 'van', achternaam: 'Dijk', telefoonnummer: o.telefoon === undefined ? '0612345678' : o.telefoon });
  tx.create(HouseholdMember, { household: h, person: aanvrager, rol: MemberRol.AANVRAGER, vanaf: '2010-01-01' });
  if (o.partner) {
    const partner = tx.create(Person, { bsn: nextBsn(), voornamen: 'Kees', achternaam: 'Dijk', email: 'kees@example.org' });
    tx.create(HouseholdMember, { household: h, person: partner, rol: MemberRol.TOESLAGPARTNER, vanaf: '2012-01-01' });
  }
  return { household: h, aanvrager };
}

let soortIndex = 0;
function schuld(tx: EntityManager, h: Household, o: { status?: SchuldStatus; open?: string; kosten?: string; vervaldatum?: string; gepauzeerd?: boolean } = {}): Schuld {
  // one toeslag per schuld, each with its own berekeningsjaar
  const t = tx.create(Toeslag, { household: h, soort: ToeslagSoort.ZORGTOESLAG, berekeningsjaar: 1900 + soortIndex++, status: ToeslagStatus.DEFINITIEF_TOEGEKEND });
  const open = new Decimal(o.open ?? '500.00');
  const vervaldatum = o.vervaldatum ?? addDays(D, -90);
  const b = tx.create(Beschikking, { household: h, toeslag: t, soort: BeschikkingSoort.TERUGVORDERING, nummer: `TV-${randomUUID().slice(0, 12)}`, dagtekening: addDays(vervaldatum, -42), terugTeBetalen: open });
  return tx.create(Schuld, {
    household: h,
    toeslag: t,
    beschikking: b,
    dagtekening: addDays(vervaldatum, -42),
    vervaldatum,
    oorspronkelijkBedrag: open,
    openstaandBedrag: open,
    kosten: new Decimal(o.kosten ?? '0'),
    status: o.status ?? SchuldStatus.AANGEMAAND,
    statusSinds: addDays(D, -10),
    gepauzeerd: o.gepauzeerd ?? false,
  });
}

/** An ACTIEF regeling over the schuld; `achter`: a termijn due before D is unpaid. `opDatum`: the unpaid termijn is due on D itself. */
function regeling(tx: EntityManager, h: Household, s: Schuld, o: { achter?: boolean; opDatum?: boolean } = {}) {
  const r = tx.create(Betalingsregeling, {
    household: h,
    soort: BetalingsregelingSoort.STANDAARD,
    totaalBedrag: new Decimal('60.00'),
    termijnbedrag: new Decimal('20.00'),
    aantalTermijnen: 3,
    startdatum: addMonths(D, -1),
  });
  r.schulden.add(s);
  const due = [addMonths(D, -1), o.opDatum ? D : addDays(D, -1), addMonths(D, 1)];
  due.forEach((vervaldatum, i) =>
    tx.create(Termijn, {
      household: h,
      betalingsregeling: r,
      volgnummer: i + 1,
      vervaldatum,
      bedrag: new Decimal('20.00'),
      betaaldBedrag: new Decimal(i === 0 || (i === 1 && !o.achter && !o.opDatum) ? '20.00' : '0'),
    }),
  );
}

async function signalenOf(householdId: string): Promise<Vroegsignaal[]> {
  return em().find(Vroegsignaal, { household: householdId }, { orderBy: { createdAt: 'asc' } });
}

const ids: Record<string, string> = {};
const gid = (key: string) => toGlobalId('Vroegsignaal', ids[key]);
let first: Awaited<ReturnType<typeof createVroegsignalen>>;

beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  await em().transactional(async (tx) => {
    deelname(tx, A, addMonths(D, -12), '2099-06-01');
    deelname(tx, B, addMonths(D, -12), '2099-06-01');
    deelname(tx, '0363', addMonths(D, -12), D); // tot is exclusive: not on D
    deelname(tx, '0518', addDays(D, 1), '2099-06-01');
    deelname(tx, '0599', D, '2099-06-01');

    const make = (key: string, o: HouseholdOptions, schulden: Array<Parameters<typeof schuld>[2]>, extra?: (h: Household, s: Schuld[]) => void) => {
      const { household: h } = household(tx, o);
      const s = schulden.map((so) => schuld(tx, h, so));
      extra?.(h, s);
      ids[key] = h.id;
    };
    make('basis', { partner: true }, [{ open: '400.00', kosten: '8.00', vervaldatum: addDays(D, -60) }, { status: SchuldStatus.AANGEMAAND, open: '200.00', vervaldatum: addDays(D, -120) }, { status: SchuldStatus.OPEN, open: '999.00' }]);
    make('gemeenteB', { gemeentecode: B, telefoon: null }, [{}]);
    make('dwangbevel', {}, [{ status: SchuldStatus.DWANGBEVEL, open: '150.00' }]);
    make('groot', {}, [{ open: '3000.00' }]);
    make('begeleiding', {}, [{}], (h) =>
      tx.create(Zaak, { household: h, soort: ZaakSoort.PERSOONLIJKE_BEGELEIDING, status: ZaakStatus.IN_BEHANDELING, ingediendDoorRol: 'BURGER', reden: 'Hulp' }),
    );
    make('uht', { uht: true }, [{}]);
    make('gepauzeerd', {}, [{}, { status: SchuldStatus.HERINNERD, gepauzeerd: true }]);
    make('bijMetRegeling', {}, [{}], (h, [s]) => regeling(tx, h, s));
    make('termijnOpDatum', {}, [{}], (h, [s]) => regeling(tx, h, s, { opDatum: true }));
    make('achterMetRegeling', {}, [{}], (h, [s]) => regeling(tx, h, s, { achter: true }));
    make('onderDrempel', {}, [{ open: '90.00', kosten: '9.99' }]);
    make('opDrempel', {}, [{ open: '92.00', kosten: '8.00' }]);
    make('herinnerd', {}, [{ status: SchuldStatus.HERINNERD }]);
    make('voldaan', {}, [{ status: SchuldStatus.VOLDAAN, open: '0' }]);
    make('nietDeelnemer', { gemeentecode: '0995' }, [{}]);
    make('gestopt', { gemeentecode: '0363' }, [{}]);
    make('begintMorgen', { gemeentecode: '0518' }, [{}]);
    make('begintVandaag', { gemeentecode: '0599' }, [{}]);
    make('verhuist', {}, [{}]);
    make('verhuistNaarNiet', {}, [{}]);
    make('betaalt', {}, [{}]);
  });
  first = await createVroegsignalen(em(), { ...runOn(D), pseudonymise });
});
afterAll(() => app.close());

describe('signal creation in the daily engine', () => {
  it('signals a household unpaid after an aanmaning, with the minimal contact copy', async () => {
    const [v] = await signalenOf(ids.basis);
    expect(v).toMatchObject({
      gemeentecode: A,
      signaaldatum: D,
      ontstaansdatum: addDays(D, -120), // the oldest vervaldatum of the schulden in arrears
      crisissignaal: false,
      warmeOverdracht: false,
      voornamen: 'Petra',
      tussenvoegsel: 'van',
      achternaam: 'Dijk',
      partnerNaam: 'Kees Dijk',
      straat: 'Diezerstraat',
      huisnummer: 7,
      huisnummertoevoeging: 'b',
      postcode: '8011RE',
      woonplaats: 'Zwolle',
      telefoonnummer: '0612345678',
      email: 'kees@example.org', // the aanvrager has none: the partner's
      status: 'NIEUW',
      beeindigdOp: null,
    });
    // 400 + 8 costs + 200; the OPEN schuld (no aanmaning yet) does not count
    expect(v.bedragAchterstand!.toFixed(2)).toBe('608.00');
    expect(v.volgnummer).not.toBeNull();
    const [b] = await signalenOf(ids.gemeenteB);
    expect(b).toMatchObject({ gemeentecode: B, telefoonnummer: null, email: null, partnerNaam: null });
  });

  it('sets crisissignaal for a dwangbevel or arrears from the crisis threshold, warmeOverdracht for open persoonlijke begeleiding', async () => {
    expect((await signalenOf(ids.dwangbevel))[0]).toMatchObject({ crisissignaal: true, warmeOverdracht: false });
    expect((await signalenOf(ids.groot))[0]).toMatchObject({ crisissignaal: true, warmeOverdracht: false });
    expect((await signalenOf(ids.begeleiding))[0]).toMatchObject({ crisissignaal: false, warmeOverdracht: true });
  });

  it.each([
    ['uht', 'a household registered with UHT'],
    ['gepauzeerd', 'a household with a paused schuld'],
    ['bijMetRegeling', 'an active arrangement with every termijn due before the date paid'],
    ['termijnOpDatum', 'an active arrangement whose unpaid termijn is due on the date itself (not before it)'],
    ['onderDrempel', 'arrears of 99.99, below the 100.00 threshold'],
    ['herinnerd', 'a schuld only reminded, not yet aangemaand'],
    ['voldaan', 'a paid schuld'],
    ['nietDeelnemer', 'a gemeente that does not take part'],
    ['gestopt', 'a gemeente whose participation ended the day before (tot is exclusive)'],
    ['begintMorgen', 'a gemeente that starts taking part tomorrow'],
  ])('no signal for %s: %s', async (key) => {
    expect(await signalenOf(ids[key])).toEqual([]);
  });

  it.each([
    ['achterMetRegeling', 'an active arrangement with an unpaid termijn due before the date (not paid up)'],
    ['opDrempel', 'arrears of exactly the threshold (92 + 8 costs)'],
    ['begintVandaag', 'a gemeente whose participation starts on the date'],
  ])('a signal for %s: %s', async (key) => {
    expect(await signalenOf(ids[key])).toHaveLength(1);
  });

  it('is idempotent per date: a second run changes nothing, and a second open signal is refused by the database', async () => {
    const count = async () => Number((await em().getConnection().execute(`select count(*) as n from vroegsignaal`))[0].n);
    const before = await count();
    expect(first.geopend).toBe(before);
    const again = await createVroegsignalen(em(), { ...runOn(D), pseudonymise });
    expect(again).toMatchObject({ geopend: 0, beeindigd: {} });
    expect(await count()).toBe(before);
    await expect(
      em().getConnection().execute(
        `insert into vroegsignaal (id, household_id, gemeentecode, signaaldatum, ontstaansdatum, crisissignaal, warme_overdracht, status)
         values (gen_random_uuid(), ?, '0193', ?, ?, false, false, 'NIEUW')`,
        [ids.basis, D, D],
      ),
    ).rejects.toThrow(/vroegsignaal_een_open_per_household/);
  });

  it('records the engine in the access log as SYSTEEM under the vroegsignalering activity', async () => {
    const rows = await em().getConnection().execute(
      `select actor_role, actor_subject, processing_activity_id, operation_type, resources from access_log_entry where household_id = ?`,
      [ids.basis],
    );
    expect(rows).toEqual([{ actor_role: 'SYSTEEM', actor_subject: 'vroegsignalering', processing_activity_id: 'vroegsignalering', operation_type: 'write', resources: ['Vroegsignaal'] }]);
  });

  it('a move ends the old signal and opens one for the new gemeente only when it takes part', async () => {
    await em().getConnection().execute(`update household set gemeentecode = ? where id = ?`, [B, ids.verhuist]);
    await em().getConnection().execute(`update household set gemeentecode = '0995' where id = ?`, [ids.verhuistNaarNiet]);
    const r = await createVroegsignalen(em(), { ...runOn(D), pseudonymise });
    expect(r.geopend).toBe(1);
    expect(r.beeindigd).toEqual({ VERHUISD: 2 });
    const moved = await signalenOf(ids.verhuist);
    expect(moved.map((v) => [v.gemeentecode, v.beeindigdOp, v.beeindigingsreden])).toEqual([
      [A, D, 'VERHUISD'],
      [B, null, null],
    ]);
    expect((await signalenOf(ids.verhuistNaarNiet)).map((v) => [v.gemeentecode, v.beeindigdOp])).toEqual([[A, D]]);
  });

  it('ends the signal when the arrears are paid, and opens a new one if arrears return', async () => {
    await em().getConnection().execute(`update schuld set openstaand_bedrag = 0, status = 'VOLDAAN' where household_id = ?`, [ids.betaalt]);
    const next = addDays(D, 1);
    const r = await createVroegsignalen(em(), { ...runOn(next), pseudonymise });
    expect(r.beeindigd).toMatchObject({ NIET_MEER_ACHTERSTAND: 1 });
    expect((await signalenOf(ids.betaalt)).map((v) => v.beeindigdOp)).toEqual([next]);
    // the paid schuld is reopened (e.g. a payment reversed): a fresh signal the same day, once
    await em().getConnection().execute(`update schuld set openstaand_bedrag = 500, status = 'AANGEMAAND' where household_id = ?`, [ids.betaalt]);
    expect((await createVroegsignalen(em(), { ...runOn(next), pseudonymise })).geopend).toBe(1);
    expect((await createVroegsignalen(em(), { ...runOn(next), pseudonymise })).geopend).toBe(0);
    expect((await signalenOf(ids.betaalt)).map((v) => [v.signaaldatum, v.beeindigdOp])).toEqual([[D, next], [next, null]]);
  });

  it('runs as one step of runInvordering and reports there', async () => {
    const r = await runInvordering(em(), { ...runOn(addDays(D, 2)), pseudonymise });
    expect(r.vroegsignalering).toMatchObject({ datum: addDays(D, 2), geopend: expect.any(Number), onderzocht: expect.any(Number) });
    expect(r.vroegsignalering!.onderzocht).toBeGreaterThan(0);
  });
});

describe('the gemeente API', () => {
  const tokenA = () => app.token({ ...personas.gemeente });
  const tokenB = () => app.token({ role: 'GEMEENTE', sub: 'gemeente-0344', gemeente: B });

  async function all(token: string) {
    const nodes: Array<{ id: string; gemeentecode: string }> = [];
    let after: string | null = null;
    for (;;) {
      const r: Awaited<ReturnType<typeof app.gql<VroegsignalenQuery, VroegsignalenQueryVariables>>> = await app.gql(VroegsignalenDocument, { first: 2, after }, token);
      expect(r.errors).toBeUndefined();
      nodes.push(...r.data!.vroegsignalen.nodes);
      if (!r.data!.vroegsignalen.pageInfo.hasNextPage) return nodes;
      after = r.data!.vroegsignalen.pageInfo.endCursor;
    }
  }

  it('gemeente A lists only its own signals, with the minimal fields; B only its own', async () => {
    const a = await all(await tokenA());
    expect(a.length).toBeGreaterThan(5);
    expect(new Set(a.map((n) => n.gemeentecode))).toEqual(new Set([A]));
    expect(a.map((n) => n.id)).toContain(toGlobalId('Vroegsignaal', (await signalenOf(ids.basis))[0].id));
    const b = await all(await tokenB());
    expect(new Set(b.map((n) => n.gemeentecode))).toEqual(new Set([B]));
    expect(b.map((n) => n.id)).toContain(toGlobalId('Vroegsignaal', (await signalenOf(ids.gemeenteB))[0].id));
    expect(b.map((n) => n.id)).not.toContain(toGlobalId('Vroegsignaal', (await signalenOf(ids.basis))[0].id));
  });

  it('records a gemeente reading signals in the access log (actor GEMEENTE, activity vroegsignalering)', async () => {
    const [v] = await signalenOf(ids.gemeenteB);
    const r = await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', v.id) }, await tokenB());
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toMatchObject({ gemeentecode: B, contact: { aanvrager: { achternaam: 'Dijk' } } });
    const rows = await em().getConnection().execute(
      `select actor_role, actor_organisation, processing_activity_id, operation_type from access_log_entry where household_id = ? and actor_role = 'GEMEENTE'`,
      [ids.gemeenteB],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ actor_role: 'GEMEENTE', actor_organisation: B, processing_activity_id: 'vroegsignalering', operation_type: 'read' });
  });

  it('gemeente A gets FORBIDDEN for a signal of gemeente B through node, acknowledge and record; nothing is written', async () => {
    const [ofB] = await signalenOf(ids.gemeenteB);
    const [ofA] = await signalenOf(ids.dwangbevel);
    const token = await tokenA();
    expect(codes(await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', ofB.id) }, token))).toEqual(['FORBIDDEN']);
    // a non-existent id is FORBIDDEN too (nothing leaks about existence)
    expect(codes(await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', randomUUID()) }, token))).toEqual(['FORBIDDEN']);
    const ack = await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [toGlobalId('Vroegsignaal', ofA.id), toGlobalId('Vroegsignaal', ofB.id)] } }, token);
    expect(codes(ack)).toEqual(['FORBIDDEN']);
    const rec = await app.gql(RecordVroegsignaalOpvolgingDocument, { input: { id: toGlobalId('Vroegsignaal', ofB.id), outcome: 'BEREIKT' } }, token);
    expect(codes(rec)).toEqual(['FORBIDDEN']);
    const after = await em().find(Vroegsignaal, { id: { $in: [ofA.id, ofB.id] } });
    for (const v of after) expect([v.status, v.ontvangenOp, v.uitkomst]).toEqual(['NIEUW', null, null]);
  });

  it('acknowledges receipt and records the follow-up', async () => {
    const [v] = await signalenOf(ids.groot);
    const token = await tokenA();
    const ack = await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [toGlobalId('Vroegsignaal', v.id)] } }, token);
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.acknowledgeVroegsignalen.vroegsignalen[0]).toMatchObject({ status: 'ONTVANGEN', ontvangenOp: expect.any(String) });
    const ontvangenOp = ack.data!.acknowledgeVroegsignalen.vroegsignalen[0].ontvangenOp;
    // again: harmless, the first moment stays
    const again = await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [toGlobalId('Vroegsignaal', v.id)] } }, token);
    expect(again.data!.acknowledgeVroegsignalen.vroegsignalen[0].ontvangenOp).toBe(ontvangenOp);
    const rec = await app.gql(RecordVroegsignaalOpvolgingDocument, { input: { id: toGlobalId('Vroegsignaal', v.id), outcome: 'HULP_GEACCEPTEERD', note: 'Afspraak gemaakt' } }, token);
    expect(rec.errors).toBeUndefined();
    expect(rec.data!.recordVroegsignaalOpvolging).toMatchObject({
      vroegsignaal: { status: 'OPGEVOLGD', opvolging: { uitkomst: 'HULP_GEACCEPTEERD', notitie: 'Afspraak gemaakt' } },
      userErrors: [],
    });
    const rows = await em().getConnection().execute<Array<{ operation_type: string }>>(
      `select operation_type from access_log_entry where household_id = ? and actor_role = 'GEMEENTE' order by id`,
      [ids.groot],
    );
    expect(rows.map((r: { operation_type: string }) => r.operation_type)).toContain('write');
  });

  it('refuses bad input with userErrors and writes nothing', async () => {
    const token = await tokenA();
    const [v] = await signalenOf(ids.dwangbevel);
    const id = toGlobalId('Vroegsignaal', v.id);
    const empty = await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [] } }, token);
    expect(empty.data!.acknowledgeVroegsignalen.userErrors.map((e) => e.code)).toEqual(['VROEGSIGNALEN_ONGELDIG']);
    const twice = await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [id, id] } }, token);
    expect(twice.data!.acknowledgeVroegsignalen.userErrors.map((e) => e.code)).toEqual(['VROEGSIGNALEN_ONGELDIG']);
    const bsn = await app.gql(RecordVroegsignaalOpvolgingDocument, { input: { id, outcome: 'BEREIKT', note: `klant ${nextBsn()} gebeld` } }, token);
    expect(bsn.data!.recordVroegsignaalOpvolging.userErrors.map((e) => e.code)).toEqual(['NOTITIE_ONGELDIG']);
    const long = await app.gql(RecordVroegsignaalOpvolgingDocument, { input: { id, outcome: 'BEREIKT', note: 'x'.repeat(2001) } }, token);
    expect(long.data!.recordVroegsignaalOpvolging.userErrors.map((e) => e.code)).toEqual(['NOTITIE_ONGELDIG']);
    expect((await em().findOneOrFail(Vroegsignaal, v.id))).toMatchObject({ status: 'NIEUW', uitkomst: null });
    expect(codes(await app.gql(VroegsignalenDocument, { after: 'bm9wZQ' }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(VroegsignalenDocument, { first: 101 }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [toGlobalId('Schuld', v.id)] } }, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by status', async () => {
    const r = await app.gql(VroegsignalenDocument, { first: 100, status: ['OPGEVOLGD'] }, await tokenA());
    expect(r.data!.vroegsignalen.nodes.map((n) => n.id)).toEqual([toGlobalId('Vroegsignaal', (await signalenOf(ids.groot))[0].id)]);
  });

  it('a gemeente outside the experiment gets GEMEENTE_NEEMT_NIET_DEEL, also through node', async () => {
    for (const g of ['0995', '0363', '0518']) {
      const token = await app.token({ role: 'GEMEENTE', sub: `gemeente-${g}`, gemeente: g });
      const r = await app.gql(VroegsignalenDocument, {}, token);
      expect(codes(r)).toEqual(['GEMEENTE_NEEMT_NIET_DEEL']);
      expect(r.errors![0].message).toMatch(/does not take part/);
    }
    const [v] = await signalenOf(ids.basis);
    // a signal made while 0363 took part: now refused
    await em().getConnection().execute(`update vroegsignaal set gemeentecode = '0363' where id = ?`, [v.id]);
    const token = await app.token({ role: 'GEMEENTE', sub: 'gemeente-0363', gemeente: '0363' });
    expect(codes(await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', v.id) }, token))).toEqual(['GEMEENTE_NEEMT_NIET_DEEL']);
    await em().getConnection().execute(`update vroegsignaal set gemeentecode = ? where id = ?`, [A, v.id]);
  });

  it('node(id) gives a gemeente nothing but its signals and periods (the schema walk relies on this)', async () => {
    const token = await tokenA();
    const [v] = await signalenOf(ids.basis);
    const [s] = await em().find(Schuld, { household: ids.basis }, { limit: 1 });
    for (const id of [toGlobalId('Household', ids.basis), toGlobalId('Schuld', s.id), toGlobalId('Toeslag', s.toeslag.id), toGlobalId('Beschikking', s.beschikking.id)]) {
      expect(codes(await app.gql(VroegsignaalNodeDocument, { id }, token))).toEqual(['FORBIDDEN']);
    }
    expect((await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', v.id) }, token)).errors).toBeUndefined();
  });

  it('is FORBIDDEN for every other role', async () => {
    const [v] = await signalenOf(ids.basis);
    for (const p of [personas.medewerker, personas.intermediair, personas.koo, personas.sanne]) {
      const token = await app.token({ ...p });
      expect(codes(await app.gql(VroegsignalenDocument, {}, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(VroegsignaalNodeDocument, { id: toGlobalId('Vroegsignaal', v.id) }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(AcknowledgeVroegsignalenDocument, { input: { ids: [toGlobalId('Vroegsignaal', v.id)] } }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(RecordVroegsignaalOpvolgingDocument, { input: { id: toGlobalId('Vroegsignaal', v.id), outcome: 'BEREIKT' } }, token))).toEqual(['FORBIDDEN']);
    }
  });

  it('statistics: a medewerker sees every gemeente, a gemeente only itself', async () => {
    const med = await app.gql(VroegsignaleringStatisticsDocument, {}, await app.token({ ...personas.medewerker }));
    expect(med.errors).toBeUndefined();
    const codesSeen = med.data!.vroegsignaleringStatistics.map((s) => s.gemeentecode);
    expect(codesSeen).toEqual(expect.arrayContaining([A, B, '0599']));
    const own = await app.gql(VroegsignaleringStatisticsDocument, { periode: { van: D, tot: D } }, await tokenA());
    expect(own.data!.vroegsignaleringStatistics).toHaveLength(1);
    expect(own.data!.vroegsignaleringStatistics[0]).toMatchObject({ gemeentecode: A, ontvangen: 1, bereikt: 1, hulpGeaccepteerd: 1, crisissignalen: 2 });
    expect(codes(await app.gql(VroegsignaleringStatisticsDocument, { gemeentecode: B }, await tokenA()))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(VroegsignaleringStatisticsDocument, {}, await app.token({ ...personas.sanne })))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(VroegsignaleringStatisticsDocument, { periode: { van: D, tot: addDays(D, -1) } }, await tokenA()))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the participation register', () => {
  it('a medewerker registers and changes periods; overlaps and inverted periods are userErrors', async () => {
    const token = await app.token({ ...personas.medewerker });
    const reg = await app.gql(RegisterVroegsignaleringDeelnameDocument, { input: { gemeentecode: '0014', naam: 'Groningen', vanaf: '2025-03-01', tot: '2027-06-01' } }, token);
    expect(reg.data!.registerVroegsignaleringDeelname.userErrors).toEqual([]);
    const d = reg.data!.registerVroegsignaleringDeelname.deelname!;
    expect(d).toMatchObject({ gemeentecode: '0014', naam: 'Groningen', vanaf: '2025-03-01', tot: '2027-06-01' });
    const overlap = await app.gql(RegisterVroegsignaleringDeelnameDocument, { input: { gemeentecode: '0014', naam: 'Groningen', vanaf: '2027-05-31', tot: '2028-01-01' } }, token);
    expect(overlap.data!.registerVroegsignaleringDeelname.userErrors.map((e) => e.code)).toEqual(['DEELNAME_OVERLAPT']);
    const adjacent = await app.gql(RegisterVroegsignaleringDeelnameDocument, { input: { gemeentecode: '0014', naam: 'Groningen', vanaf: '2027-06-01', tot: '2028-01-01' } }, token);
    expect(adjacent.data!.registerVroegsignaleringDeelname.userErrors).toEqual([]);
    const inverted = await app.gql(RegisterVroegsignaleringDeelnameDocument, { input: { gemeentecode: '0034', naam: 'Almere', vanaf: '2026-01-01', tot: '2026-01-01' } }, token);
    expect(inverted.data!.registerVroegsignaleringDeelname.userErrors.map((e) => e.code)).toEqual(['PERIODE_ONGELDIG']);
    // extending the first period into the adjacent one overlaps; ending it earlier is fine
    const extend = await app.gql(ChangeVroegsignaleringDeelnameDocument, { input: { deelnameId: d.id, tot: '2027-07-01' } }, token);
    expect(extend.data!.changeVroegsignaleringDeelname.userErrors.map((e) => e.code)).toEqual(['DEELNAME_OVERLAPT']);
    const end = await app.gql(ChangeVroegsignaleringDeelnameDocument, { input: { deelnameId: d.id, tot: '2026-01-01' } }, token);
    expect(end.data!.changeVroegsignaleringDeelname).toMatchObject({ deelname: { tot: '2026-01-01' }, userErrors: [] });
    const gemeente = await app.token({ role: 'GEMEENTE', sub: 'gemeente-0014', gemeente: '0014' });
    expect(codes(await app.gql(ChangeVroegsignaleringDeelnameDocument, { input: { deelnameId: d.id, tot: '2030-01-01' } }, gemeente))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(RegisterVroegsignaleringDeelnameDocument, { input: { gemeentecode: '0014', naam: 'G', vanaf: '2030-01-01', tot: '2031-01-01' } }, gemeente))).toEqual(['FORBIDDEN']);
    // a gemeente sees its own periods only
    const list = await app.gql(VroegsignaleringDeelnamesDocument, {}, gemeente);
    expect(list.data!.vroegsignaleringDeelnames.map((p) => [p.gemeentecode, p.vanaf, p.tot])).toEqual([
      ['0014', '2025-03-01', '2026-01-01'],
      ['0014', '2027-06-01', '2028-01-01'],
    ]);
  });
});

describe('citizen transparency', () => {
  it('the citizen sees which signals were sent about them, to which gemeente and when, without the gemeente’s follow-up; logged', async () => {
    const h = ids.groot;
    const [aanvrager] = await em().getConnection().execute(
      `select p.bsn from household_member m join person p on p.id = m.person_id where m.household_id = ? and m.rol = 'AANVRAGER'`,
      [h],
    );
    const token = await app.token({ role: 'BURGER', sub: aanvrager.bsn });
    const r = await app.gql(HouseholdVroegsignalenDocument, { id: toGlobalId('Household', h) }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.household.vroegsignalen).toEqual([
      expect.objectContaining({
        gemeentecode: A,
        gemeentenaam: `Gemeente ${A}`,
        signaaldatum: D,
        bedragAchterstand: '3000.00',
        crisissignaal: true,
        verstuurdeGegevens: 'naam, adres, telefoonnummer, bedrag achterstand, ontstaansdatum',
        ontvangenOp: expect.any(String),
        actueel: true,
      }),
    ]);
    const rows = await em().getConnection().execute(
      `select processing_activity_id, resources from access_log_entry where household_id = ? and actor_role = 'BURGER'`,
      [h],
    );
    expect(rows).toEqual([{ processing_activity_id: 'burger-inzage-eigen-gegevens', resources: ['Household', 'Vroegsignaal'] }]);
    // another household's citizen: FORBIDDEN
    const other = await app.token({ ...personas.stranger });
    expect(codes(await app.gql(HouseholdVroegsignalenDocument, { id: toGlobalId('Household', h) }, other))).toEqual(['FORBIDDEN']);
  });
});
