import { TEST_TODAY, runOn, testClock } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { importBetalingen } from '../../src/modules/betaling/betaling.service';
import { runBetalingStappen } from '../../src/modules/betaling/dagelijks.service';
import { runInvordering } from '../../src/modules/invordering/invordering.service';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { addDays, addMonths } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// Payments and missed termijnen, betaalpauze, verrekening: worked examples through GraphQL
// against PostgreSQL, the daily step, the bank-statement import, roles, refusals and concurrency.

let app: TestApp;
let factory: Factory;
let medewerker: string;
const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  factory = new Factory(app.em(), 777);
  medewerker = await app.token({ ...personas.medewerker });
});
afterAll(() => app.close());

const today = TEST_TODAY;
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> => app.em().getConnection().execute(q, params);

interface Fixture extends BuiltHousehold {
  token: string;
  mine: Schuld[];
  gids: string[];
}

async function household(extras: Array<{ openstaand: string; kosten?: string; soort?: ToeslagSoort; vervaldatum?: string }>): Promise<Fixture> {
  const built = factory.household({ full: true, uht: false });
  const tv = built.beschikkingen.find((b) => b.soort === BeschikkingSoort.TERUGVORDERING)!;
  await factory.flush();
  const em = app.em();
  const mine = extras.map((x, i) => {
    let toeslag = tv.toeslag.id;
    if (x.soort) {
      // A year the factory never uses (it makes the recent years' toeslagen), so no (household, soort, year) clash.
      const t = em.create(Toeslag, { household: built.household.id, soort: x.soort, berekeningsjaar: 2011 + i, status: ToeslagStatus.DEFINITIEF_TOEGEKEND } as never);
      toeslag = t.id;
    }
    return em.create(Schuld, {
      household: built.household.id,
      toeslag,
      beschikking: tv.id,
      dagtekening: tv.dagtekening,
      vervaldatum: x.vervaldatum ?? addDays(tv.dagtekening, 42),
      oorspronkelijkBedrag: new Decimal(x.openstaand).plus(x.kosten ?? 0).plus(200),
      openstaandBedrag: new Decimal(x.openstaand),
      kosten: new Decimal(x.kosten ?? '0'),
      status: SchuldStatus.OPEN,
      statusSinds: addDays(tv.dagtekening, 60),
      gepauzeerd: false,
    } as never);
  });
  await em.flush();
  return { ...built, token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }), mine, gids: mine.map((s) => toGlobalId('Schuld', s.id)) };
}

const REGELING = `mutation($input: RequestStandaardBetalingsregelingInput!) { requestStandaardBetalingsregeling(input: $input) {
  betalingsregeling { id betalingskenmerk termijnen { volgnummer vervaldatum bedrag } } userErrors { code } } }`;
const REGELING_FIELDS = `id status betalingskenmerk bijOpDatum achterstand aantalGemisteTermijnen herinnerdOp afgeslotenOp
  volgendeTermijn: volgendeBetaling { volgnummer vervaldatum bedrag }
  betaalpauze { vanaf tot reden } gemisteTermijnen { volgnummer gemistOp }
  termijnen { volgnummer vervaldatum bedrag betaaldBedrag betaaldOp gemistOp }
  betalingen { bankReferentie bedrag toegerekend overschot bron schulden { schuldId kosten hoofdsom } termijnen { volgnummer bedrag } }
  schulden { id status openstaandBedrag kosten }`;
const REGISTER = `mutation($input: RegisterBetalingInput!) { registerBetaling(input: $input) {
  alGeregistreerd betaling { bankReferentie bedrag toegerekend overschot schulden { schuldId kosten hoofdsom } termijnen { volgnummer bedrag } }
  betalingsregeling { ${REGELING_FIELDS} } userErrors { code field } } }`;
const NODE_REGELING = `query($id: ID!) { node(id: $id) { ... on Betalingsregeling { ${REGELING_FIELDS} } } }`;
const PAUZE = `mutation($input: GrantBetaalpauzeInput!) { grantBetaalpauze(input: $input) { betalingsregeling { ${REGELING_FIELDS} } userErrors { code field } } }`;

async function regeling(f: Fixture, gids = f.gids) {
  const r = await app.gql<any, any>(REGELING, { input: { householdId: toGlobalId('Household', f.household.id), schuldIds: gids } }, medewerker);
  expect(r.data.requestStandaardBetalingsregeling.userErrors).toEqual([]);
  return r.data.requestStandaardBetalingsregeling.betalingsregeling as { id: string; betalingskenmerk: string; termijnen: Array<{ volgnummer: number; vervaldatum: string; bedrag: string }> };
}
const pay = (input: Record<string, unknown>, token = medewerker) => app.gql<any, any>(REGISTER, { input: { datum: today, ...input } }, token);
const node = async (id: string) => (await app.gql<any, any>(NODE_REGELING, { id }, medewerker)).data.node;
const ref = () => `NL-TX-${randomUUID().slice(0, 18)}`;

