import { TEST_TODAY } from '../support/clock';
import Decimal from 'decimal.js';
import { AllSchuldenOverzichtenDocument, MySchuldenOverzichtDocument, SchuldenOverzichtDocument, type OverzichtFragment } from '../generated/graphql';
import { DEMO, demoCalendar, demoUuid } from '../../src/db/demo-data';
import { formatDatum } from '../../src/shared/format-nl';
import { toGlobalId } from '../../src/shared/global-id';
import { startTestApp, type TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { personas } from '../support/tokens';

// Household.schuldenOverzicht: the one total overview (domain.md §6). The totals are checked against
// sums computed independently in plain SQL over ~30 generated households, and every total must be
// the exact sum of its parts.

let app: TestApp;
let medewerker: string;
beforeAll(async () => {
  app = await startTestApp();
  medewerker = await app.token({ ...personas.medewerker });
  await new Factory(app.em(), 2026).households(30);
});
afterAll(() => app.close());

const d = (v: string) => new Decimal(v);
const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), d('0'));

describe('the demo households', () => {
  it('gives Sanne one total of both schulden, what her regeling covers, and the next payment', async () => {
    // The demo set's dates are relative to the day it was loaded (today).
    const cal = demoCalendar(TEST_TODAY);
    const oud = cal.deVriesDefinitiefJaar;
    const r = await app.gql(MySchuldenOverzichtDocument, {}, await app.token({ ...personas.sanne }));
    expect(r.errors).toBeUndefined();
    const o = r.data!.myHousehold!.schuldenOverzicht;
    expect(o).toMatchObject({
      totaalOpenstaand: '1502.40',
      aantalSchulden: 2,
      oudsteVervaldatum: cal.vervaldatumZorg,
      gedektDoorRegeling: '252.00',
      nietGedekt: '1250.40',
      waarvanGepauzeerd: '0.00',
      perToeslagsoort: [
        { soort: 'ZORGTOESLAG', aantalSchulden: 1, totaalOpenstaand: '252.00' },
        { soort: 'HUURTOESLAG', aantalSchulden: 1, totaalOpenstaand: '1250.40' },
      ],
      // Termijnen 1–3 are paid: the fourth (the first of next month, €20) is next.
      volgendeBetaling: { datum: cal.volgendeTermijn, bedrag: '20.00', betalingsregeling: { id: toGlobalId('Betalingsregeling', demoUuid(500)) } },
    });
    expect(o.schulden.map((s) => [s.schuld.id, s.openstaand, s.gedekt])).toEqual([
      [toGlobalId('Schuld', demoUuid(400)), '252.00', true],
      [toGlobalId('Schuld', demoUuid(401)), '1250.40', false],
    ]);
    expect(o.schulden[0].uitleg).toBe(
      `Terugvordering zorgtoeslag ${oud}, beschikking TV-${oud}-0193-000412 van ${formatDatum(cal.terugvorderingZorg)}: u kreeg € 1.572,00 aan voorschot en had recht op € 1.260,00. ` +
        `Reden: Uw inkomen over ${oud} was hoger dan het inkomen waarmee het voorschot was berekend. Nog te betalen: € 252,00, via uw betalingsregeling.`,
    );
    const huurBegin = `Terugvordering huurtoeslag ${oud}, beschikking TV-${oud}-0193-000413 van ${formatDatum(cal.terugvorderingHuur)}: u kreeg € 3.576,00 aan voorschot en had recht op € 2.325,60. `;
    expect(o.schulden[1].uitleg.slice(0, huurBegin.length)).toBe(huurBegin);
  });

  it('shows the paused UHT schuld of El Amrani as paused, and the same overview to a medewerker as to the citizen', async () => {
    const asMedewerker = await app.gql(SchuldenOverzichtDocument, { id: toGlobalId('Household', DEMO.households.elAmrani) }, medewerker);
    const asFatima = await app.gql(MySchuldenOverzichtDocument, {}, await app.token({ ...personas.fatima }));
    const o = asMedewerker.data!.household.schuldenOverzicht;
    expect(o).toMatchObject({ totaalOpenstaand: '4870.15', waarvanGepauzeerd: '4870.15', nietGedekt: '4870.15', volgendeBetaling: null });
    expect(o.schulden[0].uitleg).toContain('De invordering staat stil (gepauzeerd)');
    expect(asFatima.data!.myHousehold!.schuldenOverzicht).toEqual(o);
  });
});

