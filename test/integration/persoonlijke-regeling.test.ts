import { TEST_TODAY, runOn } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import {
  DecidePersoonlijkeBetalingsregelingDocument,
  HouseholdZaakDetailsDocument,
  RequestPersoonlijkeBetalingsregelingDocument,
  RequestStandaardBetalingsregelingDocument,
  ZakenWorklistDocument,
  type DecidePersoonlijkeBetalingsregelingMutationVariables,
  type PersoonlijkeFinancienInput,
} from '../generated/graphql';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { scheldRestantKwijt } from '../../src/modules/betalingsregeling/restant.service';
import { runInvordering } from '../../src/modules/invordering/invordering.service';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { addDays, addMonths, firstOfNextMonth } from '../../src/shared/dates';
import { fromGlobalIdOfType, toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// requestPersoonlijkeBetalingsregeling and decidePersoonlijkeBetalingsregeling: the request
// becomes a zaak with its deadline and the provisional calculation; a medewerker decides every
// bijzondere last and the outcome (STANDAARD, PERSOONLIJK, VERLENGD, GEEN_CAPACITEIT); the citizen and
// the intermediary see the zaak and its outcome; refusals write nothing; every access is logged.

let app: TestApp;
let factory: Factory;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  factory = new Factory(app.em(), 4404);
});
afterEach(() => app.clock.set(TEST_TODAY));
afterAll(() => app.close());

const today = TEST_TODAY;
const start = firstOfNextMonth(today);
const traceId = () => randomUUID().replace(/-/g, '');
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> => app.em().getConnection().execute(q, params);
const sum = (xs: Array<{ bedrag: string }>) => xs.reduce((s, x) => s.plus(x.bedrag), new Decimal(0)).toFixed(2);

interface Fixture extends BuiltHousehold {
  token: string;
  householdGid: string;
  mine: Schuld[];
  gids: string[];
}

/** A fresh household (no UHT) with our own OPEN schulden of these amounts. */
async function household(amounts: Array<string | { openstaand: string; fraude?: boolean }> = ['3000.00', '1800.00']): Promise<Fixture> {
  const built = factory.household({ full: true, uht: false });
  const tv = built.beschikkingen.find((b) => b.soort === BeschikkingSoort.TERUGVORDERING)!;
  await factory.flush();
  const em = app.em();
  const mine = amounts.map((a) => {
    const x = typeof a === 'string' ? { openstaand: a } : a;
    return em.create(Schuld, {
      household: built.household.id,
      toeslag: tv.toeslag.id,
      beschikking: tv.id,
      dagtekening: tv.dagtekening,
      vervaldatum: addDays(tv.dagtekening, 42),
      oorspronkelijkBedrag: new Decimal(x.openstaand),
      openstaandBedrag: new Decimal(x.openstaand),
      kosten: new Decimal(0),
      status: SchuldStatus.OPEN,
      statusSinds: addDays(tv.dagtekening, 42),
      gepauzeerd: false,
      fraude: x.fraude ?? false,
    } as never);
  });
  await em.flush();
  return {
    ...built,
    token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }),
    householdGid: toGlobalId('Household', built.household.id),
    mine,
    gids: mine.map((s) => toGlobalId('Schuld', s.id)),
  };
}

/** Mark (seed 004): net €1,960 without vakantiegeld, rent €575, health €150, €240 on other arrangements; two bijzondere lasten. */
const MARK: PersoonlijkeFinancienInput = {
  huishoudtype: 'ALLEENSTAANDE',
  inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1960.00' }],
  lasten: { huur: '575.00', zorgpremie: '150.00', aflossingBelastingschulden: '240.00' },
  bijzondereLasten: [
    { omschrijving: 'Energie boven gemiddeld', bedrag: '120.00', toelichting: 'aangesloten op een warmtenet; de rekening is € 295 per maand' },
    { omschrijving: 'Auto voor nachtdiensten', bedrag: '150.00', toelichting: 'ploegendiensten beginnen als er geen openbaar vervoer rijdt' },
  ],
};

const request = (f: Pick<Fixture, 'householdGid' | 'gids'>, token: string, financien: PersoonlijkeFinancienInput = MARK, schuldIds = f.gids, headers?: Record<string, string>) =>
  app.gql(RequestPersoonlijkeBetalingsregelingDocument, { input: { householdId: f.householdGid, schuldIds, financien, toelichting: 'Ik kan € 136 per maand niet missen.' } }, token, headers);

const decide = async (input: DecidePersoonlijkeBetalingsregelingMutationVariables['input'], headers?: Record<string, string>) =>
  app.gql(DecidePersoonlijkeBetalingsregelingDocument, { input }, await app.token({ ...personas.medewerker }), headers);