async function counts(householdId: string) {
  const [row] = await sql(
    `select (select count(*)::int from betaling where household_id = ?) as betalingen,
            (select count(*)::int from schuld_event where household_id = ?) as events,
            (select count(*)::int from verrekening where household_id = ?) as verrekeningen,
            (select string_agg(id || ':' || status || ':' || openstaand_bedrag || ':' || kosten || ':' || version, ',' order by id) from schuld where household_id = ?) as schulden,
            (select string_agg(id || ':' || status || ':' || version, ',' order by id) from betalingsregeling where household_id = ?) as regelingen,
            (select string_agg(id || ':' || verrekend_maandbedrag || ':' || version, ',' order by id) from toeslag where household_id = ?) as toeslagen`,
    Array(6).fill(householdId),
  );
  return row;
}

describe('registerBetaling: allocation, closing, idempotence', () => {
  it('worked example: €60 on a regeling over two schulden pays the oldest schuld costs-first, termijnen oldest first', async () => {
    const f = await household([
      { openstaand: '30.00', kosten: '8.00', vervaldatum: '2024-01-10' },
      { openstaand: '50.00', vervaldatum: '2024-06-10' },
    ]);
    const reg = await regeling(f);
    // total 88.00 → 20.00 × 4 + 8.00
    expect(reg.termijnen.map((t) => t.bedrag)).toEqual(['20.00', '20.00', '20.00', '20.00', '8.00']);
    const trace = randomUUID().replace(/-/g, '');
    const r = await app.gql<any, any>(REGISTER, { input: { betalingsregelingId: reg.id, bedrag: '60.00', datum: today, bankReferentie: 'TX-0001-A' } }, medewerker, {
      traceparent: `00-${trace}-00f067aa0ba902b7-01`,
    });
    expect(r.errors).toBeUndefined();
    const p = r.data.registerBetaling;
    expect(p.userErrors).toEqual([]);
    expect(p.alGeregistreerd).toBe(false);
    expect(p.betaling).toMatchObject({ bedrag: '60.00', toegerekend: '60.00', overschot: '0.00' });
    expect(p.betaling.schulden).toEqual([
      { schuldId: f.gids[0], kosten: '8.00', hoofdsom: '30.00' },
      { schuldId: f.gids[1], kosten: '0.00', hoofdsom: '22.00' },
    ]);
    expect(p.betaling.termijnen).toEqual([
      { volgnummer: 1, bedrag: '20.00' },
      { volgnummer: 2, bedrag: '20.00' },
      { volgnummer: 3, bedrag: '20.00' },
    ]);
    const rg = p.betalingsregeling;
    expect(rg.status).toBe('ACTIEF');
    expect(rg.volgendeTermijn).toMatchObject({ volgnummer: 4, bedrag: '20.00' });
    expect(rg.schulden.find((s: any) => s.id === f.gids[0])).toMatchObject({ status: 'VOLDAAN', openstaandBedrag: '0.00', kosten: '0.00' });
    expect(rg.schulden.find((s: any) => s.id === f.gids[1])).toMatchObject({ status: 'IN_BETALINGSREGELING', openstaandBedrag: '28.00' });
    const events = await sql(`select schuld_id, soort, van_status, naar_status, bedrag::text, bron from schuld_event where schuld_id = any(array[?]::uuid[]) and soort in ('BETALING', 'VOLDAAN') order by id`, [f.mine.map((s) => s.id)]);
    expect(events).toEqual([
      { schuld_id: f.mine[0].id, soort: 'BETALING', van_status: null, naar_status: null, bedrag: '38.00', bron: 'MEDEWERKER' },
      { schuld_id: f.mine[0].id, soort: 'VOLDAAN', van_status: 'IN_BETALINGSREGELING', naar_status: 'VOLDAAN', bedrag: null, bron: 'MEDEWERKER' },
      { schuld_id: f.mine[1].id, soort: 'BETALING', van_status: null, naar_status: null, bedrag: '22.00', bron: 'MEDEWERKER' },
    ]);
    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ household_id: f.household.id, operation_type: 'write', processing_activity_id: 'medewerker-zaakbehandeling', actor_role: 'MEDEWERKER' });
    expect(log[0].resources as string[]).toEqual(expect.arrayContaining(['Betaling', 'Schuld', 'SchuldEvent', 'Termijn']));

    // The same bank transaction again: the earlier payment, nothing written.
    const before = await counts(f.household.id);
    const again = await pay({ betalingsregelingId: reg.id, bedrag: '60.00', bankReferentie: 'TX-0001-A' });
    expect(again.data.registerBetaling).toMatchObject({ alGeregistreerd: true, userErrors: [], betaling: { bankReferentie: 'TX-0001-A', toegerekend: '60.00' } });
    expect(await counts(f.household.id)).toEqual(before);
    // The same reference for something else is refused, nothing written.
    const other = await pay({ betalingsregelingId: reg.id, bedrag: '5.00', bankReferentie: 'TX-0001-A' });
    expect(other.data.registerBetaling).toMatchObject({ betaling: null, userErrors: [{ code: 'BANKREFERENTIE_IN_GEBRUIK', field: ['input', 'bankReferentie'] }] });
    expect(await counts(f.household.id)).toEqual(before);

    // The rest, plus €2.50 too much: everything VOLDAAN, the excess kept as a credit.
    const last = await pay({ betalingsregelingId: reg.id, bedrag: '30.50', bankReferentie: 'TX-0001-B' });
    expect(last.data.registerBetaling.betaling).toMatchObject({ toegerekend: '28.00', overschot: '2.50' });
    expect(last.data.registerBetaling.betalingsregeling).toMatchObject({ status: 'VOLDAAN', afgeslotenOp: today, volgendeTermijn: null, achterstand: '0.00' });
    expect(last.data.registerBetaling.betalingsregeling.betalingen.map((b: any) => b.bankReferentie)).toEqual(['TX-0001-A', 'TX-0001-B']);
    const [s1] = await sql(`select status from schuld where id = ?`, [f.mine[1].id]);
    expect(s1.status).toBe('VOLDAAN');
    // A VOLDAAN regeling takes no more payments.
    const closed = await pay({ betalingsregelingId: reg.id, bedrag: '1.00', bankReferentie: ref() });
    expect(closed.data.registerBetaling.userErrors).toEqual([{ code: 'REGELING_NIET_ACTIEF', field: ['input', 'betalingsregelingId'] }]);
  });

  it('a payment on a schuld outside any regeling: costs first, then principal, VOLDAAN when paid', async () => {
    const f = await household([{ openstaand: '100.00', kosten: '8.00' }]);
    const r1 = await pay({ schuldId: f.gids[0], bedrag: '10.00', bankReferentie: ref() });
    expect(r1.data.registerBetaling).toMatchObject({ userErrors: [], betalingsregeling: null, betaling: { schulden: [{ kosten: '8.00', hoofdsom: '2.00' }] } });
    const r2 = await pay({ schuldId: f.gids[0], bedrag: '98.00', bankReferentie: ref() });
    expect(r2.data.registerBetaling.userErrors).toEqual([]);
    const [s] = await sql(`select status, openstaand_bedrag::text, kosten::text from schuld where id = ?`, [f.mine[0].id]);
    expect(s).toEqual({ status: 'VOLDAAN', openstaand_bedrag: '0.00', kosten: '0.00' });
    const again = await pay({ schuldId: f.gids[0], bedrag: '1.00', bankReferentie: ref() });
    expect(again.data.registerBetaling.userErrors).toEqual([{ code: 'SCHULD_AL_BETAALD', field: ['input', 'schuldId'] }]);
  });

  it.each([
    ['zero amount', { bedrag: '0.00' }, 'bedrag'],
    ['a future date', { datum: addDays(today, 1) }, 'datum'],
    ['a BSN in the reference', { bankReferentie: 'betaling 111222333' }, 'bankReferentie'],
  ])('%s is BETALING_ONGELDIG and writes nothing', async (_, over, field) => {
    const f = await household([{ openstaand: '100.00' }]);
    const before = await counts(f.household.id);
    const r = await pay({ schuldId: f.gids[0], bedrag: '10.00', bankReferentie: ref(), ...over });
    expect(r.data.registerBetaling).toMatchObject({ betaling: null, userErrors: [{ code: 'BETALING_ONGELDIG', field: ['input', field] }] });
    expect(await counts(f.household.id)).toEqual(before);
  });

  it('BURGER, INTERMEDIAIR (even with HANDELEN), GEMEENTE and KOO are FORBIDDEN for registerBetaling and grantBetaalpauze; nothing written', async () => {
    const f = await household([{ openstaand: '100.00' }]);
    const reg = await regeling(f);
    const em = app.em();
    em.create(Machtiging, { household: f.household.id, organisationId: personas.intermediair.org, scope: MachtigingScope.HANDELEN, status: MachtigingOpslagStatus.ACTIEF, geldigTot: addMonths(today, 12) } as never);
    await em.flush();
    const before = await counts(f.household.id);
    for (const token of [f.token, await app.token({ ...personas.intermediair }), await app.token({ ...personas.gemeente }), await app.token({ ...personas.koo })]) {
      expect(codes(await pay({ schuldId: f.gids[0], bedrag: '10.00', bankReferentie: ref() }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(PAUZE, { input: { betalingsregelingId: reg.id, tot: addMonths(today, 2), reden: 'ziekte' } }, token))).toEqual(['FORBIDDEN']);
    }
    expect(await counts(f.household.id)).toEqual(before);
  });

  it('concurrency: 4 truly parallel registrations of the same bank transaction store it exactly once, 10 times', async () => {
    // 4 requests: each waits for the row lock holding one of the test app's 5 pool connections.
    const LEAN = `mutation($input: RegisterBetalingInput!) { registerBetaling(input: $input) { alGeregistreerd betaling { bankReferentie } userErrors { code } } }`;
    for (let round = 0; round < 10; round++) {
      const f = await household([{ openstaand: '100.00' }, { openstaand: '80.00' }]);
      const reg = await regeling(f);
      const reference = ref();
      const results = await Promise.all(
        Array.from({ length: 4 }, () => app.gql<any, any>(LEAN, { input: { betalingsregelingId: reg.id, bedrag: '25.00', datum: today, bankReferentie: reference } }, medewerker)),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const payloads = results.map((r) => r.data.registerBetaling);
      expect(payloads.filter((p) => p.alGeregistreerd === false && p.betaling)).toHaveLength(1);
      expect(payloads.every((p) => p.betaling?.bankReferentie === reference && p.userErrors.length === 0)).toBe(true);
      const [row] = await sql(`select count(*)::int as n, sum(bedrag)::text as som from betaling where bank_referentie = ?`, [reference]);
      expect(row).toEqual({ n: 1, som: '25.00' });
      const [t] = await sql(`select sum(betaald_bedrag)::text as betaald from termijn where betalingsregeling_id = (select betalingsregeling_id from betaling where bank_referentie = ?)`, [reference]);
      expect(t.betaald).toBe('25.00');
      const [s] = await sql(`select sum(openstaand_bedrag)::text as open from schuld where id = any(array[?]::uuid[])`, [f.mine.map((x) => x.id)]);
      expect(s.open).toBe('155.00');
    }
  });
});

