import { TEST_TODAY } from '../support/clock';
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { RequestStandaardBetalingsregelingDocument } from '../generated/graphql';
import { BeschikkingSoort } from '../../src/modules/beschikking/beschikking.enums';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';
import { addDays, addMonths, firstOfNextMonth } from '../../src/shared/dates';
import { toGlobalId } from '../../src/shared/global-id';
import { codes, startTestApp, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

// requestStandaardBetalingsregeling: one STANDAARD arrangement for several schulden of a household,
// written in one transaction; a schuld that cannot join is a userError and nothing is written; reach is
// the policy's for Purpose.ACT; overlapping concurrent requests produce exactly one arrangement.

let app: TestApp;
let factory: Factory;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  factory = new Factory(app.em(), 4242);
});
afterAll(() => app.close());

const today = TEST_TODAY;
const traceId = () => randomUUID().replace(/-/g, '');

type Extra = Partial<Pick<Schuld, 'status' | 'gepauzeerd'>> & { openstaand?: string; kosten?: string };

interface Fixture extends BuiltHousehold {
  token: string;
  householdGid: string;
  /** Our own schulden (besides whatever the factory made), in the order asked. */
  mine: Schuld[];
  gids: string[];
}

/** A fresh household (no UHT) with our own schulden, all OPEN and collectable unless told otherwise. */
async function household(extras: Extra[] = [{ openstaand: '300.00' }, { openstaand: '450.50', kosten: '56.00' }]): Promise<Fixture> {
  const built = factory.household({ full: true, uht: false });
  const tv = built.beschikkingen.find((b) => b.soort === BeschikkingSoort.TERUGVORDERING)!;
  const em = app.em();
  await factory.flush();
  const mine = extras.map((x) =>
    em.create(Schuld, {
      household: built.household.id,
      toeslag: tv.toeslag.id,
      beschikking: tv.id,
      dagtekening: tv.dagtekening,
      vervaldatum: addDays(tv.dagtekening, 42),
      oorspronkelijkBedrag: new Decimal(x.openstaand ?? '100.00').plus(10),
      openstaandBedrag: new Decimal(x.openstaand ?? '100.00'),
      kosten: new Decimal(x.kosten ?? '0'),
      status: x.status ?? SchuldStatus.OPEN,
      statusSinds: addDays(tv.dagtekening, 60),
      gepauzeerd: x.gepauzeerd ?? false,
    } as never),
  );
  await em.flush();
  return {
    ...built,
    token: await app.token({ role: 'BURGER', sub: built.aanvrager.bsn }),
    householdGid: toGlobalId('Household', built.household.id),
    mine,
    gids: mine.map((s) => toGlobalId('Schuld', s.id)),
  };
}

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> => app.em().getConnection().execute(q, params);

/** Row counts of everything the mutation may write, for one household. */
async function counts(householdId: string) {
  const [row] = await sql(
    `select (select count(*)::int from betalingsregeling where household_id = ?) as regelingen,
            (select count(*)::int from termijn where household_id = ?) as termijnen,
            (select count(*)::int from betalingsregeling_schuld bs join schuld s on s.id = bs.schuld_id where s.household_id = ?) as links,
            (select count(*)::int from schuld_event where household_id = ?) as events,
            (select string_agg(id || ':' || status || ':' || version, ',' order by id) from schuld where household_id = ?) as schulden`,
    [householdId, householdId, householdId, householdId, householdId],
  );
  return row;
}

const request = (f: { householdGid: string }, schuldIds: string[], token: string, headers?: Record<string, string>) =>
  app.gql(RequestStandaardBetalingsregelingDocument, { input: { householdId: f.householdGid, schuldIds } }, token, headers);

async function machtiging(f: BuiltHousehold, scope: MachtigingScope) {
  const em = app.em();
  em.create(Machtiging, {
    household: f.household.id,
    organisationId: personas.intermediair.org,
    scope,
    status: MachtigingOpslagStatus.ACTIEF,
    geldigTot: addMonths(today, 12),
  } as never);
  await em.flush();
}

