import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { pendingSchemaDiff } from '../../src/db/migrate';
import { ormConfig } from '../../src/db/orm.config';
import { printCommittedSchema } from '../../src/server/schema';
import { createTestDatabase } from '../support/db';

// The same checks CI runs as `npm run schema:check` and `npm run migration:check`, here so that a
// plain `npm test` catches drift as well.

it('schema/schema.graphql is what the code generates', async () => {
  const committed = readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
  expect(committed).toBe(await printCommittedSchema());
});

it('the migrations produce exactly the schema the entities describe', async () => {
  const db = await createTestDatabase(); // cloned from the template that the real migrations built
  const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 1 }));
  try {
    expect(await pendingSchemaDiff(orm)).toBe('');
  } finally {
    await orm.close(true);
    await db.drop();
  }
});
