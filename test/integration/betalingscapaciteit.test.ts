import { randomUUID } from 'node:crypto';
import { CalculateBetalingscapaciteitDocument, type CalculateBetalingscapaciteitQueryVariables } from '../generated/graphql';
import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// calculateBetalingscapaciteit: a pure calculation on the input and the norms table. BURGER,
// INTERMEDIAIR and MEDEWERKER; FORBIDDEN for GEMEENTE and KOO. Reads no household, writes nothing.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const mark: CalculateBetalingscapaciteitQueryVariables = {
  input: {
    datum: '2026-03-01',
    huishoudtype: 'ALLEENSTAANDE',
    inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1960.00' }, { soort: 'KINDERBIJSLAG', bedrag: '100.00' }],
    lasten: { huur: '575.00', zorgpremie: '150.00', aflossingBelastingschulden: '240.00' },
    bijzondereLasten: [{ omschrijving: 'Energie (warmtenet)', bedrag: '295.00', toelichting: 'warmtenet' }],
    openstaandBedrag: '4800.00',
  },
};

/** Row counts of every table in the app's database. */
async function tableCounts(): Promise<Record<string, number>> {
  const conn = app.em().getConnection();
  const tables: Array<{ tablename: string }> = await conn.execute(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await conn.execute(`select count(*)::int as n from "${tablename}"`);
    out[tablename] = (row as { n: number }).n;
  }
  return out;
}