/** Row counts of everything request or decide may write, for one household. */
async function counts(householdId: string) {
  const [row] = await sql(
    `select (select count(*)::int from zaak where household_id = ?) as zaken,
            (select count(*)::int from zaak_schuld zs join zaak z on z.id = zs.zaak_id where z.household_id = ?) as zaak_links,
            (select string_agg(id || ':' || status || ':' || version, ',' order by id) from zaak where household_id = ?) as zaak_states,
            (select count(*)::int from betalingsregeling where household_id = ?) as regelingen,
            (select count(*)::int from termijn where household_id = ?) as termijnen,
            (select count(*)::int from schuld_event where household_id = ?) as events,
            (select string_agg(id || ':' || status || ':' || version, ',' order by id) from schuld where household_id = ?) as schulden`,
    Array(7).fill(householdId),
  );
  return row;
}

async function submitted(f: Pick<Fixture, 'householdGid' | 'gids' | 'token'>, financien: PersoonlijkeFinancienInput = MARK) {
  const r = await request(f, f.token, financien);
  expect(r.errors).toBeUndefined();
  expect(r.data!.requestPersoonlijkeBetalingsregeling.userErrors).toEqual([]);
  return r.data!.requestPersoonlijkeBetalingsregeling;
}

describe('the case of Mark (seed 004)', () => {
  it('the request becomes a zaak with an 8-week deadline and a provisional calculation, line by line; bijzondere lasten route it to a medewerker', async () => {
    const f = await household();
    const trace = traceId();
    const r = await request(f, f.token, MARK, f.gids, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    expect(r.errors).toBeUndefined();
    const p = r.data!.requestPersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    // 1960 + 7 % vakantiegeld 137.20 − woonlasten 322.51 − zorg 103.00 − 240.00 − kosten van bestaan 1261.35 = 170.34; 80 % = 136.27.
    expect(p.berekening).toMatchObject({
      nettoBesteedbaarInkomen: '2097.20',
      aftrekTotaal: '665.51',
      bijzondereLastenTotaal: '0.00',
      betalingscapaciteit: '170.34',
      afloscapaciteit: '136.27',
      standaardTermijnbedrag: '200.00',
      uitkomst: 'PERSOONLIJK',
      maatwerkNodig: true,
    });
    expect(p.berekening!.regels.filter((l) => l.groep === 'BIJZONDERE_LAST').map((l) => [l.code, l.bedrag, l.meegeteld])).toEqual([
      ['BIJZONDERE_LAST_1', '-120.00', false],
      ['BIJZONDERE_LAST_2', '-150.00', false],
    ]);
    expect(p.zaak).toMatchObject({
      soort: 'PERSOONLIJKE_BETALINGSREGELING',
      status: 'NIEUW',
      ingediendDoorRol: 'BURGER',
      uiterlijkeBeslisdatum: addDays(today, 56),
      leeftijdInDagen: 0,
      termijnOverschreden: false,
      uitkomst: null,
      uitkomstSoort: null,
      betalingsregeling: null,
    });
    expect(p.zaak!.reden).toContain('maatwerk');
    expect(p.zaak!.schulden.map((s) => s.id).sort()).toEqual([...f.gids].sort());
    expect(p.zaak!.persoonlijkeBetalingsregeling).toMatchObject({
      huishoudtype: 'ALLEENSTAANDE',
      bijzondereLasten: [
        { code: 'BIJZONDERE_LAST_1', omschrijving: 'Energie boven gemiddeld', bedrag: '120.00', geaccepteerd: null, reden: null },
        { code: 'BIJZONDERE_LAST_2', omschrijving: 'Auto voor nachtdiensten', bedrag: '150.00', geaccepteerd: null, reden: null },
      ],
      voorlopigeBerekening: { afloscapaciteit: '136.27', maatwerkNodig: true },
      berekening: null,
    });
    // The schulden are untouched until the decision.
    expect(await sql(`select status from schuld where id = any(array[?]::uuid[])`, [f.mine.map((s) => s.id)])).toEqual([{ status: 'OPEN' }, { status: 'OPEN' }]);
    // The submitted financial data is stored with the zaak; the write is in the access log.
    const [stored] = await sql<{ gegevens: { financieel: { inkomsten: unknown[] } } }>('select gegevens from zaak where household_id = ?', [f.household.id]);
    expect(stored.gegevens.financieel.inkomsten).toEqual([{ soort: 'NETTO_LOON', bedrag: '1960.00', vakantiegeldInbegrepen: false }]);
    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ household_id: f.household.id, operation_type: 'write', processing_activity_id: 'burger-verzoek', actor_role: 'BURGER' });
    expect(log[0].resources as string[]).toEqual(expect.arrayContaining(['Zaak', 'Schuld']));
  });

  it('the medewerker accepts the energy, rejects the car: 24 termijnen of €40.27 summing exactly, review after 12 months, the rest remitted at the end', async () => {
    const f = await household();
    const { zaak } = await submitted(f);
    const trace = traceId();
    const r = await decide(
      {
        zaakId: zaak!.id,
        bijzondereLasten: [
          { code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'Warmtenet: aantoonbaar hogere vaste energielasten.' },
          { code: 'BIJZONDERE_LAST_2', geaccepteerd: false, reden: 'Reiskosten woon-werk vallen onder de kosten van bestaan.' },
        ],
      },
      { traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.decidePersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    // 170.34 − 120.00 accepted = 50.34; 80 % = 40.27 (down).
    expect(p.berekening).toMatchObject({ bijzondereLastenTotaal: '120.00', betalingscapaciteit: '50.34', afloscapaciteit: '40.27', maatwerkNodig: false });
    expect(p.berekening!.regels.filter((l) => l.groep === 'BIJZONDERE_LAST').map((l) => [l.code, l.meegeteld])).toEqual([
      ['BIJZONDERE_LAST_1', true],
      ['BIJZONDERE_LAST_2', false],
    ]);
    const reg = p.betalingsregeling!;
    expect(reg).toMatchObject({
      soort: 'PERSOONLIJK',
      status: 'ACTIEF',
      termijnbedrag: '40.27',
      aantalTermijnen: 24,
      startdatum: start,
      herzieningsdatum: addMonths(start, 12),
      totaalBedrag: '966.48',
      restantNaLooptijd: '3833.52',
    });
    expect(reg.termijnen).toHaveLength(24);
    expect(sum(reg.termijnen)).toBe('966.48');
    expect(reg.termijnen.every((t) => t.bedrag === '40.27')).toBe(true);
    expect(new Decimal(reg.totaalBedrag).plus(reg.restantNaLooptijd!).toFixed(2)).toBe('4800.00');
    expect(reg.schulden.every((s) => s.status === 'IN_BETALINGSREGELING')).toBe(true);

    expect(p.zaak).toMatchObject({ status: 'AFGEROND', uitkomstSoort: 'PERSOONLIJKE_REGELING', betalingsregeling: { id: reg.id } });
    expect(p.zaak!.uitkomst).toContain('kwijtgescholden');
    expect(p.zaak!.uitkomst).toContain('Auto voor nachtdiensten');
    expect(p.zaak!.persoonlijkeBetalingsregeling!.bijzondereLasten.map((b) => [b.code, b.geaccepteerd, b.reden])).toEqual([
      ['BIJZONDERE_LAST_1', true, 'Warmtenet: aantoonbaar hogere vaste energielasten.'],
      ['BIJZONDERE_LAST_2', false, 'Reiskosten woon-werk vallen onder de kosten van bestaan.'],
    ]);
    expect(p.zaak!.persoonlijkeBetalingsregeling!.berekening).toMatchObject({ afloscapaciteit: '40.27', bijzondereLastenTotaal: '120.00' });

    // Recorded: the decision and who took it, the events, the access log (write, medewerker).
    const [z] = await sql<{ beslist_door: string; beslissing: { bijzondereLasten: unknown[] } }>('select beslist_door, beslissing from zaak where household_id = ?', [f.household.id]);
    expect(z.beslist_door).toBe(personas.medewerker.employee);
    expect(z.beslissing.bijzondereLasten).toHaveLength(2);
    const events = await sql(`select soort, bron from schuld_event where schuld_id = any(array[?]::uuid[]) and soort = 'REGELING_GESTART'`, [f.mine.map((s) => s.id)]);
    expect(events).toEqual([{ soort: 'REGELING_GESTART', bron: 'MEDEWERKER' }, { soort: 'REGELING_GESTART', bron: 'MEDEWERKER' }]);
    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ household_id: f.household.id, operation_type: 'write', processing_activity_id: 'medewerker-zaakbehandeling', actor_role: 'MEDEWERKER' });
    expect(log[0].resources as string[]).toEqual(expect.arrayContaining(['Zaak', 'Betalingsregeling', 'Termijn', 'Schuld', 'SchuldEvent']));

    // The citizen sees the zaak, its deadline, the provisional calculation and the outcome; reading is logged.
    const readTrace = traceId();
    const seen = await app.gql(HouseholdZaakDetailsDocument, { id: f.householdGid }, f.token, { traceparent: `00-${readTrace}-00f067aa0ba902b7-01` });
    expect(seen.errors).toBeUndefined();
    const mijn = seen.data!.household.zaken.find((x) => x.id === zaak!.id)!;
    expect(mijn).toMatchObject({
      status: 'AFGEROND',
      uiterlijkeBeslisdatum: addDays(today, 56),
      uitkomstSoort: 'PERSOONLIJKE_REGELING',
      betalingsregeling: { soort: 'PERSOONLIJK', herzieningsdatum: addMonths(start, 12) },
      persoonlijkeBetalingsregeling: { voorlopigeBerekening: { afloscapaciteit: '136.27' }, berekening: { afloscapaciteit: '40.27' } },
    });
    const readLog = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [readTrace]);
    expect(readLog).toHaveLength(1);
    expect(readLog[0]).toMatchObject({ household_id: f.household.id, operation_type: 'read', actor_role: 'BURGER' });
    expect(readLog[0].resources as string[]).toEqual(expect.arrayContaining(['Zaak', 'Schuld', 'Betalingsregeling']));
  });

  it('accepting both lasten leaves no capacity: GEEN_CAPACITEIT, no regeling, the schulden get no collection measures', async () => {
    const f = await household(['3000.00', { openstaand: '1800.00', fraude: true }]);
    const { zaak } = await submitted(f);
    const r = await decide({
      zaakId: zaak!.id,
      bijzondereLasten: [
        { code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'Warmtenet.' },
        { code: 'BIJZONDERE_LAST_2', geaccepteerd: true, reden: 'Geen openbaar vervoer bij nachtdiensten.' },
      ],
    });
    const p = r.data!.decidePersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    expect(p.berekening).toMatchObject({ bijzondereLastenTotaal: '270.00', betalingscapaciteit: '-99.66', afloscapaciteit: '0.00', uitkomst: 'GEEN_CAPACITEIT' });
    expect(p.betalingsregeling).toBeNull();
    expect(p.zaak).toMatchObject({ status: 'AFGEROND', uitkomstSoort: 'GEEN_CAPACITEIT', betalingsregeling: null });
    expect(p.zaak!.uitkomst).toContain(addMonths(today, 36).slice(0, 4));
    expect(p.zaak!.uitkomst).toContain('verrekend');
    expect(await sql('select count(*)::int as n from betalingsregeling_schuld where schuld_id = any(array[?]::uuid[])', [f.mine.map((s) => s.id)])).toEqual([{ n: 0 }]);
    const rows = await sql<{ status: string; status_sinds: string; soort: string; reden: string }>(
      `select s.status, s.status_sinds::text, e.soort, e.reden from schuld s join schuld_event e on e.schuld_id = s.id and e.soort = 'GEEN_INVORDERINGSMAATREGELEN'
        where s.id = any(array[?]::uuid[]) order by s.fraude`,
      [f.mine.map((s) => s.id)],
    );
    expect(rows.map((x) => [x.status, x.status_sinds])).toEqual([
      ['GEEN_INVORDERINGSMAATREGELEN', today],
      ['GEEN_INVORDERINGSMAATREGELEN', today],
    ]);
    expect(rows[0].reden).toContain('verrekend');
    expect(rows[1].reden).toContain('opzet of grove schuld');
  });
});