describe('bank-statement import', () => {
  it('books lines by betalingskenmerk, idempotent by reference, reports per-line errors, logs as SYSTEEM', async () => {
    const f = await household([{ openstaand: '100.00' }]);
    const g = await household([{ openstaand: '40.00' }, { openstaand: '60.00' }]);
    const reg = await regeling(g);
    const [schuldKenmerk] = (await app.gql<any, any>(`query($id: ID!) { node(id: $id) { ... on Schuld { betalingskenmerk } } }`, { id: f.gids[0] }, medewerker)).data.node.betalingskenmerk.split(' ');
    const r1 = ref();
    const r2 = ref();
    const tekst = [
      'bankreferentie;datum;bedrag;betalingskenmerk',
      `${r1};${today};25,00;${schuldKenmerk}`,
      `${r2};${today};20.00;${reg.betalingskenmerk}`,
      `${ref()};${today};10.00;1234567890123456`,
      `${ref()};2099-01-01;10.00;${schuldKenmerk}`,
      'kapot',
    ].join('\n');
    const res = await importBetalingen(app.em(), { tekst, pseudonymise, clock: app.clock });
    expect(res).toMatchObject({ regels: 5, geboekt: 2, alGeregistreerd: 0, overschot: '0.00' });
    expect(res.fouten.map((x) => [x.regel, x.code]).sort()).toEqual([
      [3, 'KENMERK_ONGELDIG'],
      [4, 'BETALING_ONGELDIG'],
      [5, 'REGEL_ONGELDIG'],
    ]);
    const [s] = await sql(`select openstaand_bedrag::text from schuld where id = ?`, [f.mine[0].id]);
    expect(s.openstaand_bedrag).toBe('75.00');
    const log = await sql(`select household_id, actor_role, processing_activity_id, operation_type from access_log_entry where operation_name = 'betalingen:import' and household_id = any(array[?]::uuid[]) order by household_id`, [[f.household.id, g.household.id]]);
    expect(log).toHaveLength(2);
    expect(log.every((l) => l.actor_role === 'SYSTEEM' && l.processing_activity_id === 'betalingen-verwerken' && l.operation_type === 'write')).toBe(true);
    // The same statement again books nothing.
    const again = await importBetalingen(app.em(), { tekst, pseudonymise, clock: app.clock });
    expect(again).toMatchObject({ geboekt: 0, alGeregistreerd: 2 });
    const [n] = await sql(`select count(*)::int as n from betaling where bank_referentie in (?, ?)`, [r1, r2]);
    expect(n.n).toBe(2);
  });
});