interface SqlTotals {
  household_id: string;
  aantal: number;
  totaal: string;
  gedekt: string;
  niet_gedekt: string;
  gepauzeerd: string;
  oudste: string;
}

describe('on generated data, against plain SQL sums', () => {
  let overzichten: Map<string, OverzichtFragment>;
  beforeAll(async () => {
    const r = await app.gql(AllSchuldenOverzichtenDocument, { first: 100 }, medewerker);
    expect(r.errors).toBeUndefined();
    overzichten = new Map(r.data!.households.nodes.map((n) => [n.id, n.schuldenOverzicht]));
    expect(overzichten.size).toBe(33);
  });

  const counted = `
    select s.*, s.openstaand_bedrag + s.kosten as te_betalen, t.soort as toeslag_soort,
           exists (select 1 from betalingsregeling_schuld bs join betalingsregeling r on r.id = bs.betalingsregeling_id
                    where bs.schuld_id = s.id and r.status = 'ACTIEF') as gedekt
      from schuld s join toeslag t on t.id = s.toeslag_id
     where s.status not in ('VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING') and s.openstaand_bedrag + s.kosten > 0`;

  it('has the totals, counts, cover, pause and oldest due date that SQL computes', async () => {
    const rows: SqlTotals[] = await app.em().getConnection().execute(
      `with c as (${counted})
       select household_id, count(*)::int as aantal, sum(te_betalen)::text as totaal,
              coalesce(sum(te_betalen) filter (where gedekt), 0.00)::text as gedekt,
              coalesce(sum(te_betalen) filter (where not gedekt), 0.00)::text as niet_gedekt,
              coalesce(sum(te_betalen) filter (where gepauzeerd), 0.00)::text as gepauzeerd,
              min(vervaldatum)::text as oudste
         from c group by household_id`,
    );
    const bySql = new Map(rows.map((r) => [toGlobalId('Household', r.household_id), r]));
    // The generated data must exercise the interesting cases, or this test proves little.
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.some((r) => d(r.gedekt).gt(0) && d(r.niet_gedekt).gt(0))).toBe(true);
    expect(rows.some((r) => d(r.gepauzeerd).gt(0))).toBe(true);
    for (const [id, o] of overzichten) {
      const expected = bySql.get(id) ?? { aantal: 0, totaal: '0.00', gedekt: '0.00', niet_gedekt: '0.00', gepauzeerd: '0.00', oudste: null };
      expect({ id, ...o, schulden: undefined, perToeslagsoort: undefined, volgendeBetaling: undefined, achterstand: undefined }).toEqual({
        id,
        aantalSchulden: expected.aantal,
        totaalOpenstaand: expected.totaal,
        gedektDoorRegeling: expected.gedekt,
        nietGedekt: expected.niet_gedekt,
        waarvanGepauzeerd: expected.gepauzeerd,
        oudsteVervaldatum: expected.oudste,
        schulden: undefined,
        perToeslagsoort: undefined,
        volgendeBetaling: undefined,
        achterstand: undefined,
      });
    }
  });

  it('lists exactly the schulden SQL counts, earliest due first, and splits per toeslagsoort as SQL does', async () => {
    const schulden: Array<{ household_id: string; id: string; te_betalen: string; gedekt: boolean }> = await app
      .em()
      .getConnection()
      .execute(`select household_id, id, te_betalen::text, gedekt from (${counted}) c order by household_id, vervaldatum, id`);
    const perSoort: Array<{ household_id: string; soort: string; aantal: number; totaal: string }> = await app
      .em()
      .getConnection()
      .execute(`select household_id, toeslag_soort as soort, count(*)::int as aantal, sum(te_betalen)::text as totaal from (${counted}) c group by 1, 2`);
    const order = ['ZORGTOESLAG', 'HUURTOESLAG', 'KINDEROPVANGTOESLAG', 'KINDGEBONDEN_BUDGET'];
    for (const [id, o] of overzichten) {
      const dbId = Buffer.from(id, 'base64url').toString().split(':')[1];
      expect(o.schulden.map((s) => [s.schuld.id, s.openstaand, s.gedekt])).toEqual(
        schulden.filter((s) => s.household_id === dbId).map((s) => [toGlobalId('Schuld', s.id), s.te_betalen, s.gedekt]),
      );
      expect(o.perToeslagsoort).toEqual(
        perSoort
          .filter((p) => p.household_id === dbId)
          .sort((a, b) => order.indexOf(a.soort) - order.indexOf(b.soort))
          .map((p) => ({ soort: p.soort, aantalSchulden: p.aantal, totaalOpenstaand: p.totaal })),
      );
      expect(o.schulden.every((s) => s.uitleg.startsWith('Terugvordering ') && s.uitleg.includes('Nog te betalen: € '))).toBe(true);
    }
  });

  it('has the next payment SQL finds: the earliest first unpaid termijn due today or later over the active regelingen', async () => {
    const next: Array<{ household_id: string; regeling_id: string; datum: string; bedrag: string }> = await app.em().getConnection().execute(
      `select distinct on (r.household_id) r.household_id, r.id as regeling_id, t.vervaldatum::text as datum, (t.bedrag - t.betaald_bedrag)::text as bedrag
         from betalingsregeling r
         join lateral (select * from termijn t where t.betalingsregeling_id = r.id and t.betaald_bedrag < t.bedrag and t.vervaldatum >= ?::date
                        order by t.volgnummer limit 1) t on true
        where r.status = 'ACTIEF'
        order by r.household_id, t.vervaldatum, r.id`,
      [app.clock.today()],
    );
    expect(next.length).toBeGreaterThan(5);
    const bySql = new Map(next.map((n) => [toGlobalId('Household', n.household_id), n]));
    for (const [id, o] of overzichten) {
      const n = bySql.get(id);
      expect(o.volgendeBetaling).toEqual(n ? { datum: n.datum, bedrag: n.bedrag, betalingsregeling: { id: toGlobalId('Betalingsregeling', n.regeling_id) } } : null);
    }
  });

  it('has the arrears SQL finds: what is unpaid of active regelingen\'s termijnen whose vervaldatum has passed', async () => {
    const rows: Array<{ household_id: string; achterstand: string }> = await app.em().getConnection().execute(
      `select r.household_id, sum(t.bedrag - t.betaald_bedrag)::text as achterstand
         from betalingsregeling r join termijn t on t.betalingsregeling_id = r.id
        where r.status = 'ACTIEF' and t.betaald_bedrag < t.bedrag and t.vervaldatum < ?::date
        group by r.household_id`,
      [app.clock.today()],
    );
    const bySql = new Map(rows.map((r) => [toGlobalId('Household', r.household_id), r.achterstand]));
    for (const [id, o] of overzichten) expect(d(o.achterstand).toFixed(2)).toBe(d(bySql.get(id) ?? '0').toFixed(2));
  });

  it('keeps every total the exact sum of its parts', () => {
    for (const o of overzichten.values()) {
      const totaal = d(o.totaalOpenstaand);
      expect(totaal.eq(d(o.gedektDoorRegeling).plus(o.nietGedekt))).toBe(true);
      expect(totaal.eq(sum(o.perToeslagsoort.map((p) => p.totaalOpenstaand)))).toBe(true);
      expect(totaal.eq(sum(o.schulden.map((s) => s.openstaand)))).toBe(true);
      expect(d(o.gedektDoorRegeling).eq(sum(o.schulden.filter((s) => s.gedekt).map((s) => s.openstaand)))).toBe(true);
      expect(o.aantalSchulden).toBe(o.schulden.length);
      expect(o.perToeslagsoort.reduce((a, p) => a + p.aantalSchulden, 0)).toBe(o.aantalSchulden);
    }
  });
});