describe('a citizen requests a standaard betalingsregeling for several schulden', () => {
  it('creates one ACTIEF STANDAARD arrangement with termijnen summing to the total, links the schulden and logs a write', async () => {
    const f = await household();
    const trace = traceId();
    const r = await request(f, f.gids, f.token, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    expect(r.errors).toBeUndefined();
    const p = r.data!.requestStandaardBetalingsregeling;
    expect(p.userErrors).toEqual([]);
    const reg = p.betalingsregeling!;
    // 300.00 + 450.50 + 56.00 = 806.50 → 806.50 / 24 = 33.6041… → 33.61 a month, 24 termijnen.
    expect(reg).toMatchObject({
      soort: 'STANDAARD',
      status: 'ACTIEF',
      totaalBedrag: '806.50',
      termijnbedrag: '33.61',
      aantalTermijnen: 24,
      startdatum: firstOfNextMonth(today),
      bijOpDatum: true,
    });
    expect(reg.termijnen).toHaveLength(24);
    expect(reg.termijnen[0]).toMatchObject({ volgnummer: 1, vervaldatum: firstOfNextMonth(today), bedrag: '33.61', betaaldBedrag: '0.00', betaaldOp: null });
    expect(reg.termijnen.reduce((s, t) => s.plus(t.bedrag), new Decimal(0)).toFixed(2)).toBe('806.50');
    expect(reg.termijnen.at(-1)!.vervaldatum).toBe(addMonths(firstOfNextMonth(today), 23));
    expect(reg.schulden.map((s) => s.id).sort()).toEqual([...f.gids].sort());
    expect(reg.schulden.every((s) => s.status === 'IN_BETALINGSREGELING')).toBe(true);

    // Stored: statuses, statusSinds, one REGELING_GESTART event per schuld, bron BURGER.
    const stored = await sql<{ status: string; status_sinds: string }>(`select status, status_sinds::text from schuld where id = any(array[?]::uuid[])`, [f.mine.map((s) => s.id)]);
    expect(stored).toEqual(f.mine.map(() => ({ status: 'IN_BETALINGSREGELING', status_sinds: today })));
    const events = await sql<Record<string, unknown>>(
      `select schuld_id, datum::text, van_status, naar_status, bedrag::text, bron from schuld_event where soort = 'REGELING_GESTART' and schuld_id = any(array[?]::uuid[]) order by bedrag`,
      [f.mine.map((s) => s.id)],
    );
    expect(events).toEqual([
      { schuld_id: f.mine[0].id, datum: today, van_status: 'OPEN', naar_status: 'IN_BETALINGSREGELING', bedrag: '300.00', bron: 'BURGER' },
      { schuld_id: f.mine[1].id, datum: today, van_status: 'OPEN', naar_status: 'IN_BETALINGSREGELING', bedrag: '506.50', bron: 'BURGER' },
    ]);

    const log = await sql<Record<string, unknown>>('select * from access_log_entry where trace_id = ?', [trace]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ household_id: f.household.id, operation_type: 'write', processing_activity_id: 'burger-verzoek', actor_role: 'BURGER' });
    expect(log[0].resources as string[]).toEqual(expect.arrayContaining(['Betalingsregeling', 'Termijn', 'Schuld', 'SchuldEvent']));
  });

  it('a medewerker may do it for any household (bron MEDEWERKER), also long after the 6-week term', async () => {
    const f = await household([{ openstaand: '50.00', status: SchuldStatus.DWANGBEVEL }]);
    const r = await request(f, f.gids, await app.token({ ...personas.medewerker }));
    expect(r.data!.requestStandaardBetalingsregeling).toMatchObject({ userErrors: [], betalingsregeling: { totaalBedrag: '50.00', aantalTermijnen: 3 } });
    const [e] = await sql(`select bron, van_status from schuld_event where soort = 'REGELING_GESTART' and schuld_id = ?`, [f.mine[0].id]);
    expect(e).toEqual({ bron: 'MEDEWERKER', van_status: 'DWANGBEVEL' });
  });
});

