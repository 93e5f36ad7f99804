import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import {
  DecideMatigingDocument,
  DecideZienswijzeDocument,
  HouseholdZaakDetailsDocument,
  RequestMatigingDocument,
  RequestStandaardBetalingsregelingDocument,
  SubmitZienswijzeDocument,
} from '../generated/graphql';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { addDays, addMonths } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// submitZienswijze / decideZienswijze and requestMatiging / decideMatiging: each
// request is a zaak for a medewerker with a deadline; a granted matiging lowers the schuld with a
// MATIGING event (to zero: KWIJTGESCHOLDEN); refusals write nothing; the citizen sees the outcome.

let app: TestApp;
let factory: Factory;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  factory = new Factory(app.em(), 7007);
});
afterAll(() => app.close());

const today = TEST_TODAY;
const traceId = () => randomUUID().replace(/-/g, '');
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> => app.em().getConnection().execute(q, params);
const medewerker = () => app.token({ ...personas.medewerker });

interface Fixture extends BuiltHousehold {
  token: string;
  householdGid: string;
  schuld: Schuld;
  schuldGid: string;
  beschikkingGid: string;
}

async function household(openstaand = '1000.00', kosten = '0', status = SchuldStatus.AANGEMAAND): Promise<Fixture> {
  const built = factory.household({ full: true, uht: false });
  const tv = built.beschikkingen.find((b) => b.soort === BeschikkingSoort.TERUGVORDERING)!;
  await factory.flush();
  const em = app.em();
  const schuld = em.create(Schuld, {
    household: built.household.id,
    toeslag: tv.toeslag.id,
    beschikking: tv.id,
    dagtekening: tv.dagtekening,
    vervaldatum: addDays(tv.dagtekening, 42),
    oorspronkelijkBedrag: new Decimal('1000.00'),
    openstaandBedrag: new Decimal(openstaand),
    kosten: new Decimal(kosten),
    status,
    statusSinds: addDays(tv.dagtekening, 90),
    gepauzeerd: false,
  } as never);
  await em.flush();
  return {
    ...built,
    token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }),
    householdGid: toGlobalId('Household', built.household.id),
    schuld,
    schuldGid: toGlobalId('Schuld', schuld.id),
    beschikkingGid: toGlobalId('Beschikking', tv.id),
  };
}

async function counts(householdId: string) {
  const [row] = await sql(
    `select (select string_agg(id || ':' || status || ':' || version, ',' order by id) from zaak where household_id = ?) as zaken,
            (select count(*)::int from schuld_event where household_id = ?) as events,
            (select string_agg(id || ':' || status || ':' || openstaand_bedrag || ':' || kosten || ':' || version, ',' order by id) from schuld where household_id = ?) as schulden,
            (select string_agg(id || ':' || status || ':' || totaal_bedrag || ':' || version, ',' order by id) from betalingsregeling where household_id = ?) as regelingen,
            (select string_agg(volgnummer || ':' || bedrag, ',' order by betalingsregeling_id, volgnummer) from termijn where household_id = ?) as termijnen`,
    Array(5).fill(householdId),
  );
  return row;
}

const matiging = (f: Fixture, token: string, reason = 'Door ziekte ben ik mijn baan kwijt; de terugvordering is onevenredig hard.') =>
  app.gql(RequestMatigingDocument, { input: { schuldId: f.schuldGid, reason } }, token);