/** What the daily step did to this household's schulden: event kinds with their count (other tests' data may change too). */
async function stepEvents(f: { mine: Schuld[] }, since: number): Promise<Record<string, number>> {
  const rows = await sql<{ soort: string; n: number }>(
    `select soort, count(*)::int as n from schuld_event where schuld_id = any(array[?]::uuid[]) and bron = 'INVORDERING' and id > ? group by soort order by soort`,
    [f.mine.map((x) => x.id), since],
  );
  return Object.fromEntries(rows.map((r) => [r.soort, r.n]));
}
const lastEvent = async () => Number((await sql<{ m: string }>(`select coalesce(max(id), 0)::text as m from schuld_event`))[0].m);

describe('daily step: missed termijnen', () => {
  it('first miss shifts a month, second a reminder, continued non-payment ends it and collection resumes; idempotent per date', async () => {
    const f = await household([{ openstaand: '100.00' }]);
    const reg = await regeling(f);
    const t1 = reg.termijnen[0].vervaldatum;
    const step = async (datum: string) => {
      const since = await lastEvent();
      const r = await runBetalingStappen(app.em(), { ...runOn(datum), pseudonymise });
      expect(r.fouten).toEqual([]);
      return stepEvents(f, since);
    };
    // Within 14 days of the vervaldatum nothing happens.
    expect(await step(addDays(t1, 14))).toEqual({});
    // First miss: shift.
    const d1 = addDays(t1, 15);
    expect(await step(d1)).toEqual({ TERMIJN_VERSCHOVEN: 1 });
    expect(await step(d1)).toEqual({});
    let n = await node(reg.id);
    expect(n.aantalGemisteTermijnen).toBe(1);
    expect(n.termijnen.map((t: any) => t.vervaldatum)).toEqual(reg.termijnen.map((t) => addMonths(t.vervaldatum, 1)));
    expect(n.termijnen.reduce((s: Decimal, t: any) => s.plus(t.bedrag), new Decimal(0)).toFixed(2)).toBe('100.00');
    expect(n.gemisteTermijnen).toEqual([{ volgnummer: 1, gemistOp: d1 }]);
    // Second miss (the shifted termijn 1 again unpaid): a reminder.
    const d2 = addDays(addMonths(t1, 1), 15);
    expect(await step(d2)).toEqual({ REGELING_HERINNERING: 1 });
    expect(await step(d2)).toEqual({});
    n = await node(reg.id);
    expect(n).toMatchObject({ status: 'ACTIEF', herinnerdOp: d2, aantalGemisteTermijnen: 2 });
    expect(n.gemisteTermijnen).toEqual([{ volgnummer: 1, gemistOp: d2 }]);
    // Still unpaid 28 days later: ended, the schuld back into the chain (HERINNERD from today).
    expect(await step(addDays(d2, 27))).toEqual({});
    const d3 = addDays(d2, 28);
    expect(await step(d3)).toEqual({ REGELING_BEEINDIGD: 1 });
    expect(await step(d3)).toEqual({});
    n = await node(reg.id);
    expect(n).toMatchObject({ status: 'BEEINDIGD', afgeslotenOp: d3 });
    const [s] = await sql(`select status, status_sinds::text from schuld where id = ?`, [f.mine[0].id]);
    expect(s).toEqual({ status: 'HERINNERD', status_sinds: d3 });
    const events = await sql(`select soort, datum::text, van_status, naar_status, bron from schuld_event where schuld_id = ? and soort in ('TERMIJN_VERSCHOVEN', 'REGELING_HERINNERING', 'REGELING_BEEINDIGD') order by id`, [f.mine[0].id]);
    expect(events).toEqual([
      { soort: 'TERMIJN_VERSCHOVEN', datum: d1, van_status: null, naar_status: null, bron: 'INVORDERING' },
      { soort: 'REGELING_HERINNERING', datum: d2, van_status: null, naar_status: null, bron: 'INVORDERING' },
      { soort: 'REGELING_BEEINDIGD', datum: d3, van_status: 'IN_BETALINGSREGELING', naar_status: 'HERINNERD', bron: 'INVORDERING' },
    ]);
    const log = await sql(`select count(*)::int as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM' and processing_activity_id = 'invordering-schulden' and operation_type = 'write'`, [f.household.id]);
    expect(log[0].n).toBe(3);
  });

  it('a betaalpauze: termijnen shift after it, no miss counts during it', async () => {
    const f = await household([{ openstaand: '100.00' }]);
    const reg = await regeling(f);
    const tot = addDays(addMonths(reg.termijnen[0].vervaldatum, 1), 10); // covers termijnen 1 and 2
    const before = await counts(f.household.id);
    const bad = await app.gql<any, any>(PAUZE, { input: { betalingsregelingId: reg.id, tot: addMonths(today, 12), reden: 'ziekte' } }, medewerker);
    expect(bad.data.grantBetaalpauze.userErrors).toEqual([{ code: 'BETAALPAUZE_ONGELDIG', field: ['input', 'tot'] }]);
    expect(await counts(f.household.id)).toEqual(before);
    const r = await app.gql<any, any>(PAUZE, { input: { betalingsregelingId: reg.id, tot, reden: 'ziekenhuisopname' } }, medewerker);
    expect(r.data.grantBetaalpauze.userErrors).toEqual([]);
    const n = r.data.grantBetaalpauze.betalingsregeling;
    expect(n.betaalpauze).toEqual({ vanaf: today, tot, reden: 'ziekenhuisopname' });
    expect(n.termijnen.map((t: any) => t.vervaldatum)).toEqual(reg.termijnen.map((t) => addMonths(t.vervaldatum, 2)));
    expect(n.termijnen[0].vervaldatum > tot).toBe(true);
    const [e] = await sql(`select soort, bron from schuld_event where schuld_id = ? and soort = 'BETAALPAUZE'`, [f.mine[0].id]);
    expect(e).toEqual({ soort: 'BETAALPAUZE', bron: 'MEDEWERKER' });
    // During the pause nothing counts, even though (in the shifted schedule) nothing is due yet anyway;
    // after it, the first termijn missed counts as the first miss.
    const step = async (datum: string) => {
      const since = await lastEvent();
      await runBetalingStappen(app.em(), { ...runOn(datum), pseudonymise });
      return stepEvents(f, since);
    };
    expect(await step(tot)).toEqual({});
    expect(await step(addDays(n.termijnen[0].vervaldatum, 15))).toEqual({ TERMIJN_VERSCHOVEN: 1 });
  });
});