describe('the other outcomes', () => {
  it('enough capacity: the standaard regeling (a)', async () => {
    const f = await household(['1200.00']);
    const { zaak } = await submitted(f, { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '3000.00', vakantiegeldInbegrepen: true }] });
    const p = (await decide({ zaakId: zaak!.id })).data!.decidePersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    // 1200 / 24 = 50.00 a month; 80 % of (3000 − 1261.35) far above it.
    expect(p.betalingsregeling).toMatchObject({ soort: 'STANDAARD', termijnbedrag: '50.00', aantalTermijnen: 24, totaalBedrag: '1200.00', herzieningsdatum: null, restantNaLooptijd: null });
    expect(p.zaak!.uitkomstSoort).toBe('STANDAARDREGELING');
  });

  it('illiquid vermogen before 1 July 2026 (no verlengde regeling yet): a persoonlijke regeling, not an error', async () => {
    app.clock.set('2026-06-15');
    try {
      const f = await household(['6000.00']);
      const { zaak } = await submitted(f, { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1400.00', vakantiegeldInbegrepen: true }] });
      const r = await decide({ zaakId: zaak!.id, illiquideVermogen: 'Overwaarde eigen woning (circa € 40.000)' });
      expect(r.errors).toBeUndefined();
      expect(r.data!.decidePersoonlijkeBetalingsregeling.betalingsregeling).toMatchObject({ soort: 'PERSOONLIJK', termijnbedrag: '110.92' });
    } finally {
      app.clock.set(TEST_TODAY);
    }
  });

  it('illiquid vermogen: a VERLENGD regeling instead of a refusal, at most 60 months, paying the whole debt (d)', async () => {
    // The verlengde betalingsregeling exists since 1 July 2026.
    app.clock.set('2026-09-15');
    const start = firstOfNextMonth('2026-09-15');
        const f = await household(['6000.00']);
    // 1400 net incl. vakantiegeld − 1261.35 = 138.65 → afloscapaciteit 110.92; 6000/24 = 250 standaard.
    const { zaak } = await submitted(f, { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1400.00', vakantiegeldInbegrepen: true }] });
    const p = (await decide({ zaakId: zaak!.id, illiquideVermogen: 'Overwaarde eigen woning (circa € 40.000)' })).data!.decidePersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    expect(p.berekening!.afloscapaciteit).toBe('110.92');
    const reg = p.betalingsregeling!;
    // 6000 / 110.92 = 54.09 → 55 termijnen (≤ 60), the last one the remainder.
    expect(reg).toMatchObject({ soort: 'VERLENGD', termijnbedrag: '110.92', aantalTermijnen: 55, totaalBedrag: '6000.00', restantNaLooptijd: null, herzieningsdatum: null });
    expect(sum(reg.termijnen)).toBe('6000.00');
    expect(reg.termijnen.at(-1)!.vervaldatum).toBe(addMonths(start, 54));
    expect(p.zaak!.uitkomstSoort).toBe('VERLENGDE_REGELING');
    expect(p.zaak!.persoonlijkeBetalingsregeling!.illiquideVermogen).toBe('Overwaarde eigen woning (circa € 40.000)');
  });

  it('an adjusted amount with a reason replaces the computed one', async () => {
    const f = await household(['4800.00']);
    const { zaak } = await submitted(f, { ...MARK, bijzondereLasten: [] });
    const p = (await decide({ zaakId: zaak!.id, termijnbedrag: '75.00', aanpassingReden: 'Tijdelijk hogere zorgkosten (eigen risico).' })).data!
      .decidePersoonlijkeBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    expect(p.betalingsregeling).toMatchObject({ soort: 'PERSOONLIJK', termijnbedrag: '75.00', aantalTermijnen: 24, totaalBedrag: '1800.00', restantNaLooptijd: '3000.00' });
    expect(p.zaak!.persoonlijkeBetalingsregeling).toMatchObject({ aangepastTermijnbedrag: '75.00', aanpassingReden: 'Tijdelijk hogere zorgkosten (eigen risico).' });
    expect(p.zaak!.uitkomst).toContain('136,27');
  });
});

describe('refusals are userErrors and write nothing', () => {
  it('a decision that misses a bijzondere last, names an unknown one or adjusts without a reason', async () => {
    const f = await household();
    const { zaak } = await submitted(f);
    const before = await counts(f.household.id);
    const cases: Array<[DecidePersoonlijkeBetalingsregelingMutationVariables['input'], string[]]> = [
      [{ zaakId: zaak!.id, bijzondereLasten: [{ code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'ok' }] }, ['BESLISSING_ONVOLLEDIG']],
      [
        {
          zaakId: zaak!.id,
          bijzondereLasten: [
            { code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'ok' },
            { code: 'BIJZONDERE_LAST_2', geaccepteerd: false, reden: ' ' },
            { code: 'BIJZONDERE_LAST_3', geaccepteerd: true, reden: 'x' },
          ],
        },
        ['REDEN_ONGELDIG', 'BESLISSING_ONVOLLEDIG'],
      ],
      [
        {
          zaakId: zaak!.id,
          termijnbedrag: '50.00',
          bijzondereLasten: [
            { code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'ok' },
            { code: 'BIJZONDERE_LAST_2', geaccepteerd: true, reden: 'ok' },
          ],
        },
        ['REDEN_ONGELDIG'],
      ],
    ];
    for (const [input, expected] of cases) {
      const r = await decide(input);
      expect(r.errors).toBeUndefined();
      expect(r.data!.decidePersoonlijkeBetalingsregeling).toMatchObject({ zaak: null, betalingsregeling: null });
      expect(r.data!.decidePersoonlijkeBetalingsregeling.userErrors.map((e) => e.code)).toEqual(expected);
      expect(await counts(f.household.id)).toEqual(before);
    }
  });

  it('a zaak is decided once (ZAAK_AFGEHANDELD); a zaak of another soort is ZAAK_SOORT_ONGELDIG', async () => {
    const f = await household(['1200.00']);
    const { zaak } = await submitted(f, { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '3000.00' }] });
    expect((await decide({ zaakId: zaak!.id })).data!.decidePersoonlijkeBetalingsregeling.userErrors).toEqual([]);
    const before = await counts(f.household.id);
    expect((await decide({ zaakId: zaak!.id })).data!.decidePersoonlijkeBetalingsregeling.userErrors.map((e) => e.code)).toEqual(['ZAAK_AFGEHANDELD']);
    const matiging = await app.gql(
      'mutation($input: RequestMatigingInput!) { requestMatiging(input: $input) { zaak { id } userErrors { code } } }',
      { input: { schuldId: f.gids[0], reason: 'Hardheid' } },
      f.token,
    );
    const other = (matiging.data as { requestMatiging: { zaak: { id: string } } }).requestMatiging.zaak.id;
    const before2 = await counts(f.household.id);
    expect((await decide({ zaakId: other })).data!.decidePersoonlijkeBetalingsregeling.userErrors.map((e) => e.code)).toEqual(['ZAAK_SOORT_ONGELDIG']);
    expect(await counts(f.household.id)).toEqual(before2);
    expect(before2).not.toEqual(before);
  });

  it('the same eligibility checks as the standaard request, plus one open request per schuld', async () => {
    const f = await household(['300.00', '400.00', '500.00']);
    expect((await app.gql(RequestStandaardBetalingsregelingDocument, { input: { householdId: f.householdGid, schuldIds: [f.gids[0]] } }, f.token)).data!.requestStandaardBetalingsregeling.userErrors).toEqual([]);
    await submitted({ ...f, gids: [f.gids[1]] });
    const again = await request(f, f.token, MARK, [f.gids[1]]);
    expect(again.data!.requestPersoonlijkeBetalingsregeling.userErrors.map((e) => e.code)).toEqual(['ZAAK_BESTAAT_AL']);
    const before = await counts(f.household.id);
    const r = await request(f, f.token, MARK, [f.gids[2], f.gids[0], f.gids[1]]);
    expect(r.data!.requestPersoonlijkeBetalingsregeling).toMatchObject({ zaak: null, berekening: null });
    expect(r.data!.requestPersoonlijkeBetalingsregeling.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['SCHULD_AL_IN_REGELING', ['input', 'schuldIds', '1']],
      ['ZAAK_BESTAAT_AL', ['input', 'schuldIds', '2']],
    ]);
    expect((await request(f, f.token, MARK, [])).data!.requestPersoonlijkeBetalingsregeling.userErrors.map((e) => e.code)).toEqual(['SCHULDEN_ONGELDIG']);
    expect(
      (await request(f, f.token, { ...MARK, bijzondereLasten: [{ omschrijving: '  ', bedrag: '10.00' }] }, [f.gids[2]])).data!.requestPersoonlijkeBetalingsregeling.userErrors.map((e) => e.field),
    ).toEqual([['input', 'financien', 'bijzondereLasten', '0', 'omschrijving']]);
    expect(codes(await request(f, f.token, { ...MARK, inkomsten: [{ soort: 'NETTO_LOON', bedrag: '-1.00' }] }, [f.gids[2]]))).toEqual(['BAD_USER_INPUT']);
    expect(await counts(f.household.id)).toEqual(before);
  });
});

