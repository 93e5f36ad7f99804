import { TEST_TODAY } from '../support/clock';
import Decimal from 'decimal.js';
import { HouseholdDetailsDocument, MyHouseholdDetailsDocument, NodeDocument } from '../generated/graphql';
import { DEMO, demoCalendar, demoUuid } from '../../src/db/demo-data';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { addMonths } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// The read model in full: beschikkingen of a toeslag, a schuld's origin, costs, history and
// covering regeling, and a regeling's termijnen and whether it is paid up.

let app: TestApp;
let paidUp: BuiltHousehold;
let behind: BuiltHousehold;
beforeAll(async () => {
  app = await startTestApp();
  const factory = new Factory(app.em(), 11);
  [paidUp, behind] = await factory.households(2, { full: true });
  // Make one regeling fully paid up to today and the other one termijn behind, whatever the factory drew.
  const em = app.em();
  const today = TEST_TODAY;
  for (const t of await em.find(Termijn, { betalingsregeling: paidUp.regelingen[0].id })) {
    if (t.vervaldatum < today) Object.assign(t, { betaaldBedrag: t.bedrag, betaaldOp: t.vervaldatum });
  }
  const due = await em.find(Termijn, { betalingsregeling: behind.regelingen[0].id }, { orderBy: { volgnummer: 'asc' } });
  due[0].vervaldatum = '2020-01-01';
  due[0].betaaldBedrag = new Decimal(0);
  due[0].betaaldOp = null;
  await em.flush();
});
afterAll(() => app.close());

// The demo set's dates are relative to the day it was loaded (today).
const cal = demoCalendar(TEST_TODAY);
const oud = cal.deVriesDefinitiefJaar;

