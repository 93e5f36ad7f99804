import { TEST_TODAY, runOn } from '../support/clock';
import Decimal from 'decimal.js';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { DEMO, demoUuid, demoZorgtoeslagVoorVolgendeMaand, loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { runInvordering } from '../../src/modules/invordering/invordering.service';
import { checkLeveringPeriode } from '../../src/modules/kinderopvang/kinderopvang.rules';
import { checkGeldigTot } from '../../src/modules/machtiging/machtiging.rules';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { planVoorschotpercentage } from '../../src/modules/toeslag/toeslag.rules';
import { neemtDeel } from '../../src/modules/vroegsignalering/vroegsignalering.rules';
import { addDays, addMonths, firstOfNextMonth, yearOf } from '../../src/shared/dates';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { TEST_PSEUDONYM_KEY } from '../support/app';

// The demo set is loaded for a date (`npm start`: today in the Netherlands) and every date in it is
// relative to that day, so the README's examples give the documented kind of answer in any month.
// Loaded on several dates here — mid-year, the turn of the year, December (when next month's voorschot
// is next year's), leap and month-end days, and today — each in its own database, and checked
// against what the README relies on.

const DATES = [
  '2026-06-15',
  '2026-09-30',
  '2026-10-01',
  '2026-12-31',
  '2027-01-01',
  '2027-01-31',
  '2027-03-01',
  '2027-12-10',
  '2028-02-29',
  TEST_TODAY,
].filter((d, i, all) => all.indexOf(d) === i);

const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);

/** The README's setVoorschotpercentage example: Sanne's zorgtoeslag of the running year, in December next year's. */
const readmeZorgtoeslag = (today: string) => demoUuid(today.slice(5, 7) === '12' ? 307 : 304);

