import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { loadOrCreateDevPseudonymKey } from '../auth/dev-keys';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { createPseudonymiser } from '../modules/accesslog/pseudonym';
import { restantRegel } from '../modules/betalingsregeling/restant.service';
import { InvorderingError, runInvordering } from '../modules/invordering/invordering.service';
import { todayInNL } from '../shared/dates';
import { fail, parse } from './args';

/** npm run invordering -- [--date YYYY-MM-DD]: the daily collection engine (default: today in NL). */
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
      const started = Date.now();
      const result = await runInvordering(orm.em.fork() as EntityManager, { datum, pseudonymise: createPseudonymiser(pseudonymKey) });
      const acties = Object.entries(result.acties).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
      console.log(
        `invordering ${datum}: ${result.onderzocht} schulden examined, changes: ${acties}` +
          (result.overgeslagen ? `, ${result.overgeslagen} skipped (changed concurrently; next run)` : '') +
          (result.fouten.length ? `, ${result.fouten.length} could not be evaluated` : '') +
          (result.restant ? restantRegel(result.restant) : '') +
          ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      const b = result.betalingsregelingen;
      if (b) {
        console.log(`betalingsregelingen en verrekening: ${Object.entries(b.acties).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
        for (const f of b.fouten.slice(0, 20)) console.error(`regeling/household ${f.id}: ${f.melding}`);
      }
      if (result.vroegsignalering) {
        const v = result.vroegsignalering;
        const ended = Object.entries(v.beeindigd).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
        console.log(`vroegsignalering ${datum}: ${v.onderzocht} households examined, ${v.geopend} signals opened, ended: ${ended}`);
      }
      if (result.kinderopvang) console.log(`kinderopvang ${datum}: ${JSON.stringify(result.kinderopvang)}`);
      for (const f of result.fouten.slice(0, 20)) console.error(`schuld ${f.schuldId}: ${f.melding}`);
      if (result.fouten.length) process.exitCode = 2;
    } finally {
      await orm.close(true);
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof InvorderingError || err instanceof Error ? err.message : String(err)));