describe('zienswijze', () => {
  it('a citizen submits a zienswijze on a schuld; it is a zaak with an answer term; the medewerker answers and the citizen sees it', async () => {
    const f = await household();
    const trace = traceId();
    const r = await app.gql(
      SubmitZienswijzeDocument,
      { input: { schuldId: f.schuldGid, text: 'Mijn inkomen was lager dan de Belastingdienst denkt.' } },
      f.token,
      { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    );
    expect(r.errors).toBeUndefined();
    const zaak = r.data!.submitZienswijze.zaak!;
    expect(zaak).toMatchObject({
      soort: 'ZIENSWIJZE',
      status: 'NIEUW',
      reden: 'Mijn inkomen was lager dan de Belastingdienst denkt.',
      uiterlijkeBeslisdatum: addDays(today, 42),
      schulden: [{ id: f.schuldGid }],
      beschikking: null,
      uitkomst: null,
    });
    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toMatchObject([{ household_id: f.household.id, operation_type: 'write', actor_role: 'BURGER' }]);
    expect(log[0].resources as string[]).toContain('Zaak');

    // A second one on the same schuld while the first is open: ZAAK_BESTAAT_AL.
    const again = await app.gql(SubmitZienswijzeDocument, { input: { schuldId: f.schuldGid, text: 'Nog iets.' } }, f.token);
    expect(again.data!.submitZienswijze.userErrors.map((e) => e.code)).toEqual(['ZAAK_BESTAAT_AL']);

    const answered = await app.gql(DecideZienswijzeDocument, { input: { zaakId: zaak.id, oordeel: 'GEGROND', antwoord: 'U hebt gelijk; wij passen de berekening aan.' } }, await medewerker());
    expect(answered.data!.decideZienswijze).toMatchObject({ userErrors: [], zaak: { status: 'AFGEROND', uitkomstSoort: 'ZIENSWIJZE_GEGROND', uitkomst: 'U hebt gelijk; wij passen de berekening aan.' } });
    const seen = await app.gql(HouseholdZaakDetailsDocument, { id: f.householdGid }, f.token);
    expect(seen.data!.household.zaken.find((z) => z.id === zaak.id)).toMatchObject({ uitkomstSoort: 'ZIENSWIJZE_GEGROND', uitkomst: 'U hebt gelijk; wij passen de berekening aan.' });
    // Answered once.
    const twice = await app.gql(DecideZienswijzeDocument, { input: { zaakId: zaak.id, oordeel: 'ONGEGROND', antwoord: 'x' } }, await medewerker());
    expect(twice.data!.decideZienswijze.userErrors.map((e) => e.code)).toEqual(['ZAAK_AFGEHANDELD']);
  });

  it('on a beschikking too; exactly one subject (BAD_USER_INPUT); an empty text is REDEN_ONGELDIG; nothing written', async () => {
    const f = await household();
    const r = await app.gql(SubmitZienswijzeDocument, { input: { beschikkingId: f.beschikkingGid, text: 'Voordat u beslist: ik woonde toen alleen.' } }, f.token);
    expect(r.data!.submitZienswijze).toMatchObject({ userErrors: [], zaak: { soort: 'ZIENSWIJZE', beschikking: { id: f.beschikkingGid }, schulden: [] } });
    const before = await counts(f.household.id);
    expect(codes(await app.gql(SubmitZienswijzeDocument, { input: { schuldId: f.schuldGid, beschikkingId: f.beschikkingGid, text: 'x' } }, f.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SubmitZienswijzeDocument, { input: { text: 'x' } }, f.token))).toEqual(['BAD_USER_INPUT']);
    const empty = await app.gql(SubmitZienswijzeDocument, { input: { schuldId: f.schuldGid, text: '   ' } }, f.token);
    expect(empty.data!.submitZienswijze).toMatchObject({ zaak: null, userErrors: [{ code: 'REDEN_ONGELDIG', field: ['input', 'text'] }] });
    expect(await counts(f.household.id)).toEqual(before);
  });
});

describe('hardheidsverzoek (matiging)', () => {
  it('a request is a HARDHEIDSVERZOEK zaak with an 8-week deadline; granted, the schuld is lowered with a MATIGING event', async () => {
    const f = await household('1000.00', '8.00');
    const r = await matiging(f, f.token);
    expect(r.errors).toBeUndefined();
    const zaak = r.data!.requestMatiging.zaak!;
    expect(zaak).toMatchObject({ soort: 'HARDHEIDSVERZOEK', status: 'NIEUW', uiterlijkeBeslisdatum: addDays(today, 56), schulden: [{ id: f.schuldGid }] });
    expect((await matiging(f, f.token)).data!.requestMatiging.userErrors.map((e) => e.code)).toEqual(['ZAAK_BESTAAT_AL']);

    const trace = traceId();
    const d = await app.gql(
      DecideMatigingDocument,
      { input: { zaakId: zaak.id, besluit: 'TOEGEWEZEN', nieuwOpenstaandBedrag: '400.00', reden: 'Bijzondere omstandigheden: langdurige ziekte.' } },
      await medewerker(),
      { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    );
    expect(d.errors).toBeUndefined();
    expect(d.data!.decideMatiging).toMatchObject({
      userErrors: [],
      zaak: { status: 'AFGEROND', uitkomstSoort: 'GEMATIGD', matiging: { oudOpenstaandBedrag: '1000.00', nieuwOpenstaandBedrag: '400.00', kwijtgescholdenKosten: '0.00' }, schulden: [{ openstaandBedrag: '400.00', status: 'AANGEMAAND' }] },
    });
    const [s] = await sql(`select openstaand_bedrag::text, kosten::text, status from schuld where id = ?`, [f.schuld.id]);
    expect(s).toEqual({ openstaand_bedrag: '400.00', kosten: '8.00', status: 'AANGEMAAND' });
    const events = await sql(`select soort, bedrag::text, bron, reden from schuld_event where schuld_id = ? and soort = 'MATIGING'`, [f.schuld.id]);
    expect(events).toEqual([{ soort: 'MATIGING', bedrag: '600.00', bron: 'MEDEWERKER', reden: expect.stringContaining('langdurige ziekte') }]);
    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toMatchObject([{ household_id: f.household.id, operation_type: 'write', actor_role: 'MEDEWERKER', processing_activity_id: 'medewerker-zaakbehandeling' }]);
    expect(log[0].resources as string[]).toEqual(expect.arrayContaining(['Zaak', 'Schuld', 'SchuldEvent']));
    const seen = await app.gql(HouseholdZaakDetailsDocument, { id: f.householdGid }, f.token);
    expect(seen.data!.household.zaken.find((z) => z.id === zaak.id)).toMatchObject({ uitkomstSoort: 'GEMATIGD', matiging: { nieuwOpenstaandBedrag: '400.00' } });
  });

  it('lowered to zero: KWIJTGESCHOLDEN, costs remitted too', async () => {
    const f = await household('250.00', '56.00');
    const zaak = (await matiging(f, f.token)).data!.requestMatiging.zaak!;
    const d = await app.gql(DecideMatigingDocument, { input: { zaakId: zaak.id, besluit: 'TOEGEWEZEN', nieuwOpenstaandBedrag: '0.00', reden: 'Schrijnend.' } }, await medewerker());
    expect(d.data!.decideMatiging).toMatchObject({ userErrors: [], zaak: { uitkomstSoort: 'KWIJTGESCHOLDEN', matiging: { kwijtgescholdenKosten: '56.00' } } });
    const [s] = await sql(`select openstaand_bedrag::text, kosten::text, status, status_sinds::text from schuld where id = ?`, [f.schuld.id]);
    expect(s).toEqual({ openstaand_bedrag: '0.00', kosten: '0.00', status: 'KWIJTGESCHOLDEN', status_sinds: today });
    expect(await sql(`select soort, van_status, naar_status, bedrag::text from schuld_event where schuld_id = ? and soort = 'KWIJTGESCHOLDEN'`, [f.schuld.id])).toEqual([
      { soort: 'KWIJTGESCHOLDEN', van_status: 'AANGEMAAND', naar_status: 'KWIJTGESCHOLDEN', bedrag: '306.00' },
    ]);
  });

  it('a schuld in an active regeling: the regeling shrinks with it and its termijnen still sum exactly', async () => {
    const f = await household('960.00', '0', SchuldStatus.OPEN);
    expect((await app.gql(RequestStandaardBetalingsregelingDocument, { input: { householdId: f.householdGid, schuldIds: [f.schuldGid] } }, f.token)).data!.requestStandaardBetalingsregeling.userErrors).toEqual([]);
    const zaak = (await matiging(f, f.token)).data!.requestMatiging.zaak!;
    const d = await app.gql(DecideMatigingDocument, { input: { zaakId: zaak.id, besluit: 'TOEGEWEZEN', nieuwOpenstaandBedrag: '500.00', reden: 'Matiging.' } }, await medewerker());
    expect(d.data!.decideMatiging.userErrors).toEqual([]);
    const [reg] = await sql<{ totaal: string; aantal: number; status: string; som: string }>(
      `select r.totaal_bedrag::text as totaal, r.aantal_termijnen as aantal, r.status, (select sum(t.bedrag)::text from termijn t where t.betalingsregeling_id = r.id) as som
         from betalingsregeling r join betalingsregeling_schuld bs on bs.betalingsregeling_id = r.id where bs.schuld_id = ?`,
      [f.schuld.id],
    );
    // 960 / 24 = 40.00 a month; 460 off the end: 11 termijnen dropped (440), the 13th down to 20.00.
    expect(reg).toEqual({ totaal: '500.00', aantal: 13, status: 'ACTIEF', som: '500.00' });
  });

  it('refusals: rejected with a reason; a higher amount, a paid schuld, no reason → userErrors, nothing written', async () => {
    const f = await household();
    const zaak = (await matiging(f, f.token)).data!.requestMatiging.zaak!;
    const before = await counts(f.household.id);
    for (const [input, code] of [
      [{ zaakId: zaak.id, besluit: 'TOEGEWEZEN', nieuwOpenstaandBedrag: '1000.00', reden: 'x' }, 'BEDRAG_ONGELDIG'],
      [{ zaakId: zaak.id, besluit: 'TOEGEWEZEN', nieuwOpenstaandBedrag: '-1.00', reden: 'x' }, 'BEDRAG_ONGELDIG'],
      [{ zaakId: zaak.id, besluit: 'TOEGEWEZEN', reden: 'x' }, 'BEDRAG_ONGELDIG'],
      [{ zaakId: zaak.id, besluit: 'AFGEWEZEN', reden: '' }, 'REDEN_ONGELDIG'],
    ] as const) {
      const r = await app.gql(DecideMatigingDocument, { input }, await medewerker());
      expect(r.data!.decideMatiging).toMatchObject({ zaak: null, userErrors: [{ code }] });
      expect(await counts(f.household.id)).toEqual(before);
    }
    const no = await app.gql(DecideMatigingDocument, { input: { zaakId: zaak.id, besluit: 'AFGEWEZEN', reden: 'Geen onvoorziene en onbedoelde gevolgen.' } }, await medewerker());
    expect(no.data!.decideMatiging).toMatchObject({ userErrors: [], zaak: { status: 'AFGEWEZEN', uitkomstSoort: 'MATIGING_AFGEWEZEN' } });
    expect(no.data!.decideMatiging.zaak!.uitkomst).toContain('Geen onvoorziene');
    const [s] = await sql(`select openstaand_bedrag::text from schuld where id = ?`, [f.schuld.id]);
    expect(s).toEqual({ openstaand_bedrag: '1000.00' });

    const paid = await household('0.00', '0', SchuldStatus.VOLDAAN);
    const beforePaid = await counts(paid.household.id);
    expect((await matiging(paid, paid.token)).data!.requestMatiging).toMatchObject({ zaak: null, userErrors: [{ code: 'SCHULD_AL_BETAALD' }] });
    expect((await matiging(paid, paid.token, ' ')).data!.requestMatiging.userErrors.map((e) => e.code)).toEqual(['SCHULD_AL_BETAALD', 'REDEN_ONGELDIG']);
    expect(await counts(paid.household.id)).toEqual(beforePaid);
  });
});

describe('reach', () => {
  it('other household, INZIEN, GEMEENTE and KOO are FORBIDDEN; only a medewerker decides; an intermediary with HANDELEN may ask', async () => {
    const f = await household();
    const other = await household();
    const em = app.em();
    em.create(Machtiging, { household: f.household.id, organisationId: personas.intermediair.org, scope: MachtigingScope.INZIEN, status: MachtigingOpslagStatus.ACTIEF, geldigTot: addMonths(today, 12) } as never);
    await em.flush();
    const before = await counts(f.household.id);
    const intermediair = await app.token({ ...personas.intermediair });
    for (const token of [other.token, intermediair, await app.token({ ...personas.gemeente }), await app.token({ ...personas.koo })]) {
      expect(codes(await matiging(f, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(SubmitZienswijzeDocument, { input: { schuldId: f.schuldGid, text: 'x' } }, token))).toEqual(['FORBIDDEN']);
    }
    expect(await counts(f.household.id)).toEqual(before);

    const zaak = (await matiging(f, f.token)).data!.requestMatiging.zaak!;
    const afterRequest = await counts(f.household.id);
    for (const token of [f.token, intermediair]) {
      expect(codes(await app.gql(DecideMatigingDocument, { input: { zaakId: zaak.id, besluit: 'AFGEWEZEN', reden: 'x' } }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(DecideZienswijzeDocument, { input: { zaakId: zaak.id, oordeel: 'GEGROND', antwoord: 'x' } }, token))).toEqual(['FORBIDDEN']);
    }
    expect(await counts(f.household.id)).toEqual(afterRequest);
    // A decision of the wrong soort.
    const wrong = await app.gql(DecideZienswijzeDocument, { input: { zaakId: zaak.id, oordeel: 'GEGROND', antwoord: 'x' } }, await medewerker());
    expect(wrong.data!.decideZienswijze.userErrors.map((e) => e.code)).toEqual(['ZAAK_SOORT_ONGELDIG']);

    em.create(Machtiging, { household: other.household.id, organisationId: personas.intermediair.org, scope: MachtigingScope.HANDELEN, status: MachtigingOpslagStatus.ACTIEF, geldigTot: addMonths(today, 12) } as never);
    await em.flush();
    const byIntermediair = await matiging(other, intermediair);
    expect(byIntermediair.data!.requestMatiging).toMatchObject({ userErrors: [], zaak: { ingediendDoorRol: 'INTERMEDIAIR', ingediendDoorOrganisatie: personas.intermediair.org } });
  });
});
