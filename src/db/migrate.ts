import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm.config';

/** Applies pending migrations; returns the names applied. Safe to run repeatedly. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** Opens a short-lived ORM on `url`, migrates, closes. Used by the test global setup and the CLI. */
export async function migrateUrl(url: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: 2 }));
  try {
    return await migrate(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * The SQL that would bring the database in line with the entities; empty when the migrations
 * match the entities exactly.
 */
export async function pendingSchemaDiff(orm: MikroORM): Promise<string> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
  return sql.trim();
}
