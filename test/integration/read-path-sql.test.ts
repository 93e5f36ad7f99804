import { TEST_TODAY } from '../support/clock';
import Decimal from 'decimal.js';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { actorFromClaims } from '../../src/auth/actor';
import { householdAccess, Purpose } from '../../src/auth/reach';
import { DEMO, loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { batchedRows, Params, queryRows } from '../../src/data/raw-query';
import { columnList, mapRow } from '../../src/data/row-mapper';
import { Beschikking } from '../../src/modules/beschikking/beschikking.entity';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { Household } from '../../src/modules/household/household.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { Person } from '../../src/modules/household/person.entity';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { personas } from '../support/tokens';

// The hot read paths use hand-written SQL (src/data/raw-query.ts) with the policy's SQL form and a
// row mapper instead of MikroORM's query builder and hydration. These tests pin both to what they
// replace: the same households admitted for every actor and purpose, the same property values.

let db: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  db = await createTestDatabase();
  orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
  const em = orm.em.fork() as EntityManager;
  await loadDemoData(em, TEST_TODAY);
  // Machtigingen of one organisation in every state the policy distinguishes, one household each.
  const yesterday = new Date(Date.parse(TEST_TODAY) - 86_400_000).toISOString().slice(0, 10);
  const m = (household: string, organisationId: string, scope: MachtigingScope, status: MachtigingOpslagStatus, geldigTot: string) =>
    em.create(Machtiging, { household: em.getReference(Household, household), organisationId, scope, status, geldigTot } as never);
  m(DEMO.households.deVries, 'KVK:POLICY', MachtigingScope.INZIEN, MachtigingOpslagStatus.ACTIEF, '2099-12-31');
  m(DEMO.households.jansen, 'KVK:POLICY', MachtigingScope.HANDELEN, MachtigingOpslagStatus.ACTIEF, yesterday);
  m(DEMO.households.jansen, 'KVK:POLICY', MachtigingScope.HANDELEN, MachtigingOpslagStatus.INGETROKKEN, '2099-12-31');
  m(DEMO.households.elAmrani, 'KVK:POLICY', MachtigingScope.HANDELEN, MachtigingOpslagStatus.ACTIEF, TEST_TODAY);
  m(DEMO.households.jansen, 'KVK:OTHER', MachtigingScope.HANDELEN, MachtigingOpslagStatus.ACTIEF, '2099-12-31');
  m(DEMO.households.deVries, 'KVK:PENDING', MachtigingScope.HANDELEN, MachtigingOpslagStatus.AANGEVRAAGD, '2099-12-31');
  await em.flush();
});
afterAll(async () => {
  await orm.close(true);
  await db.drop();
});

describe('household reach: one SQL condition, in hand-written statements and in MikroORM queries', () => {
  const actors = {
    ...personas,
    policyOrg: { role: 'INTERMEDIAIR', sub: 'E1', org: 'KVK:POLICY', employee: 'E1' },
    otherOrg: { role: 'INTERMEDIAIR', sub: 'E2', org: 'KVK:OTHER', employee: 'E2' },
    pendingOrg: { role: 'INTERMEDIAIR', sub: 'E3', org: 'KVK:PENDING', employee: 'E3' },
  };

  it('admits the households each role may reach, and the same ones whichever statement carries it', async () => {
    const em = orm.em.fork() as EntityManager;
    const reach = async (claims: object, purpose: Purpose) => {
      const access = householdAccess(actorFromClaims(claims), purpose, TEST_TODAY);
      if (!access.allowed) throw new Error('not allowed');
      const params = new Params();
      const bySql = (await queryRows<{ id: string }>(em, `select hh.id from household hh where ${access.rows.sql('hh.id', params)}`, params.values)).map((r) => r.id).sort();
      // The same condition object as a MikroORM where-condition (its values bound, never inlined).
      const byOrm = (await em.find(Household, access.rows.filter<Household>('id'), { fields: ['id'] })).map((h) => h.id).sort();
      expect(byOrm).toEqual(bySql);
      return bySql;
    };
    expect(await reach(actors.sanne, Purpose.READ)).toEqual([DEMO.households.deVries]);
    expect(await reach(actors.stranger, Purpose.READ)).toEqual([]);
    expect(await reach(actors.medewerker, Purpose.READ)).toHaveLength(3);
    // INZIEN on de Vries; the jansen ones expired or revoked; el Amrani valid through today.
    expect(await reach(actors.policyOrg, Purpose.READ)).toEqual([DEMO.households.deVries, DEMO.households.elAmrani].sort());
    expect(await reach(actors.policyOrg, Purpose.ACT)).toEqual([DEMO.households.elAmrani]);
    expect(await reach(actors.pendingOrg, Purpose.READ)).toEqual([]);
  });
});

