import { TEST_TODAY } from '../support/clock';
import { NormsDocument } from '../generated/graphql';
import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// norms(date): the versioned norms table as public reference data, for any authenticated role.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
});
afterAll(() => app.close());

async function normsOn(date: string | undefined, persona: Record<string, unknown> = personas.medewerker) {
  const r = await app.gql(NormsDocument, date ? { date } : {}, await app.token(persona));
  expect(r.errors).toBeUndefined();
  return new Map(r.data!.norms.map((n) => [n.code, n]));
}

describe('norms(date)', () => {
  it('gives the row in force on the date: bijstandsnormen change on 2025-07-01 and 2026-01-01', async () => {
    const waarde = async (date: string) => {
      const m = await normsOn(date);
      return [m.get('BIJSTANDSNORM_ALLEENSTAANDE')?.waarde, m.get('BIJSTANDSNORM_GEHUWDEN')?.waarde, m.get('BIJSTANDSNORM_AOW_ALLEENSTAANDE')?.waarde, m.get('BIJSTANDSNORM_AOW_GEHUWDEN')?.waarde];
    };
    expect(await waarde('2024-12-31')).toEqual([undefined, undefined, undefined, undefined]);
    expect(await waarde('2025-01-01')).toEqual(['1345.45', '1922.07', '1501.07', '2053.48']);
    expect(await waarde('2025-06-30')).toEqual(['1345.45', '1922.07', '1501.07', '2053.48']);
    expect(await waarde('2025-07-01')).toEqual(['1369.06', '1955.80', '1530.21', '2094.98']);
    expect(await waarde('2025-12-31')).toEqual(['1369.06', '1955.80', '1530.21', '2094.98']);
    expect(await waarde('2026-01-01')).toEqual(['1401.50', '2002.13', '1564.69', '2144.16']);
  });

  it('returns every field, one row per code, sorted; normhuur and normpremie from 2026', async () => {
    const before = await normsOn('2025-12-31');
    expect(before.has('NORMHUUR')).toBe(false);
    const r = await app.gql(NormsDocument, { date: '2026-01-01' }, await app.token(personas.sanne));
    const rows = r.data!.norms;
    expect(rows.map((n) => n.code)).toEqual([...rows.map((n) => n.code)].sort());
    expect(new Set(rows.map((n) => n.code)).size).toBe(rows.length);
    const m = new Map(rows.map((n) => [n.code, n]));
    expect(m.get('NORMHUUR')).toEqual({
      code: 'NORMHUUR', geldigVanaf: '2026-01-01', waarde: '252.49', eenheid: 'EUR',
      omschrijving: expect.stringContaining('normhuur'), bron: expect.stringContaining('domain.md'), aanname: false,
      voorlopig: false, toelichting: null,
    });
    expect(m.get('MAXIMALE_HUURGRENS')?.waarde).toBe('932.93');
    expect([m.get('NORMPREMIE_ALLEENSTAANDE')?.waarde, m.get('NORMPREMIE_GEHUWDEN')?.waarde]).toEqual(['47.00', '106.00']);
    expect(m.get('KOSTEN_VAN_BESTAAN_PERCENTAGE')).toMatchObject({ waarde: '90.00', eenheid: 'PROCENT', geldigVanaf: '2000-01-01' });
    // The existing norms are there too.
    expect(m.get('BETAALTERMIJN_DAGEN')?.waarde).toBe('42.00');
    // The verlengde regeling only exists from 2026-07-01.
    expect(m.has('VERLENGD_MAX_MAANDEN')).toBe(false);
  });

  it('defaults to today, where the assumption for the verlengde regeling is marked (it exists from 1 July 2026)', async () => {
    app.clock.set('2026-06-30');
    expect((await normsOn(undefined)).has('VERLENGD_MAX_MAANDEN')).toBe(false);
    app.clock.set('2026-07-01');
    const m = await normsOn(undefined);
    app.clock.set(TEST_TODAY);
    expect(m.get('VERLENGD_MAX_MAANDEN')).toMatchObject({ waarde: '60.00', eenheid: 'MAANDEN', aanname: true, bron: expect.stringContaining('aanname') });
    for (const code of ['STANDAARD_TERMIJNBEDRAG', 'STANDAARD_GRENS', 'STANDAARD_MAX_TERMIJNEN', 'PERSOONLIJK_TERMIJNEN', 'PERSOONLIJK_HERBEOORDELING_MAANDEN', 'BESLISTERMIJN_WEKEN', 'VAKANTIEGELD_PERCENTAGE', 'BESLAGVRIJE_VOET_PERCENTAGE', 'AFLOSCAPACITEIT_PERCENTAGE']) {
      expect(m.has(code)).toBe(true);
    }
  });

  it('gives a yearly norm on a date after its last published year as its newest value, marked voorlopig with a toelichting', async () => {
    const m = await normsOn('2027-03-01');
    expect(m.get('NORMHUUR')).toMatchObject({
      geldigVanaf: '2026-01-01', waarde: '252.49', voorlopig: true,
      toelichting: 'Norm voor 2027 nog niet vastgesteld; de waarde die geldt vanaf 1 januari 2026 is gebruikt.',
    });
    for (const code of ['BIJSTANDSNORM_ALLEENSTAANDE', 'BIJSTANDSNORM_GEHUWDEN', 'MAXIMALE_HUURGRENS', 'NORMPREMIE_ALLEENSTAANDE', 'MAX_UURPRIJS_DAGOPVANG']) {
      expect(m.get(code)).toMatchObject({ geldigVanaf: '2026-01-01', voorlopig: true, toelichting: expect.stringContaining('Norm voor 2027 nog niet vastgesteld') });
    }
    // Norms in force until changed (percentages, terms) are never provisional.
    expect(m.get('KOSTEN_VAN_BESTAAN_PERCENTAGE')).toMatchObject({ geldigVanaf: '2000-01-01', voorlopig: false, toelichting: null });
    expect(m.get('VERLENGD_MAX_MAANDEN')).toMatchObject({ voorlopig: false, toelichting: null });

    // Within the newest year nothing of the arrangement norms is provisional.
    const juni = await normsOn('2026-06-15');
    for (const code of ['NORMHUUR', 'BIJSTANDSNORM_ALLEENSTAANDE', 'NORMPREMIE_GEHUWDEN', 'MAX_UURPRIJS_BSO']) {
      expect(juni.get(code)).toMatchObject({ voorlopig: false, toelichting: null });
    }
  });

  it('is open to every authenticated role, not to anonymous callers', async () => {
    for (const p of [personas.sanne, personas.intermediair, personas.gemeente, personas.koo, personas.medewerker]) {
      expect((await normsOn('2026-01-01', p)).size).toBeGreaterThan(0);
    }
    expect(codes(await app.gql(NormsDocument, { date: '2026-01-01' }, null))).toContain('UNAUTHENTICATED');
  });

  it('refuses a malformed date', async () => {
    const r = await app.gql(NormsDocument, { date: '2026-02-30' }, await app.token(personas.medewerker));
    expect(r.errors).toBeDefined();
  });
});