describe('calculateBetalingscapaciteit', () => {
  it('calculates the case of Mark line by line with the norms from the database', async () => {
    const r = await app.gql(CalculateBetalingscapaciteitDocument, mark, await app.token(personas.sanne));
    expect(r.errors).toBeUndefined();
    const c = r.data!.calculateBetalingscapaciteit;
    expect(c).toMatchObject({
      datum: '2026-03-01',
      nettoBesteedbaarInkomen: '2097.20',
      aftrekTotaal: '665.51',
      kostenVanBestaan: '1261.35',
      betalingscapaciteit: '170.34',
      afloscapaciteit: '136.27',
      standaardTermijnbedrag: '200.00',
      termijnbedrag: '136.27',
      aantalTermijnen: 24,
      herbeoordelingNaMaanden: 12,
      uitkomst: 'PERSOONLIJK',
      maatwerkNodig: true,
    });
    expect(c.regels.find((l) => l.code === 'INKOMEN_2_KINDERBIJSLAG')).toMatchObject({ meegeteld: false, bedrag: '100.00', groep: 'INKOMEN' });
    expect(c.regels.find((l) => l.code === 'BIJZONDERE_LAST_1')).toMatchObject({ meegeteld: false, bedrag: '-295.00', reden: 'beoordeling door medewerker (maatwerk)' });
    // The counted lines sum to the capacity, in cents.
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(c.regels.filter((l) => l.meegeteld).reduce((s, l) => s + cents(l.bedrag), 0)).toBe(cents(c.betalingscapaciteit));
  });

  it('uses the newest norms on a date after the last published year, and says which norms are provisional', async () => {
    const token = await app.token(personas.sanne);
    const juni = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum: '2026-06-15' } }, token);
    expect(juni.errors).toBeUndefined();
    expect(juni.data!.calculateBetalingscapaciteit).toMatchObject({ normenVoorlopig: false, voorlopigeNormen: [] });

    const r = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum: '2027-03-01' } }, token);
    expect(r.errors).toBeUndefined();
    const c = r.data!.calculateBetalingscapaciteit;
    // The 2026 values, so the same amounts as in June 2026 ...
    const { datum: _d1, normenVoorlopig: _v1, voorlopigeNormen: _n1, ...bedragen2027 } = c;
    const { datum: _d2, normenVoorlopig: _v2, voorlopigeNormen: _n2, ...bedragen2026 } = juni.data!.calculateBetalingscapaciteit;
    expect(bedragen2027).toEqual(bedragen2026);
    // ... but marked: every yearly norm the calculation used, sorted by code.
    expect(c.datum).toBe('2027-03-01');
    expect(c.normenVoorlopig).toBe(true);
    const toelichting = 'Norm voor 2027 nog niet vastgesteld; de waarde die geldt vanaf 1 januari 2026 is gebruikt.';
    expect(c.voorlopigeNormen).toEqual(
      ['BIJSTANDSNORM_ALLEENSTAANDE', 'MAXIMALE_HUURGRENS', 'NORMHUUR', 'NORMPREMIE_ALLEENSTAANDE'].map((code) => ({ code, geldigVanaf: '2026-01-01', toelichting })),
    );
  });

  it('a datum before the first version of a norm is NORM_ONBEKEND on input.datum, naming the first date the calculation is possible', async () => {
    const token = await app.token(personas.sanne);
    for (const datum of ['2025-06-01', '2025-12-31']) {
      const r = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum } }, token);
      expect(r.data).toBeNull();
      expect(codes(r)).toEqual(['NORM_ONBEKEND']);
      expect(r.errors![0].extensions).toMatchObject({
        field: 'input.datum',
        beschikbaarVanaf: '2026-01-01',
        normen: ['NORMHUUR', 'MAXIMALE_HUURGRENS', 'NORMPREMIE_ALLEENSTAANDE'],
      });
      expect(r.errors![0].message).toMatch(/^Op \d+ \w+ 2025 kan de betalingscapaciteit niet worden bepaald: .*NORMHUUR.*Dat kan vanaf 1 januari 2026\.$/);
    }
    // Before any bijstandsnorm as well: still the first date on which every norm has a value.
    const vroeg = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum: '2024-12-31' } }, token);
    expect(vroeg.errors![0].extensions).toMatchObject({ code: 'NORM_ONBEKEND', beschikbaarVanaf: '2026-01-01', normen: expect.arrayContaining(['BIJSTANDSNORM_ALLEENSTAANDE', 'NORMHUUR']) });
    // From that date it works.
    const eerste = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum: '2026-01-01' } }, token);
    expect(eerste.errors).toBeUndefined();
  });

  it.each([
    ['BURGER', personas.sanne],
    ['BURGER without a household', personas.stranger],
    ['INTERMEDIAIR', personas.intermediair],
    ['MEDEWERKER', personas.medewerker],
  ])('is allowed for %s', async (_, persona) => {
    const r = await app.gql(CalculateBetalingscapaciteitDocument, mark, await app.token(persona));
    expect(r.errors).toBeUndefined();
    expect(r.data!.calculateBetalingscapaciteit.uitkomst).toBe('PERSOONLIJK');
  });

  it.each([
    ['GEMEENTE', personas.gemeente],
    ['KOO', personas.koo],
  ])('is FORBIDDEN for %s', async (_, persona) => {
    const r = await app.gql(CalculateBetalingscapaciteitDocument, mark, await app.token(persona));
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });

  it('is UNAUTHENTICATED without a token', async () => {
    expect(codes(await app.gql(CalculateBetalingscapaciteitDocument, mark, null))).toContain('UNAUTHENTICATED');
  });

  it('writes nothing: no access-log row, no table changes', async () => {
    const before = await tableCounts();
    const trace = randomUUID().replace(/-/g, '');
    for (const persona of [personas.sanne, personas.intermediair, personas.medewerker, personas.gemeente]) {
      await app.gql(CalculateBetalingscapaciteitDocument, mark, await app.token(persona), { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    }
    const rows = await app.em().getConnection().execute('select * from access_log_entry where trace_id = ?', [trace]);
    expect(rows).toHaveLength(0);
    expect(await tableCounts()).toEqual(before);
  });

  it('defaults the date to today and refuses unusable input as BAD_USER_INPUT', async () => {
    const token = await app.token(personas.medewerker);
    const today = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, datum: undefined } }, token);
    expect(today.errors).toBeUndefined();
    expect(today.data!.calculateBetalingscapaciteit.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const negative = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, lasten: { huur: '-1.00' } } }, token);
    expect(codes(negative)).toEqual(['BAD_USER_INPUT']);
    expect(negative.errors![0].extensions).toMatchObject({ field: 'input.lasten.huur' });

    const zero = await app.gql(CalculateBetalingscapaciteitDocument, { input: { ...mark.input, openstaandBedrag: '0.00' } }, token);
    expect(codes(zero)).toEqual(['BAD_USER_INPUT']);
  });
});