describe('mapRow gives the values MikroORM hydration gives', () => {
  const entities = [Household, HouseholdMember, Person, Toeslag, Beschikking, Schuld, Betalingsregeling, Termijn, Machtiging];

  const comparable = (v: unknown): unknown => {
    if (v instanceof Decimal) return `Decimal(${v.toString()})`;
    if (v instanceof Date) return `Date(${v.toISOString()})`;
    if (v && typeof v === 'object') {
      if ('id' in v && typeof (v as { id: unknown }).id === 'string') return { id: (v as { id: string }).id };
      return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, comparable(x)]));
    }
    return v;
  };

  it.each(entities.map((e) => [e.name, e] as const))('%s', async (_name, entity) => {
    const em = orm.em.fork() as EntityManager;
    const meta = em.getMetadata().find(entity)!;
    const rows = await queryRows(em, `select ${columnList(em, entity, 'e')} from ${meta.tableName} e order by e.id limit 50`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const light = mapRow(em, entity as never, row) as Record<string, unknown>;
      const hydrated = em.fork().map(entity as never, { ...row }) as Record<string, unknown>;
      const keys = Object.keys(light);
      // Every persisted scalar, embedded and owning relation property is there.
      for (const p of meta.props) {
        const persisted = p.persist !== false && !p.formula && !p.embedded && ['scalar', 'embedded', 'm:1'].includes(p.kind);
        expect([p.name, keys.includes(p.name)]).toEqual([p.name, persisted]);
      }
      for (const key of keys) expect([key, comparable(light[key])]).toEqual([key, comparable(hydrated[key] ?? null)]);
    }
  });

  it('reads joined rows by prefix', async () => {
    const em = orm.em.fork() as EntityManager;
    const [row] = await queryRows(
      em,
      `select ${columnList(em, HouseholdMember, 'e')}, ${columnList(em, Person, 'p', 'p__')} from household_member e join person p on p.id = e.person_id where p.bsn = $1`,
      [DEMO.sanne.bsn],
    );
    const member = mapRow(em, HouseholdMember, row);
    const person = mapRow(em, Person, row, 'p__');
    expect(member.person).toEqual({ id: person.id });
    expect(person).toMatchObject({ bsn: DEMO.sanne.bsn, achternaam: 'Vries' });
    expect(member.household).toEqual({ id: DEMO.households.deVries });
  });
});

describe('batchedRows: the reads of one tick in one statement', () => {
  it('gives each statement its own rows, exact money and the same values as running it alone', async () => {
    const statements: string[] = [];
    const logged = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2, debug: ['query'], logger: (m) => statements.push(m) }));
    try {
      const em = logged.em.fork() as EntityManager;
      const schuldSql = `select ${columnList(em, Schuld, 'e')} from schuld e where e.household_id = $1 order by e.vervaldatum, e.id`;
      const [alone] = [await queryRows(em, schuldSql, [DEMO.households.deVries])];
      statements.length = 0;
      const [schulden, members, money] = await Promise.all([
        batchedRows(em, schuldSql, [DEMO.households.deVries]),
        batchedRows(em, `select e.id, e.rol from household_member e where e.household_id = $1 and e.tot is null`, [DEMO.households.jansen]),
        batchedRows<{ v: string; n: number; t: string[] }>(
          em,
          `select '9999999999999.99'::numeric(15,2)::text as v, $1::int + 1 as n, array['a', $2]::text[] as t`,
          [41, 'b'],
        ),
      ]);
      expect(statements).toHaveLength(1);
      expect(schulden.map((r) => mapRow(em, Schuld, r))).toEqual(alone.map((r) => mapRow(em, Schuld, r)));
      expect(schulden.length).toBeGreaterThan(0);
      expect(members.length).toBeGreaterThan(0);
      expect(money).toEqual([{ v: '9999999999999.99', n: 42, t: ['a', 'b'] }]);
    } finally {
      await logged.close(true);
    }
  });

  it('refuses a numeric column that was not selected as text, for every statement of the batch', async () => {
    const em = orm.em.fork() as EntityManager;
    const results = await Promise.allSettled([
      batchedRows(em, `select 12.34::numeric as bedrag`),
      batchedRows(em, `select 1 as one`),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/as text/);
  });

  it('runs a statement alone in its tick, or inside a transaction, on its own', async () => {
    const em = orm.em.fork() as EntityManager;
    expect(await batchedRows(em, 'select 12.34::numeric as bedrag')).toEqual([{ bedrag: '12.34' }]);
    await em.transactional(async (tx) => {
      const [a, b] = await Promise.all([batchedRows(tx as EntityManager, 'select 1::numeric as x'), batchedRows(tx as EntityManager, 'select 2 as y')]);
      expect([a, b]).toEqual([[{ x: '1' }], [{ y: 2 }]]);
    });
  });
});
