import { TEST_TODAY, testClock } from '../support/clock';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { actorFromClaims } from '../../src/auth/actor';
import { HouseholdScope } from '../../src/auth/household-scope';
import { DEMO, loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { AccessRecorder } from '../../src/modules/accesslog/access-recorder';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { Toeslag } from '../../src/modules/toeslag/toeslag.entity';
import { SCHULD_ORDER } from '../../src/modules/schuld/schuld.loaders';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { personas } from '../support/tokens';

// The policy is enforced where data is fetched: even a caller that asks the scope for *everything*
// (no WHERE of its own) only gets rows of households the actor may reach.

let db: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  db = await createTestDatabase();
  orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
  await loadDemoData(orm.em.fork() as EntityManager, TEST_TODAY);
});
afterAll(async () => {
  await orm.close(true);
  await db.drop();
});

function scopeFor(claims: object) {
  const recorder = new AccessRecorder();
  return { scope: new HouseholdScope(actorFromClaims(claims), orm.em.fork() as EntityManager, recorder, testClock()), recorder };
}

describe('HouseholdScope applies the policy inside the query', () => {
  it('a citizen asking for all rows of every household-owned table gets only their own', async () => {
    const { scope, recorder } = scopeFor(personas.sanne);
    const own = DEMO.households.deVries;
    expect((await scope.households({})).map((h) => h.id)).toEqual([own]);
    for (const entity of [Toeslag, Schuld, Betalingsregeling, HouseholdMember]) {
      const rows = await scope.owned(entity as never, {});
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r: { household: { id: string } }) => r.household.id))).toEqual(new Set([own]));
    }
    expect(recorder.entries().map(([id]) => id)).toEqual([own]);
  });

  it('pages of another household come back empty and are not recorded as read', async () => {
    const { scope, recorder } = scopeFor(personas.sanne);
    const [page] = await scope.pages(Schuld, [...SCHULD_ORDER], [{ householdId: DEMO.households.jansen, first: 10, after: null }]);
    expect(page.items).toEqual([]);
    expect(recorder.size).toBe(0);
  });

  it('an explicit where on another household id returns nothing', async () => {
    const { scope } = scopeFor(personas.jan);
    expect(await scope.owned(Schuld, { household: DEMO.households.deVries })).toEqual([]);
  });

  it('roles without household access are refused before any query', async () => {
    for (const claims of [personas.gemeente, personas.koo]) {
      const { scope } = scopeFor(claims);
      await expect(scope.owned(Schuld, {})).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await expect(scope.households({})).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('an intermediair without an active machtiging gets nothing, even asking for everything', async () => {
    const { scope, recorder } = scopeFor(personas.intermediair);
    expect(await scope.households({})).toEqual([]);
    expect(await scope.owned(Schuld, {})).toEqual([]);
    expect(recorder.size).toBe(0);
  });

  it('a medewerker reaches every household', async () => {
    const { scope } = scopeFor(personas.medewerker);
    expect((await scope.households({})).length).toBe(3);
  });
});