describe('a schuld that cannot join is a userError and nothing is written', () => {
  it.each([
    ['VOLDAAN', { status: SchuldStatus.VOLDAAN, openstaand: '0' }, 'SCHULD_AL_BETAALD'],
    ['KWIJTGESCHOLDEN', { status: SchuldStatus.KWIJTGESCHOLDEN }, 'SCHULD_AL_BETAALD'],
    ['nothing open', { openstaand: '0' }, 'SCHULD_AL_BETAALD'],
    ['paused', { gepauzeerd: true }, 'SCHULD_GEPAUZEERD'],
    ['buiten invordering', { status: SchuldStatus.BUITEN_INVORDERING }, 'SCHULD_BUITEN_INVORDERING'],
  ] as Array<[string, Extra, string]>)('%s', async (_, bad, code) => {
    const f = await household([{ openstaand: '200.00' }, bad]);
    const before = await counts(f.household.id);
    const r = await request(f, f.gids, f.token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestStandaardBetalingsregeling).toMatchObject({ betalingsregeling: null, userErrors: [{ code, field: ['input', 'schuldIds', '1'] }] });
    expect(await counts(f.household.id)).toEqual(before);
  });

  it('a schuld already in an ACTIEF arrangement is SCHULD_AL_IN_REGELING', async () => {
    const f = await household([{ openstaand: '200.00' }, { openstaand: '100.00' }]);
    expect((await request(f, [f.gids[0]], f.token)).data!.requestStandaardBetalingsregeling.userErrors).toEqual([]);
    const before = await counts(f.household.id);
    const r = await request(f, [f.gids[1], f.gids[0]], f.token);
    expect(r.data!.requestStandaardBetalingsregeling).toMatchObject({ betalingsregeling: null, userErrors: [{ code: 'SCHULD_AL_IN_REGELING', field: ['input', 'schuldIds', '1'] }] });
    expect(await counts(f.household.id)).toEqual(before);
  });

  it.each([
    ['an empty list', (g: string[]) => [] as string[]],
    ['a duplicate', (g: string[]) => [g[0], g[1], g[0]]],
  ])('%s is SCHULDEN_ONGELDIG', async (_, ids) => {
    const f = await household();
    const before = await counts(f.household.id);
    const r = await request(f, ids(f.gids), f.token);
    expect(r.data!.requestStandaardBetalingsregeling).toMatchObject({ betalingsregeling: null, userErrors: [{ code: 'SCHULDEN_ONGELDIG' }] });
    expect(await counts(f.household.id)).toEqual(before);
  });
});

