import { runOn } from '../support/clock';
import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import Decimal from 'decimal.js';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/db/orm.config';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { Beschikking } from '../../src/modules/beschikking/beschikking.entity';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingSoort } from '../../src/modules/betalingsregeling/betalingsregeling.enums';
import { Household } from '../../src/modules/household/household.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { MemberRol } from '../../src/modules/household/household.enums';
import { Person } from '../../src/modules/household/person.entity';
import { InvorderingError, runInvordering } from '../../src/modules/invordering/invordering.service';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../../src/modules/toeslag/toeslag.enums';
import { addDays } from '../../src/shared/dates';
import { createTestDatabase, type TestDatabase } from '../support/db';

const KEY = 'invordering-test-pseudonym-key-0123456789abcdef';
const pseudonymise = createPseudonymiser(KEY);
const D = '2026-09-11';

let db: TestDatabase;
let orm: MikroORM;
const em = () => orm.em.fork() as EntityManager;
const ids: Record<string, string> = {};
const households: Record<string, { id: string; bsn: string }> = {};

let bsnCounter = 100000000;
function nextBsn(): string {
  for (;;) {
    const v = String(bsnCounter++);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(v[i]);
    sum -= Number(v[8]);
    if (sum % 11 === 0 && sum !== 0) return v;
  }
}

/** A household with an aanvrager, for the scenario below. */
function household(tx: EntityManager, name: string, uht = false): Household {
  const bsn = nextBsn();
  const h = tx.create(Household, {
    gemeentecode: '0193',
    uhtGeregistreerd: uht,
    adres: { straat: 'Teststraat', huisnummer: 1, huisnummertoevoeging: null, postcode: '8011AA', woonplaats: 'Zwolle' },
  });
  const p = tx.create(Person, { bsn, voornamen: name, achternaam: 'Test' });
  tx.create(HouseholdMember, { household: h, person: p, rol: MemberRol.AANVRAGER, vanaf: '2010-01-01' });
  households[name] = { id: h.id, bsn };
  return h;
}

const perHousehold: Record<string, number> = {};

/** A schuld with its toeslag and terugvorderingsbeschikking. */
function schuld(
  tx: EntityManager,
  key: string,
  h: Household,
  o: { bedrag?: string; open?: string; kosten?: string; dagtekening?: string; status?: SchuldStatus; statusSinds?: string; fraude?: boolean; gepauzeerd?: boolean; jaar?: number },
): Schuld {
  const dagtekening = o.dagtekening ?? '2026-07-10';
  const jaar = o.jaar ?? Number(dagtekening.slice(0, 4)) - 2;
  // one toeslag per schuld: a different soort for each schuld of the same household
  const soort = Object.values(ToeslagSoort)[(perHousehold[h.id] = (perHousehold[h.id] ?? -1) + 1)];
  const t = tx.create(Toeslag, { household: h, soort, berekeningsjaar: jaar, status: ToeslagStatus.DEFINITIEF_TOEGEKEND });
  const bedrag = new Decimal(o.bedrag ?? '500.00');
  const b = tx.create(Beschikking, { household: h, toeslag: t, soort: BeschikkingSoort.TERUGVORDERING, nummer: `TV-${randomUUID().slice(0, 8)}`, dagtekening, terugTeBetalen: bedrag });
  const s = tx.create(Schuld, {
    household: h,
    toeslag: t,
    beschikking: b,
    dagtekening,
    vervaldatum: addDays(dagtekening, 42),
    oorspronkelijkBedrag: bedrag,
    openstaandBedrag: new Decimal(o.open ?? bedrag.toFixed(2)),
    kosten: new Decimal(o.kosten ?? '0'),
    status: o.status ?? SchuldStatus.OPEN,
    statusSinds: o.statusSinds ?? dagtekening,
    fraude: o.fraude ?? false,
    gepauzeerd: o.gepauzeerd ?? false,
  });
  ids[key] = s.id;
  return s;
}

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 3 }));
  await em().transactional(async (tx) => {
    const normaal = household(tx, 'normaal');
    schuld(tx, 'open', normaal, {}); // vervaldatum 2026-08-21: reminder due from 08-28
    schuld(tx, 'herinnerd', normaal, { status: SchuldStatus.HERINNERD, statusSinds: '2026-08-28' }); // aanmaning due on D exactly
    schuld(tx, 'aangemaand', normaal, { status: SchuldStatus.AANGEMAAND, statusSinds: '2026-08-28', kosten: '8.00' }); // dwangbevel due on D
    schuld(tx, 'netNiet', normaal, { status: SchuldStatus.HERINNERD, statusSinds: '2026-08-29' }); // aanmaning due the day after D

    schuld(tx, 'uht', household(tx, 'uht', true), { status: SchuldStatus.HERINNERD, statusSinds: '2026-08-28' });
    schuld(tx, 'hervat', household(tx, 'hervat'), { dagtekening: '2020-08-14', gepauzeerd: true, statusSinds: '2021-01-15' });

    const oud = household(tx, 'oud');
    schuld(tx, 'oud2016', oud, { dagtekening: '2016-05-01' });
    schuld(tx, 'oudFraude', oud, { dagtekening: '2015-03-02', fraude: true });
    schuld(tx, 'klein', household(tx, 'klein'), { bedrag: '96.00' });

    // The seed-002 incident: an active arrangement whose schuld was never set to IN_BETALINGSREGELING.
    const regelingH = household(tx, 'regeling');
    const vergeten = schuld(tx, 'regelingVergeten', regelingH, { status: SchuldStatus.OPEN });
    const inRegeling = schuld(tx, 'inRegeling', regelingH, { status: SchuldStatus.IN_BETALINGSREGELING, statusSinds: '2026-08-01' });
    const r = tx.create(Betalingsregeling, {
      household: regelingH,
      soort: BetalingsregelingSoort.STANDAARD,
      totaalBedrag: new Decimal('1000.00'),
      termijnbedrag: new Decimal('41.67'),
      aantalTermijnen: 24,
      startdatum: '2026-09-01',
    });
    r.schulden.add(vergeten, inRegeling);

    schuld(tx, 'betaald', household(tx, 'betaald'), { open: '0', status: SchuldStatus.HERINNERD, statusSinds: '2026-09-01' });
    schuld(tx, 'alVoldaan', household(tx, 'alVoldaan'), { open: '0', status: SchuldStatus.VOLDAAN, statusSinds: '2026-01-01' });
  });
});
afterAll(async () => {
  await orm.close(true);
  await db.drop();
});