const VERREKEN = `mutation($input: RequestVerrekeningInput!) { requestVerrekening(input: $input) {
  verrekening { id soort status maandbedrag ingangsdatum verrekendBedrag schuld { id status } toeslag { id verrekendMaandbedrag uitTeBetalenVoorschot } }
  beslagvrijeVoet { bedrag ruimte geldigTot regels { code bedrag } } userErrors { code field } } }`;
const UNDO = `mutation($input: UndoVerrekeningInput!) { undoVerrekening(input: $input) { verrekening { id status verrekendBedrag } userErrors { code field } } }`;

async function lopend(f: Fixture, soort: ToeslagSoort, voorschot: string, berekeningsjaar = 2090 + Math.floor(Math.random() * 9)) {
  const em = app.em();
  // The factory may already have made this household's toeslag of that soort and year: make it the running one.
  const existing = await em.findOne(Toeslag, { household: f.household.id, soort, berekeningsjaar });
  if (existing) {
    Object.assign(existing, { status: ToeslagStatus.VOORLOPIG_TOEGEKEND, berekendVoorschotMaandbedrag: new Decimal(voorschot), voorschotMaandbedrag: new Decimal(voorschot), verrekendMaandbedrag: new Decimal(0) });
    await em.flush();
    return toGlobalId('Toeslag', existing.id);
  }
  const t = em.create(Toeslag, {
    household: f.household.id,
    soort,
    berekeningsjaar,
    status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
    berekendVoorschotMaandbedrag: new Decimal(voorschot),
    voorschotMaandbedrag: new Decimal(voorschot),
  } as never);
  await em.flush();
  return toGlobalId('Toeslag', t.id);
}