describe.each(DATES)('the demo set loaded on %s', (today) => {
  const jaar = yearOf(today);
  const volgendeMaand = firstOfNextMonth(today);
  let db: TestDatabase;
  let orm: MikroORM;
  const em = () => orm.em.fork() as EntityManager;
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => em().getConnection().execute<T[]>(q, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
    await loadDemoData(em(), today);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('has nothing happen after today: decisions, events, payments, births, checks', async () => {
    const [row] = await sql<Record<string, string | null>>(
      `select (select max(dagtekening)::text from beschikking) as beschikking,
              (select max(greatest(dagtekening, status_sinds))::text from schuld) as schuld,
              (select max(datum)::text from schuld_event) as schuld_event,
              (select max(betaald_op)::text from termijn) as termijn_betaald,
              (select max(geboortedatum)::text from person) as geboorte,
              (select max(vanaf)::text from household_member) as lid_vanaf,
              (select max(vanaf)::text from vroegsignalering_deelname) as deelname_vanaf,
              (select max(financiele_gezondheid_datum)::text from koo_organisatie) as financiele_gezondheid,
              (select max(ontstaan_op)::text from koo_convenanttegoed) as tegoed_ontstaan`,
    );
    expect(Object.entries(row).filter(([, date]) => date! > today)).toEqual([]);
  });

  it('has a running zorg- and huurtoeslag for next month’s voorschot (the README’s setVoorschotpercentage)', async () => {
    const toeslagen = await em().find(Toeslag, { household: DEMO.households.deVries }, { orderBy: { berekeningsjaar: 'desc' } });
    for (const soort of [ToeslagSoort.ZORGTOESLAG, ToeslagSoort.HUURTOESLAG]) {
      const t = toeslagen.find((x) => x.soort === soort && x.berekeningsjaar === yearOf(volgendeMaand));
      expect([soort, t?.status]).toEqual([soort, ToeslagStatus.VOORLOPIG_TOEGEKEND]);
      const plan = planVoorschotpercentage(t!, 80, today);
      expect(plan).toMatchObject({ ok: true, wijziging: { ingangsdatum: volgendeMaand } });
    }
    // The README names the zorgtoeslag by id; the answer it documents is 90 % of €123.00 from next month.
    expect(demoZorgtoeslagVoorVolgendeMaand(today)).toBe(readmeZorgtoeslag(today));
    const zorg = toeslagen.find((x) => x.id === readmeZorgtoeslag(today));
    expect(zorg).toMatchObject({ soort: ToeslagSoort.ZORGTOESLAG, berekeningsjaar: yearOf(volgendeMaand), voorschotPercentage: 100 });
    expect(planVoorschotpercentage(zorg!, 90, today)).toMatchObject({ ok: true, wijziging: { ingangsdatum: volgendeMaand, voorschotMaandbedrag: new Decimal('110.70') } });
  });

  it('from 1 October also has next year’s toeslagen running; in December the running year’s takes no change', async () => {
    const lopend = await em().find(Toeslag, { status: ToeslagStatus.VOORLOPIG_TOEGEKEND });
    const jaren = today >= `${jaar}-10-01` ? [jaar, jaar + 1] : [jaar];
    const sorted = (rows: Array<[string, string, number]>) => rows.map((r) => r.join(' ')).sort();
    expect(sorted(lopend.map((t) => [t.household.id, t.soort, t.berekeningsjaar]))).toEqual(
      sorted([
        ...jaren.flatMap((j): Array<[string, string, number]> => [
          [DEMO.households.deVries, ToeslagSoort.ZORGTOESLAG, j],
          [DEMO.households.deVries, ToeslagSoort.HUURTOESLAG, j],
          [DEMO.households.jansen, ToeslagSoort.ZORGTOESLAG, j],
        ]),
      ]),
    );
    for (const t of lopend) {
      expect(t.berekendVoorschotMaandbedrag).not.toBeNull();
      const plan = planVoorschotpercentage(t, 50, today);
      const openForChange = yearOf(volgendeMaand) <= t.berekeningsjaar;
      expect([t.id, plan.ok]).toEqual([t.id, openForChange]);
      if (!plan.ok) expect(plan.errors.map((e) => e.code)).toEqual(['TOESLAG_NIET_LOPEND']);
    }
  });

  it('has recoveries only for years that are over, Sanne’s of two years ago', async () => {
    const rows = await sql<{ toeslag_id: string; berekeningsjaar: number; dagtekening: string }>(
      `select b.toeslag_id, t.berekeningsjaar, b.dagtekening::text from beschikking b join toeslag t on t.id = b.toeslag_id where b.soort = 'TERUGVORDERING'`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.dagtekening <= `${r.berekeningsjaar}-12-31`)).toEqual([]);
    const deVries = rows.filter((r) => [demoUuid(300), demoUuid(301)].includes(r.toeslag_id));
    expect(deVries.map((r) => r.berekeningsjaar)).toEqual([jaar - 2, jaar - 2]);
  });

  it('has the schulden the README describes: same amounts, past their vervaldatum (6 weeks after the dagtekening)', async () => {
    const rows = await sql<{ id: string; status: string; openstaand: string; dagtekening: string; vervaldatum: string; gepauzeerd: boolean }>(
      `select id, status, openstaand_bedrag::text as openstaand, dagtekening::text, vervaldatum::text, gepauzeerd from schuld order by id`,
    );
    expect(rows.map((r) => [r.id, r.status, r.openstaand, r.gepauzeerd])).toEqual([
      [demoUuid(400), 'IN_BETALINGSREGELING', '252.00', false],
      [demoUuid(401), 'HERINNERD', '1250.40', false],
      [demoUuid(402), 'OPEN', '96.00', false],
      [demoUuid(403), 'OPEN', '4870.15', true],
    ]);
    expect(rows.filter((r) => r.vervaldatum >= today).map((r) => [r.id, r.vervaldatum])).toEqual([]);
    expect(rows.filter((r) => r.vervaldatum !== addDays(r.dagtekening, 42)).map((r) => [r.id, r.dagtekening, r.vervaldatum])).toEqual([]);
  });

  it('has Sanne’s arrangement paid up today, three termijnen paid and the next due on the first of next month', async () => {
    const termijnen = await sql<{ vervaldatum: string; bedrag: string; betaald: string }>(
      `select vervaldatum::text, bedrag::text, betaald_bedrag::text as betaald from termijn where betalingsregeling_id = ? order by volgnummer`,
      [demoUuid(500)],
    );
    expect(termijnen).toHaveLength(16);
    expect(termijnen.reduce((s, t) => s.plus(t.bedrag), new Decimal(0)).toFixed(2)).toBe('312.00');
    expect(termijnen.filter((t) => t.betaald === t.bedrag).map((t) => t.vervaldatum)).toEqual([-3, -2, -1].map((n) => addMonths(volgendeMaand, n)));
    expect(termijnen.every((t) => t.vervaldatum >= today || t.betaald === t.bedrag)).toBe(true);
    expect(termijnen.find((t) => t.betaald !== t.bedrag)!.vervaldatum).toBe(volgendeMaand);
  });

  it('has the gemeenten taking part in vroegsignalering today and for the next months', async () => {
    const perioden = await sql<{ gemeentecode: string; vanaf: string; tot: string }>(`select gemeentecode, vanaf::text, tot::text from vroegsignalering_deelname order by gemeentecode`);
    expect(perioden.map((p) => p.gemeentecode)).toEqual(['0014', '0193', '0344', '0363', '0995']);
    expect(perioden.filter((p) => !neemtDeel([p], today) || !neemtDeel([p], addMonths(today, 3)))).toEqual([]);
  });

  it('has the KOO persona hold one open convenanttegoed of a past month; last month can be delivered', async () => {
    const tegoeden = await sql<{ periode: string; status: string; bedrag: string }>(`select periode, status, bedrag::text from koo_convenanttegoed`);
    expect(tegoeden).toEqual([{ periode: expect.any(String), status: 'OPEN', bedrag: '145.20' }]);
    expect(`${tegoeden[0].periode}-01` < `${today.slice(0, 7)}-01`).toBe(true);
    // The README's delivery: last month, a contract that ends a year from today.
    expect(checkLeveringPeriode(addMonths(today, -1).slice(0, 7), today)).toBeNull();
  });

  it('has no machtiging yet; the README’s request (valid for a year from today) is accepted', async () => {
    expect(await sql(`select id from machtiging`)).toEqual([]);
    expect(checkGeldigTot(addMonths(today, 12), today)).toBeNull();
  });

  it('runs the README’s collection example: on the day after the next termijn an aanmaning for Sanne’s huurtoeslag and a vroegsignaal of €1,258.40 to Zwolle', async () => {
    const datum = addDays(volgendeMaand, 1);
    const r = await runInvordering(em(), { ...runOn(datum), pseudonymise });
    expect(r.fouten).toEqual([]);
    const schulden = await sql<{ id: string; status: string; kosten: string }>(`select id, status, kosten::text from schuld where id in (?, ?) order by id`, [demoUuid(401), demoUuid(402)]);
    // Jan's €96 recovery is at or below the doelmatigheidsgrens.
    expect(schulden).toEqual([
      { id: demoUuid(401), status: 'AANGEMAAND', kosten: '8.00' },
      { id: demoUuid(402), status: 'BUITEN_INVORDERING', kosten: '0.00' },
    ]);
    const signalen = await sql(`select household_id, gemeentecode, signaaldatum::text, bedrag_achterstand::text from vroegsignaal`);
    expect(signalen).toEqual([{ household_id: DEMO.households.deVries, gemeentecode: DEMO.gemeente.gemeente, signaaldatum: datum, bedrag_achterstand: '1258.40' }]);
  });
});
