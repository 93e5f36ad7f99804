import { TEST_TODAY, runOn } from '../support/clock';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { Vroegsignaal, VroegsignaleringDeelname } from '../../src/modules/vroegsignalering/vroegsignaal.entity';
import { eraseExpiredVroegsignalen, publishVroegsignalen } from '../../src/modules/vroegsignalering/vroegsignalering.engine';
import { addMonths } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { HouseholdVroegsignalenDocument, VroegsignaleringStatisticsDocument, VroegsignalenDocument } from '../generated/graphql';
import { startTestApp, TEST_PSEUDONYM_KEY, type TestApp } from '../support/app';
import { Factory } from '../support/factories';

const pseudonymise = createPseudonymiser(TEST_PSEUDONYM_KEY);
const today = TEST_TODAY;
const FEED = '0202'; // a gemeente only this file's feed test uses
const RET = '0200'; // the retention test's gemeente

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  const em = app.em();
  for (const g of [FEED, RET]) em.create(VroegsignaleringDeelname, { gemeentecode: g, naam: `Gemeente ${g}`, vanaf: addMonths(today, -24), tot: '2099-01-01', gewijzigdDoor: 'test' });
  await em.flush();
});
afterAll(() => app.close());

const INSERT = `insert into vroegsignaal (id, gemeentecode, signaaldatum, ontstaansdatum, crisissignaal, warme_overdracht, status)
                values (gen_random_uuid(), $1, $2, $2, false, false, 'NIEUW') returning id`;

describe('the gemeente feed under concurrent signal creation', () => {
  it('a poller paging with its cursor while transactions insert and commit out of order sees every signal exactly once', async () => {
    const token = await app.token({ role: 'GEMEENTE', sub: `gemeente-${FEED}`, gemeente: FEED });
    const seen: string[] = [];
    let cursor: string | null = null;
    /** One polling run of an integration: pages from its stored cursor until there is no next page. */
    const poll = async () => {
      for (;;) {
        const r = await app.gql(VroegsignalenDocument, { first: 2, after: cursor }, token);
        expect(r.errors).toBeUndefined();
        const page = r.data!.vroegsignalen;
        seen.push(...page.nodes.map((n) => n.id));
        if (page.pageInfo.endCursor) cursor = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) return;
      }
    };

    const writers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = new Client({ connectionString: app.databaseUrl });
        await c.connect();
        await c.query('begin');
        return c;
      }),
    );
    const created: string[] = [];
    try {
      // Every writer inserts (so takes its place in time) before any commits; the first writers insert first.
      for (const [i, c] of writers.entries()) {
        for (let k = 0; k < 2 + i; k++) created.push(...(await c.query(INSERT, [FEED, today])).rows.map((r: { id: string }) => r.id));
      }
      await poll(); // nothing committed yet
      expect(seen).toEqual([]);
      // Commit out of order, numbering (the engine's step) racing with the poller and with each other.
      // (One poller: an integration's runs follow each other, each from the cursor the previous one stored.)
      for (const i of [4, 1, 5]) {
        await writers[i].query('commit');
        await Promise.all([publishVroegsignalen(app.em()), poll(), publishVroegsignalen(app.em())]);
      }
      // An insert committed while a numbering runs in another transaction holding the lock.
      const locker = new Client({ connectionString: app.databaseUrl });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query('select pg_advisory_xact_lock(6170000001)');
        await writers[0].query('commit');
        await poll(); // the poller cannot number now (the lock is held): it must not skip anything later
        await locker.query('commit');
      } finally {
        await locker.end();
      }
      await writers[3].query('commit');
      await poll();
      await writers[2].query('commit');
      await Promise.all([poll(), publishVroegsignalen(app.em())]);
      await poll();
      await poll();
    } finally {
      for (const c of writers) await c.end();
    }
    expect(seen.length).toBe(created.length);
    expect(new Set(seen).size).toBe(seen.length); // nothing repeated
    expect(new Set(seen)).toEqual(new Set(created.map((id) => toGlobalId('Vroegsignaal', id)))); // nothing missed
  }, 60_000);

  it('the feed numbers are a gap-free prefix in commit order: numbering is one serialized step', async () => {
    const rows = await app.em().getConnection().execute<Array<{ volgnummer: string }>>(`select volgnummer from vroegsignaal where volgnummer is not null order by volgnummer`);
    expect(rows.map((r: { volgnummer: string }) => Number(r.volgnummer))).toEqual(rows.map((_: unknown, i: number) => i + 1));
  });
});