describe('verrekening and the beslagvrije voet', () => {
  // Alleenstaande, income 1500.00: voet = 95 % × 1401.50 = 1331.43 (rounded up) → room 168.57 a month.
  const base = { huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00' };

  it('calculateBeslagvrijeVoet shows the calculation line by line', async () => {
    const r = await app.gql<any, any>(`query($input: BeslagvrijeVoetInput!) { calculateBeslagvrijeVoet(input: $input) { bedrag ruimte regels { code bedrag } } }`, { input: { ...base, datum: '2026-03-01' } }, medewerker);
    expect(r.data.calculateBeslagvrijeVoet).toMatchObject({ bedrag: '1331.43', ruimte: '168.57' });
    expect(r.data.calculateBeslagvrijeVoet.regels.map((x: any) => x.code)).toEqual(['BASIS', 'WOONLASTEN', 'ZORG', 'PLAFOND', 'BESLAGVRIJE_VOET', 'RUIMTE']);
  });

  it('calculateBeslagvrijeVoet before the first normhuur and normpremie is NORM_ONBEKEND on input.datum, naming 1 januari 2026', async () => {
    const r = await app.gql<any, any>(`query($input: BeslagvrijeVoetInput!) { calculateBeslagvrijeVoet(input: $input) { bedrag } }`, { input: { ...base, datum: '2025-06-01' } }, medewerker);
    expect(r.data).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({
      code: 'NORM_ONBEKEND',
      field: 'input.datum',
      beschikbaarVanaf: '2026-01-01',
      normen: ['NORMHUUR', 'MAXIMALE_HUURGRENS', 'NORMPREMIE_ALLEENSTAANDE'],
    });
    expect(r.errors![0].message).toContain('vanaf 1 januari 2026');
  });

  it('never below the beslagvrije voet: the boundary cent is allowed, one cent more is refused and writes nothing', async () => {
    const f = await household([{ openstaand: '900.00' }, { openstaand: '50.00' }]);
    const toeslagId = await lopend(f, ToeslagSoort.HUURTOESLAG, '400.00');
    const before = await counts(f.household.id);
    const over = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId, maandbedrag: '168.58' } }, f.token);
    expect(over.data.requestVerrekening).toMatchObject({ verrekening: null, userErrors: [{ code: 'ONDER_BESLAGVRIJE_VOET', field: ['input', 'maandbedrag'] }], beslagvrijeVoet: { bedrag: '1331.43', ruimte: '168.57' } });
    expect(await counts(f.household.id)).toEqual(before);
    const ok = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId, maandbedrag: '168.57' } }, f.token);
    expect(ok.data.requestVerrekening.userErrors).toEqual([]);
    expect(ok.data.requestVerrekening.verrekening).toMatchObject({
      soort: 'OP_VERZOEK',
      status: 'ACTIEF',
      maandbedrag: '168.57',
      schuld: { status: 'VERREKEND' },
      toeslag: { verrekendMaandbedrag: '168.57', uitTeBetalenVoorschot: '231.43' },
    });
    // The room is used up: the household's other schuld cannot be set off as well.
    const none = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[1], toeslagId } }, f.token);
    expect(none.data.requestVerrekening.userErrors).toEqual([{ code: 'ONDER_BESLAGVRIJE_VOET', field: ['input', 'inkomen'] }]);
  });

  it('undo restores the voorschot and the schuld (also what was already set off); MEDEWERKER only', async () => {
    const f = await household([{ openstaand: '300.00', kosten: '8.00' }]);
    const toeslagId = await lopend(f, ToeslagSoort.ZORGTOESLAG, '100.00');
    const r = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId } }, medewerker);
    const v = r.data.requestVerrekening.verrekening;
    expect(v.maandbedrag).toBe('100.00'); // limited by the voorschot
    // Two months booked by the daily step: 8.00 costs + 92.00, then 100.00.
    const ingang = v.ingangsdatum;
    let since = await lastEvent();
    await runBetalingStappen(app.em(), { ...runOn(addMonths(ingang, 1)), pseudonymise });
    expect(await stepEvents(f, since)).toEqual({ VERREKENING: 2 });
    const [mid] = await sql(`select status, openstaand_bedrag::text, kosten::text from schuld where id = ?`, [f.mine[0].id]);
    expect(mid).toEqual({ status: 'VERREKEND', openstaand_bedrag: '108.00', kosten: '0.00' });
    since = await lastEvent();
    await runBetalingStappen(app.em(), { ...runOn(addMonths(ingang, 1)), pseudonymise });
    expect(await stepEvents(f, since)).toEqual({});

    expect(codes(await app.gql(UNDO, { input: { verrekeningId: v.id, reden: 'onder de beslagvrije voet' } }, f.token))).toEqual(['FORBIDDEN']);
    const u = await app.gql<any, any>(UNDO, { input: { verrekeningId: v.id, reden: 'burger toont aan dat het inkomen lager is' } }, medewerker);
    expect(u.errors).toBeUndefined();
    expect(u.data.undoVerrekening).toMatchObject({ userErrors: [], verrekening: { status: 'ONGEDAAN', verrekendBedrag: '200.00' } });
    const [s] = await sql(`select status, openstaand_bedrag::text, kosten::text from schuld where id = ?`, [f.mine[0].id]);
    expect(s).toEqual({ status: 'OPEN', openstaand_bedrag: '300.00', kosten: '8.00' });
    const [t] = await sql(`select verrekend_maandbedrag::text from toeslag where id = ?`, [v.toeslag.id ? Buffer.from(v.toeslag.id, 'base64url').toString().split(':')[1] : '']);
    expect(t.verrekend_maandbedrag).toBe('0.00');
    const again = await app.gql<any, any>(UNDO, { input: { verrekeningId: v.id, reden: 'nogmaals' } }, medewerker);
    expect(again.data.undoVerrekening.userErrors).toEqual([{ code: 'VERREKENING_NIET_ACTIEF', field: ['input', 'verrekeningId'] }]);
  });

  it('automatic set-off: only against a voorschot of the SAME toeslag type, only with a valid beslagvrije voet, at no cost', async () => {
    const f = await household([
      { openstaand: '500.00', soort: ToeslagSoort.HUURTOESLAG, vervaldatum: '2024-01-01' },
      { openstaand: '500.00', soort: ToeslagSoort.KINDGEBONDEN_BUDGET, vervaldatum: '2024-01-01' },
    ]);
    await lopend(f, ToeslagSoort.HUURTOESLAG, '150.00');
    const run = (datum: string) => runBetalingStappen(app.em(), { ...runOn(datum), pseudonymise });
    const datum = addDays(today, 1);
    // No beslagvrije voet known yet: nothing.
    await run(datum);
    expect((await sql(`select count(*)::int as n from verrekening where household_id = ?`, [f.household.id]))[0].n).toBe(0);
    // A determination (stored by a request on another schuld of the household, here directly).
    await sql(
      `insert into beslagvrije_voet (id, household_id, datum, geldig_tot, huishoudtype, inkomen, bedrag, ruimte, regels) values (?, ?, ?, ?, 'ALLEENSTAANDE', 1500, 1331.43, 168.57, '[]'::jsonb)`,
      [randomUUID(), f.household.id, today, addMonths(today, 12)],
    );
    const since = await lastEvent();
    await run(datum);
    expect(await stepEvents(f, since)).toEqual({ VERREKENING_GESTART: 1 });
    const rows = await sql(`select v.soort, v.maandbedrag::text, s.id as schuld_id, s.status, s.kosten::text from verrekening v join schuld s on s.id = v.schuld_id where v.household_id = ?`, [f.household.id]);
    expect(rows).toEqual([{ soort: 'AMBTSHALVE', maandbedrag: '150.00', schuld_id: f.mine[0].id, status: 'VERREKEND', kosten: '0.00' }]);
    const [other] = await sql(`select status from schuld where id = ?`, [f.mine[1].id]);
    expect(other.status).toBe('OPEN');
    const since2 = await lastEvent();
    await run(datum);
    expect(await stepEvents(f, since2)).toEqual({});
  });
});