async function state(key: string) {
  const [row] = await em().getConnection().execute(
    `select status, status_sinds::text, kosten::text, gepauzeerd, version from schuld where id = ?`,
    [ids[key]],
  );
  return row as { status: string; status_sinds: string; kosten: string; gepauzeerd: boolean; version: number };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
async function events(key: string): Promise<Row[]> {
  return em().getConnection().execute(
    `select datum::text, soort, van_status, naar_status, bedrag::text, reden, bron from schuld_event where schuld_id = ? order by id`,
    [ids[key]],
  );
}
const count = async (sql: string) => Number((await em().getConnection().execute(sql))[0].n);

describe('the daily collection engine', () => {
  let first: Awaited<ReturnType<typeof runInvordering>>;

  beforeAll(async () => {
    // Two households per batch, so the keyset batching is exercised.
    first = await runInvordering(em(), { ...runOn(D), pseudonymise, batchSize: 2 });
  });

  it('examines every schuld not in a terminal state and reports the changes per kind', () => {
    expect(first.onderzocht).toBe(12); // all but alVoldaan
    expect(first.acties).toEqual({ HERINNERING: 2, AANMANING: 1, DWANGBEVEL: 1, GEPAUZEERD: 1, HERVAT: 1, BUITEN_INVORDERING: 2, VOLDAAN: 1 });
    expect(first.overgeslagen).toBe(0);
    expect(first.fouten).toEqual([]);
  });

  it('advances the chain on the day each term ends, with the costs from the norms table', async () => {
    expect(await state('open')).toMatchObject({ status: 'HERINNERD', status_sinds: D, kosten: '0.00' });
    expect(await state('herinnerd')).toMatchObject({ status: 'AANGEMAAND', status_sinds: D, kosten: '8.00' });
    expect(await state('aangemaand')).toMatchObject({ status: 'DWANGBEVEL', status_sinds: D, kosten: '56.00' });
    expect(await state('netNiet')).toMatchObject({ status: 'HERINNERD', status_sinds: '2026-08-29', kosten: '0.00', version: 1 });
  });

  it('writes every change to the schuld history, with from/to status, costs and reason', async () => {
    expect(await events('herinnerd')).toEqual([
      { datum: D, soort: 'AANMANING', van_status: 'HERINNERD', naar_status: 'AANGEMAAND', bedrag: '8.00', reden: expect.stringContaining('aanmaning'), bron: 'INVORDERING' },
    ]);
    expect(await events('netNiet')).toEqual([]);
  });

  it('pauses a UHT household without costs and resumes a household whose registration ended', async () => {
    expect(await state('uht')).toMatchObject({ status: 'HERINNERD', gepauzeerd: true, kosten: '0.00', status_sinds: '2026-08-28' });
    expect((await events('uht')).map((e) => e.soort)).toEqual(['GEPAUZEERD']);
    expect(await state('hervat')).toMatchObject({ status: 'OPEN', gepauzeerd: false, status_sinds: D });
  });

  it('puts 2016-and-older (not fraud) and below-doelmatigheidsgrens schulden buiten invordering', async () => {
    expect((await state('oud2016')).status).toBe('BUITEN_INVORDERING');
    expect((await state('oudFraude')).status).toBe('HERINNERD');
    expect((await state('klein')).status).toBe('BUITEN_INVORDERING');
  });

  it('never reminds or charges a schuld under an active arrangement, even one whose status was never updated', async () => {
    expect(await state('regelingVergeten')).toMatchObject({ status: 'OPEN', kosten: '0.00', version: 1 });
    expect(await state('inRegeling')).toMatchObject({ status: 'IN_BETALINGSREGELING', kosten: '0.00', version: 1 });
    expect(await events('regelingVergeten')).toEqual([]);
  });

  it('closes a paid schuld and leaves terminal ones alone', async () => {
    expect((await state('betaald')).status).toBe('VOLDAAN');
    expect(await state('alVoldaan')).toMatchObject({ status: 'VOLDAAN', version: 1 });
  });

  it('logs one access-log row per changed household, as the system, with the pseudonymised aanvrager', async () => {
    const rows: Row[] = await em().getConnection().execute(
      `select household_id, actor_role, actor_subject, processing_activity_id, operation_type, resources, data_subject from access_log_entry order by household_id`,
    );
    const changed = ['normaal', 'uht', 'hervat', 'oud', 'klein', 'betaald'].map((n) => households[n].id).sort();
    expect(rows.map((r) => r.household_id)).toEqual(changed);
    for (const r of rows) {
      const name = Object.keys(households).find((n) => households[n].id === r.household_id)!;
      expect(r).toMatchObject({ actor_role: 'SYSTEEM', actor_subject: 'invordering', processing_activity_id: 'invordering-schulden', operation_type: 'write', resources: ['Schuld'] });
      expect(r.data_subject).toBe(createHmac('sha256', KEY).update(households[name].bsn).digest('hex'));
    }
  });

  it('changes nothing when run again for the same date', async () => {
    const before = await count('select count(*) as n from schuld_event');
    const logBefore = await count('select count(*) as n from access_log_entry');
    const again = await runInvordering(em(), { ...runOn(D), pseudonymise });
    expect(again.acties).toEqual({});
    expect(await count('select count(*) as n from schuld_event')).toBe(before);
    expect(await count('select count(*) as n from access_log_entry')).toBe(logBefore);
  });

  it('refuses to run for a date before the latest run', async () => {
    await expect(runInvordering(em(), { ...runOn(addDays(D, -1)), pseudonymise })).rejects.toBeInstanceOf(InvorderingError);
    await expect(runInvordering(em(), { ...runOn('2026-02-30'), pseudonymise })).rejects.toBeInstanceOf(InvorderingError);
  });

  it('takes the next steps on later days, each term after the previous step', async () => {
    const d1 = addDays(D, 1); // netNiet's aanmaning falls due today
    expect((await runInvordering(em(), { ...runOn(d1), pseudonymise })).acties).toEqual({ AANMANING: 1 });
    expect((await state('netNiet')).status).toBe('AANGEMAAND');

    const d7 = addDays(D, 7); // the resumed schuld gets its reminder a full term after the resume
    expect((await runInvordering(em(), { ...runOn(d7), pseudonymise })).acties).toEqual({ HERINNERING: 1 });
    expect((await state('hervat')).status).toBe('HERINNERD');

    const d14 = addDays(D, 14); // those reminded on D get their aanmaning, the one aangemaand on D its dwangbevel
    expect((await runInvordering(em(), { ...runOn(d14), pseudonymise })).acties).toEqual({ AANMANING: 2, DWANGBEVEL: 1 });
    expect(await state('open')).toMatchObject({ status: 'AANGEMAAND', kosten: '8.00' });
  });

  it('records each run with its counts', async () => {
    const [run] = await em().getConnection().execute(`select resultaat, klaar_op from invordering_run where datum = ?`, [D]);
    expect(run.klaar_op).not.toBeNull();
    expect(run.resultaat).toEqual(first.acties);
  });

  it('runs as `npm run invordering -- --date …` (the compiled command) against DATABASE_URL', async () => {
    const root = path.join(__dirname, '../..');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'dist/src/cli/invordering.js'), '--date', addDays(D, 28)], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url, PSEUDONYM_KEY: KEY },
    });
    // open and oudFraude (aangemaand 09-25) and netNiet (09-12) get a dwangbevel; hervat (reminded 09-18) an aanmaning
    expect(stdout).toMatch(/^invordering 2026-10-09: 9 schulden examined, changes: /m);
    expect(stdout).toMatch(/DWANGBEVEL 3/);
    expect(stdout).toMatch(/AANMANING 1/);
  });
});
