import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../shared/config';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { migrate } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { formatReport, MAX_HOUSEHOLDS, seedDatabase } from '../seed/seed.runner';
import { fail, parse } from './args';

/**
 * npm run seed -- --households N [--seed S] [--reset]
 * Synthetic households for load tests and benchmarks (docs/seed.md), into DATABASE_URL or the
 * embedded database. Migrates first; refuses when households exist unless --reset.
 */
function wholeNumber(name: string, raw: string | undefined, fallback: number | undefined, max: number): number {
  if (raw === undefined) {
    if (fallback === undefined) fail(`--${name} is required, e.g. npm run seed -- --households 1000`);
    return fallback;
  }
  const n = Number(raw.replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(raw) || !Number.isSafeInteger(n) || n > max) fail(`--${name} must be a whole number from 0 to ${max.toLocaleString('en-US')}, got "${raw}"`);
  return n;
}

async function main() {
  let v;
  try {
    v = parse({ households: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' }, 'chunk-size': { type: 'string' } });
  } catch (err) {
    fail(`${(err as Error).message.split('\n')[0]} (usage: npm run seed -- --households N [--seed S] [--reset])`);
  }
  const households = wholeNumber('households', v.households, undefined, MAX_HOUSEHOLDS);
  if (households < 1) fail('--households must be at least 1');
  const seed = wholeNumber('seed', v.seed, 1, 0xffffffff);
  const chunkSize = Math.max(1, wholeNumber('chunk-size', v['chunk-size'], 5000, 100_000));

  const config = loadConfig();
  let db: DatabaseHandle | undefined;
  const stop = (signal: string) => {
    console.error(`error: interrupted (${signal}); nothing was stored`);
    void (db?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  db = await openDatabase(config);
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
    try {
      const applied = await migrate(orm);
      if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    } finally {
      await orm.close(true);
    }
    const report = await seedDatabase({ url: db.url, households, seed, reset: v.reset ?? false, chunkSize, log: (line) => console.log(line) });
    for (const line of formatReport(report)) console.log(line);
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