describe('year boundaries: a set-off only against voorschotten that will still be paid', () => {
  const base = { huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00' };
  afterEach(() => app.clock.set(TEST_TODAY));
  const verrekeningen = (f: Fixture) => sql(`select status, ingangsdatum::text, laatste_maand::text from verrekening where household_id = ?`, [f.household.id]);

  it.each(['2026-12-01', '2026-12-31'])('on %s a request against this year\'s toeslag is refused with its own code; next year\'s is accepted from January', async (dag) => {
    app.clock.set(dag);
    const f = await household([{ openstaand: '300.00' }]);
    const dezeJaar = await lopend(f, ToeslagSoort.ZORGTOESLAG, '100.00', 2026);
    const volgendJaar = await lopend(f, ToeslagSoort.ZORGTOESLAG, '100.00', 2027);
    const before = await counts(f.household.id);
    const refused = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId: dezeJaar } }, f.token);
    expect(refused.data.requestVerrekening).toMatchObject({ verrekening: null, userErrors: [{ code: 'VOORSCHOT_JAAR_VOORBIJ', field: ['input', 'toeslagId'] }] });
    expect(await counts(f.household.id)).toEqual(before);
    const ok = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId: volgendJaar } }, f.token);
    expect(ok.data.requestVerrekening).toMatchObject({ userErrors: [], verrekening: { status: 'ACTIEF', ingangsdatum: '2027-01-01' } });
  });

  it('mid-year a request against the running year\'s toeslag starts next month', async () => {
    app.clock.set('2026-06-15');
    const f = await household([{ openstaand: '300.00' }]);
    const toeslagId = await lopend(f, ToeslagSoort.ZORGTOESLAG, '100.00', 2026);
    const ok = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId } }, f.token);
    expect(ok.data.requestVerrekening).toMatchObject({ userErrors: [], verrekening: { ingangsdatum: '2026-07-01' } });
  });

  it('the engine books no month past the toeslag\'s year; when the year is over the set-off ends and collection resumes', async () => {
    app.clock.set('2026-11-10');
    const f = await household([{ openstaand: '500.00' }]);
    const toeslagId = await lopend(f, ToeslagSoort.ZORGTOESLAG, '100.00', 2026);
    const r = await app.gql<any, any>(VERREKEN, { input: { ...base, schuldId: f.gids[0], toeslagId } }, f.token);
    expect(r.data.requestVerrekening.verrekening).toMatchObject({ ingangsdatum: '2026-12-01', maandbedrag: '100.00' });
    const since = await lastEvent();
    // The run of 5 January books December (paid in 2026) and nothing of 2027 (never paid by this toeslag).
    await runBetalingStappen(app.em(), { ...runOn('2027-01-05'), pseudonymise });
    expect(await stepEvents(f, since)).toEqual({ VERREKENING: 1, VERREKENING_JAAR_AFGELOPEN: 1 });
    expect(await verrekeningen(f)).toEqual([{ status: 'JAAR_AFGELOPEN', ingangsdatum: '2026-12-01', laatste_maand: '2026-12-01' }]);
    const [s] = await sql(`select status, openstaand_bedrag::text from schuld where id = ?`, [f.mine[0].id]);
    expect(s).toEqual({ status: 'OPEN', openstaand_bedrag: '400.00' });
    const [t] = await sql(`select verrekend_maandbedrag::text from toeslag where id = ?`, [Buffer.from(toeslagId, 'base64url').toString().split(':')[1]]);
    expect(t.verrekend_maandbedrag).toBe('0.00');
  });

  it('the automatic set-off in December takes next year\'s voorschot of the same type, never this year\'s', async () => {
    const f = await household([{ openstaand: '500.00', soort: ToeslagSoort.HUURTOESLAG, vervaldatum: '2024-01-01' }]);
    const dezeJaar = await lopend(f, ToeslagSoort.HUURTOESLAG, '150.00', 2026);
    await sql(
      `insert into beslagvrije_voet (id, household_id, datum, geldig_tot, huishoudtype, inkomen, bedrag, ruimte, regels) values (?, ?, '2026-12-01', '2027-11-30', 'ALLEENSTAANDE', 1500, 1331.43, 168.57, '[]'::jsonb)`,
      [randomUUID(), f.household.id],
    );
    await runBetalingStappen(app.em(), { ...runOn('2026-12-10'), pseudonymise });
    expect(await verrekeningen(f)).toEqual([]);
    const volgendJaar = await lopend(f, ToeslagSoort.HUURTOESLAG, '150.00', 2027);
    await runBetalingStappen(app.em(), { ...runOn('2026-12-11'), pseudonymise });
    const rows = await sql(`select toeslag_id, ingangsdatum::text from verrekening where household_id = ?`, [f.household.id]);
    expect(rows).toEqual([{ toeslag_id: Buffer.from(volgendJaar, 'base64url').toString().split(':')[1], ingangsdatum: '2027-01-01' }]);
    expect(rows[0].toeslag_id).not.toBe(Buffer.from(dezeJaar, 'base64url').toString().split(':')[1]);
  });
});

