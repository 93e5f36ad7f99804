import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { loadOrCreateDevPseudonymKey } from '../auth/dev-keys';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { createPseudonymiser } from '../modules/accesslog/pseudonym';
import { importBetalingen } from '../modules/betaling/betaling.service';
import { fail, parse } from './args';

/** npm run betalingen:import -- --file statement.csv: books a bank statement (format: README "Betalingen importeren"). */
async function main() {
  const v = parse({ file: { type: 'string' } });
  if (!v.file) throw new Error('--file is required');
  const tekst = await readFile(v.file, 'utf8');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
    try {
      await migrate(orm);
      const pseudonymKey = config.pseudonymKey ?? (await loadOrCreateDevPseudonymKey(config.dataDir));
      const r = await importBetalingen(orm.em.fork() as EntityManager, { tekst, pseudonymise: createPseudonymiser(pseudonymKey) });
      console.log(`betalingen:import: ${r.regels} lines, ${r.geboekt} booked, ${r.alGeregistreerd} already registered, ${r.fouten.length} refused, credit (overschot) ${r.overschot}`);
      for (const f of r.fouten) console.error(`line ${f.regel}: ${f.code}: ${f.melding}`);
      if (r.fouten.length) process.exitCode = 2;
    } finally {
      await orm.close(true);
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