describe('reach', () => {
  async function machtiging(f: BuiltHousehold, scope: MachtigingScope) {
    const em = app.em();
    em.create(Machtiging, { household: f.household.id, organisationId: personas.intermediair.org, scope, status: MachtigingOpslagStatus.ACTIEF, geldigTot: addMonths(today, 12) } as never);
    await em.flush();
  }

  it('another household, an INZIEN machtiging, a GEMEENTE or KOO is FORBIDDEN, and nothing is written', async () => {
    const f = await household();
    const other = await household();
    await machtiging(f, MachtigingScope.INZIEN);
    const before = await counts(f.household.id);
    expect(codes(await request(f, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await request({ ...f, gids: other.gids }, await app.token({ ...personas.medewerker })))).toEqual(['FORBIDDEN']);
    expect(codes(await request(f, await app.token({ ...personas.intermediair })))).toEqual(['FORBIDDEN']);
    expect(codes(await request(f, await app.token({ ...personas.gemeente })))).toEqual(['FORBIDDEN']);
    expect(codes(await request(f, await app.token({ ...personas.koo })))).toEqual(['FORBIDDEN']);
    expect(await counts(f.household.id)).toEqual(before);
  });

  it('only a medewerker decides: the citizen and the intermediary get FORBIDDEN', async () => {
    const f = await household();
    await machtiging(f, MachtigingScope.HANDELEN);
    const { zaak } = await submitted(f);
    const before = await counts(f.household.id);
    const input = { zaakId: zaak!.id, termijnbedrag: '0.00', aanpassingReden: 'x' };
    expect(codes(await app.gql(DecidePersoonlijkeBetalingsregelingDocument, { input }, f.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(DecidePersoonlijkeBetalingsregelingDocument, { input }, await app.token({ ...personas.intermediair })))).toEqual(['FORBIDDEN']);
    expect(await counts(f.household.id)).toEqual(before);
    expect(codes(await decide({ zaakId: toGlobalId('Zaak', randomUUID()) }))).toEqual(['NOT_FOUND']);
  });

  it('an intermediary with HANDELEN submits for the client, and sees the zaak, its deadline and the outcome', async () => {
    const f = await household();
    await machtiging(f, MachtigingScope.HANDELEN);
    const token = await app.token({ ...personas.intermediair });
    const r = await request(f, token);
    expect(r.errors).toBeUndefined();
    const zaak = r.data!.requestPersoonlijkeBetalingsregeling.zaak!;
    expect(zaak).toMatchObject({ ingediendDoorRol: 'INTERMEDIAIR', ingediendDoorOrganisatie: personas.intermediair.org });
    const [m] = await sql<{ machtiging_id: string | null }>('select machtiging_id from zaak where household_id = ?', [f.household.id]);
    expect(m.machtiging_id).not.toBeNull();
    await decide({
      zaakId: zaak.id,
      bijzondereLasten: [
        { code: 'BIJZONDERE_LAST_1', geaccepteerd: false, reden: 'Niet onderbouwd.' },
        { code: 'BIJZONDERE_LAST_2', geaccepteerd: false, reden: 'Niet onderbouwd.' },
      ],
    });
    const seen = await app.gql(HouseholdZaakDetailsDocument, { id: f.householdGid }, token);
    expect(seen.data!.household.zaken).toEqual([
      expect.objectContaining({ id: zaak.id, status: 'AFGEROND', uiterlijkeBeslisdatum: addDays(today, 56), uitkomstSoort: 'PERSOONLIJKE_REGELING' }),
    ]);
  });
});

describe('the work list', () => {
  it('filters by soort and overdue, sorted by deadline, with age and termijnOverschreden', async () => {
    const f = await household(['700.00', '800.00']);
    const a = (await submitted({ ...f, gids: [f.gids[0]] })).zaak!;
    const b = (await submitted({ ...f, gids: [f.gids[1]] })).zaak!;
    // Make b 60 days old: past its 8-week deadline.
    await sql(`update zaak set created_at = ?::timestamptz - interval '60 days', uiterlijke_beslisdatum = ? where id = ?`, [app.clock.now(), addDays(today, -4), fromGlobalIdOfType(b.id, 'Zaak')]);
    const medewerker = await app.token({ ...personas.medewerker });
    const list = await app.gql(ZakenWorklistDocument, { first: 100, filter: { soort: ['PERSOONLIJKE_BETALINGSREGELING'], termijnOverschreden: true } }, medewerker);
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.zaken.nodes;
    expect(nodes.every((n) => n.soort === 'PERSOONLIJKE_BETALINGSREGELING' && n.termijnOverschreden)).toBe(true);
    expect(nodes.map((n) => n.id)).not.toContain(a.id);
    const overdue = nodes.find((n) => n.id === b.id)!;
    expect(overdue).toMatchObject({ termijnOverschreden: true, uiterlijkeBeslisdatum: addDays(today, -4) });
    expect(overdue.leeftijdInDagen).toBeGreaterThanOrEqual(59);
    const dates = nodes.map((n) => n.uiterlijkeBeslisdatum!);
    expect([...dates].sort()).toEqual(dates);
    const notOverdue = (await app.gql(ZakenWorklistDocument, { first: 100, filter: { soort: ['PERSOONLIJKE_BETALINGSREGELING'], termijnOverschreden: false } }, medewerker)).data!.zaken.nodes;
    expect(notOverdue.map((n) => n.id)).not.toContain(overdue.id);
    expect(notOverdue.every((n) => !n.termijnOverschreden || n.status === 'AFGEROND')).toBe(true);
    expect(codes(await app.gql(ZakenWorklistDocument, { first: 10 }, f.token))).toEqual(['FORBIDDEN']);
  });
});

describe('concurrency', () => {
  it('parallel requests for one schuld make one zaak; parallel decisions on one zaak make one regeling, 10 times', async () => {
    const medewerker = await app.token({ ...personas.medewerker });
    for (let i = 0; i < 10; i++) {
      const f = await household(['500.00', '600.00']);
      const [a, b] = await Promise.all([request(f, f.token, MARK, [f.gids[0], f.gids[1]]), request(f, medewerker, MARK, [f.gids[1]])]);
      const payloads = [a.data!.requestPersoonlijkeBetalingsregeling, b.data!.requestPersoonlijkeBetalingsregeling];
      expect(payloads.filter((p) => p.zaak)).toHaveLength(1);
      expect(payloads.filter((p) => !p.zaak).flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['ZAAK_BESTAAT_AL']);
      const zaakId = payloads.find((p) => p.zaak)!.zaak!.id;
      const input = {
        zaakId,
        bijzondereLasten: [
          { code: 'BIJZONDERE_LAST_1', geaccepteerd: true, reden: 'ok' },
          { code: 'BIJZONDERE_LAST_2', geaccepteerd: false, reden: 'nee' },
        ],
      };
      const [x, y] = await Promise.all([decide(input), decide(input)]);
      const decided = [x.data!.decidePersoonlijkeBetalingsregeling, y.data!.decidePersoonlijkeBetalingsregeling];
      expect(decided.filter((p) => p.zaak)).toHaveLength(1);
      expect(decided.filter((p) => !p.zaak).flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['ZAAK_AFGEHANDELD']);
      expect(await sql('select count(*)::int as n from betalingsregeling_schuld where schuld_id = any(array[?]::uuid[])', [f.mine.map((s) => s.id)])).toEqual([{ n: payloads.find((p) => p.zaak)!.zaak!.schulden.length }]);
    }
  }, 60_000);
});

describe('the remainder after the 24 termijnen', () => {
  const pseudonymise = createPseudonymiser('test-pseudonym-key-restant-0123456789abcdef');

  it('is remitted once every termijn is paid: the schulden KWIJTGESCHOLDEN, the regeling VOLDAAN, logged as SYSTEEM; a second run changes nothing', async () => {
    const f = await household(['3000.00', '1800.00']);
    const { zaak } = await submitted(f, { ...MARK, bijzondereLasten: [] });
    const p = (await decide({ zaakId: zaak!.id, termijnbedrag: '100.00', aanpassingReden: 'Afgesproken met de burger.' })).data!.decidePersoonlijkeBetalingsregeling;
    expect(p.betalingsregeling).toMatchObject({ soort: 'PERSOONLIJK', totaalBedrag: '2400.00', restantNaLooptijd: '2400.00' });
    const regelingId = fromGlobalIdOfType(p.betalingsregeling!.id, 'Betalingsregeling');
    // The payments themselves are tested elsewhere (betalingen.test.ts): here 23 of 24 termijnen are paid, and the
    // schulden carry what is left after 23 × €100 (allocated to the first schuld).
    await sql(`update termijn set betaald_bedrag = bedrag, betaald_op = vervaldatum where betalingsregeling_id = ? and volgnummer < 24`, [regelingId]);
    await sql(`update schuld set openstaand_bedrag = openstaand_bedrag - 2300, version = version + 1 where id = ?`, [f.mine[0].id]);
    const datum = addMonths(start, 24);
    expect(await scheldRestantKwijt(app.em(), { ...runOn(datum), pseudonymise })).toEqual({ regelingen: 0, schulden: 0, bedrag: '0.00' });

    await sql(`update termijn set betaald_bedrag = bedrag, betaald_op = vervaldatum where betalingsregeling_id = ?`, [regelingId]);
    await sql(`update schuld set openstaand_bedrag = openstaand_bedrag - 100, version = version + 1 where id = ?`, [f.mine[0].id]);
    const before = await sql<{ n: number }>(`select count(*)::int as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM'`, [f.household.id]);
    expect(await scheldRestantKwijt(app.em(), { ...runOn(datum), pseudonymise })).toEqual({ regelingen: 1, schulden: 2, bedrag: '2400.00' });
    expect(await sql(`select openstaand_bedrag::text, status, status_sinds::text from schuld where id = any(array[?]::uuid[]) order by id`, [f.mine.map((s) => s.id)])).toEqual([
      { openstaand_bedrag: '0.00', status: 'KWIJTGESCHOLDEN', status_sinds: datum },
      { openstaand_bedrag: '0.00', status: 'KWIJTGESCHOLDEN', status_sinds: datum },
    ]);
    const events = await sql<{ bedrag: string; bron: string }>(`select bedrag::text, bron from schuld_event where soort = 'KWIJTGESCHOLDEN' and schuld_id = any(array[?]::uuid[]) order by bedrag::numeric`, [f.mine.map((s) => s.id)]);
    expect(events).toEqual([{ bedrag: '600.00', bron: 'SYSTEEM' }, { bedrag: '1800.00', bron: 'SYSTEEM' }]);
    expect(await sql(`select status from betalingsregeling where id = ?`, [regelingId])).toEqual([{ status: 'VOLDAAN' }]);
    const after = await sql<{ n: number }>(`select count(*)::int as n from access_log_entry where household_id = ? and actor_role = 'SYSTEEM'`, [f.household.id]);
    expect(after[0].n).toBe(before[0].n + 1);
    expect(await scheldRestantKwijt(app.em(), { ...runOn(datum), pseudonymise })).toEqual({ regelingen: 0, schulden: 0, bedrag: '0.00' });
  });

  it('is a step of the daily invordering run', async () => {
    const f = await household(['1000.00']);
    const { zaak } = await submitted(f, { ...MARK, bijzondereLasten: [] });
    const p = (await decide({ zaakId: zaak!.id, termijnbedrag: '40.00', aanpassingReden: 'Afgesproken.' })).data!.decidePersoonlijkeBetalingsregeling;
    expect(p.betalingsregeling).toMatchObject({ totaalBedrag: '960.00', restantNaLooptijd: '40.00' });
    await sql(`update termijn set betaald_bedrag = bedrag, betaald_op = vervaldatum where betalingsregeling_id = ?`, [fromGlobalIdOfType(p.betalingsregeling!.id, 'Betalingsregeling')]);
    await sql(`update schuld set openstaand_bedrag = 40, version = version + 1 where id = ?`, [f.mine[0].id]);
    const r = await runInvordering(app.em(), { ...runOn(addMonths(start, 25)), pseudonymise });
    expect(r.restant).toEqual({ regelingen: 1, schulden: 1, bedrag: '40.00' });
    expect(await sql(`select status from schuld where id = ?`, [f.mine[0].id])).toEqual([{ status: 'KWIJTGESCHOLDEN' }]);
  });
});