describe('wiring', () => {
  it('runInvordering runs the issue-4 steps once and reports them (last test: it moves every schuld of this database)', async () => {
    const f = await household([{ openstaand: '100.00' }]);
    const reg = await regeling(f);
    const datum = addDays(reg.termijnen[0].vervaldatum, 15);
    const r = await runInvordering(app.em(), { ...runOn(datum), pseudonymise });
    expect(r.betalingsregelingen?.fouten).toEqual([]);
    expect(r.betalingsregelingen?.acties.TERMIJN_VERSCHOVEN).toBeGreaterThanOrEqual(1);
    expect((await node(reg.id)).aantalGemisteTermijnen).toBe(1);
  });
});

describe('the engine acts only on days that have come', () => {
  it('refuses a run date after today, unless the caller says it is a replay', async () => {
    const clock = testClock('2026-12-31');
    await expect(runInvordering(app.em(), { datum: '2027-01-01', clock, pseudonymise })).rejects.toThrow(/after today \(2026-12-31\)/);
    expect((await sql(`select count(*)::int as n from invordering_run where datum = '2027-01-01'`))[0].n).toBe(0);
    // A replay says so; far ahead, so no earlier run of this file's database is later.
    await expect(runInvordering(app.em(), { datum: '2099-01-01', clock, pseudonymise })).rejects.toThrow(/after today/);
    await expect(runInvordering(app.em(), { datum: '2099-01-01', clock, pseudonymise, allowFutureDate: true })).resolves.toMatchObject({ datum: '2099-01-01' });
  });
});
