import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { loadOrCreateDevPseudonymKey } from '../auth/dev-keys';
import { loadConfig } from '../shared/config';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { createPseudonymiser, type Pseudonymiser } from '../modules/accesslog/pseudonym';
import { systemClock, type Clock } from '../shared/clock';
import { fail } from './args';

export interface SystemCommandContext {
  /** A forked EntityManager of its own. */
  em: EntityManager;
  /** Pseudonymises data subjects for the access log (the configured key, or the dev key). */
  pseudonymise: Pseudonymiser;
  /** Today and now for the command: the system clock. */
  clock: Clock;
}

/**
 * Runs a command that acts as SYSTEEM on the database (the daily engine, the retention command,
 * the bank-statement import): reads its arguments first (so a wrong one fails before any database
 * starts), then the configured or embedded database, migrated first, a small pool, the access-log
 * pseudonymiser, and everything closed afterwards. An error ends the process with its message and
 * exit code 1.
 */
export function runSystemCommand<A>(args: (clock: Clock) => A, body: (ctx: SystemCommandContext, args: A) => Promise<void>): void {
  const clock = systemClock;
  (async () => {
    const a = args(clock);
    const config = loadConfig();
    const db = await openDatabase(config);
    try {
      const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
      try {
        await migrate(orm);
        const pseudonymKey = config.pseudonymKey ?? (await loadOrCreateDevPseudonymKey(config.dataDir));
        await body({ em: orm.em.fork() as EntityManager, pseudonymise: createPseudonymiser(pseudonymKey), clock }, a);
      } finally {
        await orm.close(true);
      }
    } finally {
      await db.stop();
    }
  })().catch((err) => fail(err instanceof Error ? err.message : String(err)));
}