describe('retention', () => {
  const S = '2024-03-15'; // signaaldatum; 12 months (norm) later is 2025-03-15
  let householdId: string;
  let signaalId: string;
  let aanvragerBsn: string;

  beforeAll(async () => {
    const em = app.em();
    const built = new Factory(em, 42).household({ gemeentecode: RET, uht: false });
    await em.flush();
    householdId = built.household.id;
    aanvragerBsn = built.aanvrager.bsn;
    const v = em.create(Vroegsignaal, {
      household: built.household,
      gemeentecode: RET,
      signaaldatum: S,
      ontstaansdatum: '2024-01-01',
      bedragAchterstand: '812.50' as never,
      crisissignaal: false,
      warmeOverdracht: true,
      voornamen: 'Anna',
      achternaam: 'Bos',
      partnerNaam: 'Piet Bos',
      straat: 'Markt',
      huisnummer: 1,
      postcode: '1234AB',
      woonplaats: 'Ergens',
      telefoonnummer: '0611111111',
      email: 'anna@example.org',
      status: 'OPGEVOLGD' as never,
      ontvangenOp: new Date('2024-03-16T10:00:00Z'),
      uitkomst: 'HULP_GEACCEPTEERD' as never,
      notitie: 'Afspraak op het wijkteam',
      opgevolgdOp: new Date('2024-03-20T10:00:00Z'),
    });
    await em.flush();
    signaalId = v.id;
  });

  const erase = (datum: string) => eraseExpiredVroegsignalen(app.em(), { ...runOn(datum), pseudonymise });
  const load = () => app.em().findOneOrFail(Vroegsignaal, signaalId);

  it('keeps the personal fields the day before and on the day the retention period is complete', async () => {
    expect(await erase('2025-03-14')).toEqual({ datum: '2025-03-14', grens: '2024-03-14', gewist: 0 });
    expect(await erase('2025-03-15')).toEqual({ datum: '2025-03-15', grens: '2024-03-15', gewist: 0 });
    const v = await load();
    expect(v).toMatchObject({ achternaam: 'Bos', telefoonnummer: '0611111111', notitie: 'Afspraak op het wijkteam', gewistOp: null, beeindigdOp: null });
    expect(v.household?.id).toBe(householdId);
  });

  it('erases them the day after, keeps the anonymous counts, and logs the erasure', async () => {
    expect((await erase('2025-03-16')).gewist).toBe(1);
    const v = await load();
    expect(v).toMatchObject({
      household: null,
      bedragAchterstand: null,
      voornamen: null,
      tussenvoegsel: null,
      achternaam: null,
      partnerNaam: null,
      straat: null,
      huisnummer: null,
      postcode: null,
      woonplaats: null,
      telefoonnummer: null,
      email: null,
      notitie: null,
      gewistOp: '2025-03-16',
      beeindigdOp: '2025-03-16',
      beeindigingsreden: 'BEWAARTERMIJN_VERSTREKEN',
      // anonymous, for the statistics
      gemeentecode: RET,
      signaaldatum: S,
      status: 'OPGEVOLGD',
      uitkomst: 'HULP_GEACCEPTEERD',
    });
    expect((await erase('2025-03-17')).gewist).toBe(0); // again: nothing left to erase

    const stats = await app.gql(VroegsignaleringStatisticsDocument, { gemeentecode: RET }, await app.token({ role: 'MEDEWERKER', sub: 'M1', employee: 'M1' }));
    expect(stats.data!.vroegsignaleringStatistics).toEqual([{ gemeentecode: RET, signalen: 1, ontvangen: 1, bereikt: 1, hulpGeaccepteerd: 1, crisissignalen: 0 }]);

    const logged = await app.em().getConnection().execute(
      `select actor_role, actor_subject, processing_activity_id, operation_type from access_log_entry where household_id = ?`,
      [householdId],
    );
    expect(logged).toEqual([{ actor_role: 'SYSTEEM', actor_subject: 'vroegsignalering-retentie', processing_activity_id: 'vroegsignalering', operation_type: 'write' }]);

    // the gemeente still sees the signal in its feed, erased; the citizen no longer sees it
    const feed = await app.gql(VroegsignalenDocument, { first: 100 }, await app.token({ role: 'GEMEENTE', sub: `gemeente-${RET}`, gemeente: RET }));
    expect(feed.data!.vroegsignalen.nodes).toEqual([
      expect.objectContaining({ id: toGlobalId('Vroegsignaal', signaalId), gewist: true, contact: null, bedragAchterstand: null, opvolging: expect.objectContaining({ notitie: null }) }),
    ]);
    const own = await app.gql(HouseholdVroegsignalenDocument, { id: toGlobalId('Household', householdId) }, await app.token({ role: 'BURGER', sub: aanvragerBsn }));
    expect(own.data!.household.vroegsignalen).toEqual([]);
  });

  it('runs as `npm run vroegsignalering:retentie -- --date …` (the compiled command)', async () => {
    const root = path.join(__dirname, '../..');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'dist/src/cli/vroegsignalering-retentie.js'), '--date', '2025-03-18'], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: app.databaseUrl, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY },
    });
    expect(stdout).toMatch(/^vroegsignalering retentie 2025-03-18: 0 signals with a signaaldatum before 2024-03-18 erased$/m);
  });
});
