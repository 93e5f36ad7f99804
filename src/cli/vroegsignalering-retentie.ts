import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { loadOrCreateDevPseudonymKey } from '../auth/dev-keys';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { createPseudonymiser } from '../modules/accesslog/pseudonym';
import { eraseExpiredVroegsignalen } from '../modules/vroegsignalering/vroegsignalering.engine';
import { todayInNL } from '../shared/dates';
import { fail, parse } from './args';

/**
 * npm run vroegsignalering:retentie -- [--date YYYY-MM-DD]: erases the personal fields of vroegsignalen
 * older than the retention period (norm VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN), keeping anonymous counts.
 */
async function main() {
  const v = parse({ date: { type: 'string' } });
  const datum = v.date ?? todayInNL();
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
    try {
      await migrate(orm);
      const pseudonymKey = config.pseudonymKey ?? (await loadOrCreateDevPseudonymKey(config.dataDir));
      const r = await eraseExpiredVroegsignalen(orm.em.fork() as EntityManager, { datum, pseudonymise: createPseudonymiser(pseudonymKey) });
      console.log(`vroegsignalering retentie ${datum}: ${r.gewist} signals with a signaaldatum before ${r.grens} erased`);
    } finally {
      await orm.close(true);
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