describe('reach (Purpose.ACT)', () => {
  it('a schuld of another household is FORBIDDEN, for a citizen and for a medewerker, and nothing is written', async () => {
    const f = await household();
    const other = await household();
    const before = await counts(f.household.id);
    const beforeOther = await counts(other.household.id);
    expect(codes(await request(f, [f.gids[0], other.gids[0]], f.token))).toEqual(['FORBIDDEN']);
    expect(codes(await request(f, [f.gids[0], other.gids[0]], await app.token({ ...personas.medewerker })))).toEqual(['FORBIDDEN']);
    expect(await counts(f.household.id)).toEqual(before);
    expect(await counts(other.household.id)).toEqual(beforeOther);
  });

  it('another household is FORBIDDEN for a citizen; an unknown one NOT_FOUND for a medewerker', async () => {
    const f = await household();
    const other = await household();
    expect(codes(await request(other, other.gids, f.token))).toEqual(['FORBIDDEN']);
    const unknown = { householdGid: toGlobalId('Household', randomUUID()) };
    expect(codes(await request(unknown, f.gids, await app.token({ ...personas.medewerker })))).toEqual(['NOT_FOUND']);
    expect(codes(await request(f, [toGlobalId('Schuld', randomUUID())], await app.token({ ...personas.medewerker })))).toEqual(['NOT_FOUND']);
  });

  it.each([['GEMEENTE'], ['KOO']] as const)('%s is FORBIDDEN', async (role) => {
    const f = await household();
    const before = await counts(f.household.id);
    const token = await app.token({ ...(role === 'GEMEENTE' ? personas.gemeente : personas.koo) });
    expect(codes(await request(f, f.gids, token))).toEqual(['FORBIDDEN']);
    expect(await counts(f.household.id)).toEqual(before);
  });

  it('an intermediary with an active HANDELEN machtiging succeeds (bron INTERMEDIAIR)', async () => {
    const f = await household();
    await machtiging(f, MachtigingScope.HANDELEN);
    const r = await request(f, f.gids, await app.token({ ...personas.intermediair }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestStandaardBetalingsregeling).toMatchObject({ userErrors: [], betalingsregeling: { status: 'ACTIEF' } });
    const bronnen = await sql(`select distinct bron from schuld_event where soort = 'REGELING_GESTART' and household_id = ?`, [f.household.id]);
    expect(bronnen).toEqual([{ bron: 'INTERMEDIAIR' }]);
  });

  it('an intermediary with only INZIEN is FORBIDDEN and nothing is written', async () => {
    const f = await household();
    await machtiging(f, MachtigingScope.INZIEN);
    const before = await counts(f.household.id);
    expect(codes(await request(f, f.gids, await app.token({ ...personas.intermediair })))).toEqual(['FORBIDDEN']);
    expect(await counts(f.household.id)).toEqual(before);
  });
});

describe('concurrency', () => {
  it('two parallel requests sharing one schuld make exactly one arrangement, 20 times', async () => {
    const medewerker = await app.token({ ...personas.medewerker });
    for (let i = 0; i < 20; i++) {
      const f = await household([{ openstaand: '100.00' }, { openstaand: '200.00' }, { openstaand: '300.00' }]);
      // Different sets that overlap in schuld 1; one by the citizen, one by a medewerker.
      const [a, b] = await Promise.all([request(f, [f.gids[0], f.gids[1]], f.token), request(f, [f.gids[2], f.gids[1]], medewerker)]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      const payloads = [a.data!.requestStandaardBetalingsregeling, b.data!.requestStandaardBetalingsregeling];
      const made = payloads.filter((p) => p.betalingsregeling);
      const refused = payloads.filter((p) => !p.betalingsregeling);
      expect(made).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].userErrors).toEqual([expect.objectContaining({ code: 'SCHULD_AL_IN_REGELING', field: ['input', 'schuldIds', '1'] })]);

      const [{ regelingen }] = await sql<{ regelingen: number }>(
        `select count(*)::int as regelingen from betalingsregeling where household_id = ? and status = 'ACTIEF' and id in
           (select betalingsregeling_id from betalingsregeling_schuld where schuld_id = any(array[?]::uuid[]))`,
        [f.household.id, f.mine.map((s) => s.id)],
      );
      expect(regelingen).toBe(1);
      const doubles = await sql(
        `select bs.schuld_id from betalingsregeling_schuld bs join betalingsregeling r on r.id = bs.betalingsregeling_id
          where r.status = 'ACTIEF' and r.household_id = ? group by bs.schuld_id having count(*) > 1`,
        [f.household.id],
      );
      expect(doubles).toEqual([]);
      const [{ events }] = await sql<{ events: number }>(
        `select count(*)::int as events from schuld_event where soort = 'REGELING_GESTART' and schuld_id = any(array[?]::uuid[])`,
        [f.mine.map((s) => s.id)],
      );
      expect(events).toBe(2);
    }
  }, 60_000);
});