describe('the demo household De Vries, as Sanne sees it', () => {
  it('shows every beschikking of a toeslag, oldest first, the definitieve berekening before its terugvordering', async () => {
    const r = await app.gql(MyHouseholdDetailsDocument, {}, await app.token({ ...personas.sanne }));
    expect(r.errors).toBeUndefined();
    const zorgOud = r.data!.myHousehold!.toeslagen.nodes.find((t) => t.id === toGlobalId('Toeslag', demoUuid(300)))!;
    expect(zorgOud).toMatchObject({ berekeningsjaar: oud, berekendVoorschotMaandbedrag: '131.00', voorschotMaandbedrag: '131.00', voorschotPercentage: 100 });
    expect(zorgOud.beschikkingen.map((b) => [b.soort, b.nummer, b.dagtekening])).toEqual([
      ['VOORLOPIG', `VL-${oud}-0193-000101`, cal.voorlopig(oud)],
      ['DEFINITIEF', `DF-${oud}-0193-000412`, cal.terugvorderingZorg],
      ['TERUGVORDERING', `TV-${oud}-0193-000412`, cal.terugvorderingZorg],
    ]);
    expect(zorgOud.beschikkingen[0]).toMatchObject({ ingangsdatum: `${oud}-01-01`, jaarbedrag: '1572.00', voorschotMaandbedrag: '131.00', voorschotPercentage: 100 });
    expect(zorgOud.beschikkingen[2]).toMatchObject({ betaaldeVoorschotten: '1572.00', terugTeBetalen: '312.00', jaarbedrag: null });
    expect(zorgOud.beschikkingen[2].reden).toMatch(new RegExp(`^Uw inkomen over ${oud}`));
  });

  it('shows a schuld’s origin, costs, status date, total, history and covering regeling', async () => {
    const r = await app.gql(MyHouseholdDetailsDocument, {}, await app.token({ ...personas.sanne }));
    const h = r.data!.myHousehold!;
    const [zorg, huur] = h.schulden.nodes;
    const regelingId = toGlobalId('Betalingsregeling', demoUuid(500));
    expect(zorg).toMatchObject({ kosten: '0.00', statusSinds: cal.regelingAangevraagd, totaalOpenstaand: '252.00', betalingsregeling: { id: regelingId } });
    expect(zorg.beschikking).toMatchObject({ soort: 'TERUGVORDERING', nummer: `TV-${oud}-0193-000412`, toeslag: { id: toGlobalId('Toeslag', demoUuid(300)) } });
    expect(zorg.geschiedenis.map((e) => [e.datum, e.soort, e.naarStatus, e.bedrag])).toEqual([
      [cal.terugvorderingZorg, 'ONTSTAAN', 'OPEN', null],
      [cal.regelingAangevraagd, 'REGELING_GESTART', 'IN_BETALINGSREGELING', null],
      [cal.eersteTermijn, 'BETALING', null, '20.00'],
      [addMonths(cal.eersteTermijn, 1), 'BETALING', null, '20.00'],
      [addMonths(cal.eersteTermijn, 2), 'BETALING', null, '20.00'],
    ]);
    expect(zorg.geschiedenis[0]).toMatchObject({ bron: 'SYSTEEM', reden: `Terugvorderingsbeschikking TV-${oud}-0193-000412`, vanStatus: null });
    expect(huur).toMatchObject({ totaalOpenstaand: '1250.40', betalingsregeling: null, beschikking: { nummer: `TV-${oud}-0193-000413` } });
  });

  it('shows the termijnen, which sum exactly to the regeling, and whether it is paid up today', async () => {
    const r = await app.gql(MyHouseholdDetailsDocument, {}, await app.token({ ...personas.sanne }));
    const [regeling] = r.data!.myHousehold!.betalingsregelingen.nodes;
    expect(regeling.termijnen).toHaveLength(16);
    expect(regeling.termijnen.map((t) => t.volgnummer)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(regeling.termijnen.reduce((s, t) => s.plus(t.bedrag), new Decimal(0)).toFixed(2)).toBe('312.00');
    expect(regeling.termijnen[0]).toMatchObject({ vervaldatum: cal.eersteTermijn, bedrag: '20.00', betaaldBedrag: '20.00', betaaldOp: cal.eersteTermijn });
    expect(regeling.termijnen[15]).toMatchObject({ bedrag: '12.00', betaaldBedrag: '0.00', betaaldOp: null });
    // Independently of the rule: paid up means no termijn due before today is short.
    const today = TEST_TODAY;
    const expected = regeling.termijnen.every((t) => t.vervaldatum >= today || new Decimal(t.betaaldBedrag).gte(t.bedrag));
    expect(regeling.bijOpDatum).toBe(expected);
    // The demo set is loaded paid up: three termijnen paid, the fourth due on the first of next month.
    expect(regeling.bijOpDatum).toBe(true);
  });

  it('fetches a beschikking through node(id), with its toeslag', async () => {
    const id = toGlobalId('Beschikking', demoUuid(602));
    const r = await app.gql(NodeDocument, { id }, await app.token({ ...personas.ahmed }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toMatchObject({ __typename: 'Beschikking', id, beschikkingSoort: 'TERUGVORDERING', nummer: `TV-${oud}-0193-000412` });
  });
});

describe('paid up or behind', () => {
  it('bijOpDatum is true when every termijn due before today is paid, false with one unpaid', async () => {
    const medewerker = await app.token({ ...personas.medewerker });
    const up = await app.gql(HouseholdDetailsDocument, { id: toGlobalId('Household', paidUp.household.id) }, medewerker);
    const down = await app.gql(HouseholdDetailsDocument, { id: toGlobalId('Household', behind.household.id) }, medewerker);
    const find = (nodes: Array<{ id: string; bijOpDatum: boolean }>, id: string) => nodes.find((n) => n.id === toGlobalId('Betalingsregeling', id))!;
    expect(find(up.data!.household.betalingsregelingen.nodes, paidUp.regelingen[0].id).bijOpDatum).toBe(true);
    expect(find(down.data!.household.betalingsregelingen.nodes, behind.regelingen[0].id).bijOpDatum).toBe(false);
  });

  it('only an ACTIEF regeling counts as the schuld’s betalingsregeling', async () => {
    const medewerker = await app.token({ ...personas.medewerker });
    const r = await app.gql(HouseholdDetailsDocument, { id: toGlobalId('Household', DEMO.households.elAmrani) }, medewerker);
    expect(r.data!.household.schulden.nodes.map((s) => s.betalingsregeling)).toEqual([null]);
    const covered = paidUp.regelingen[0];
    const schuldIds = covered.schulden.getItems().map((s) => toGlobalId('Schuld', s.id));
    const got = await app.gql(HouseholdDetailsDocument, { id: toGlobalId('Household', paidUp.household.id) }, medewerker);
    for (const s of got.data!.household.schulden.nodes) {
      const inActive = paidUp.regelingen.some((reg) => reg.status === 'ACTIEF' && reg.schulden.getItems().some((x) => toGlobalId('Schuld', x.id) === s.id));
      expect(s.betalingsregeling !== null).toBe(inActive);
    }
    expect(schuldIds.length).toBeGreaterThan(0);
  });
});
