import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../shared/config';
import { openDatabase } from '../db/database';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate, pendingSchemaDiff } from '../db/migrate';
import { ormConfig } from '../db/orm.config';
import { fail, parse } from './args';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A scratch embedded PostgreSQL with every migration applied, for --check and --create. */
async function withScratchDatabase<T>(fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toeslagen-migrations-'));
  await chmod(dir, 0o755); // as root, postgres runs as its own user and must be able to enter it
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
  try {
    await pg.createDatabase('scratch');
    const orm = await MikroORM.init(ormConfig({ clientUrl: pg.url('scratch'), poolMax: 2 }));
    try {
      await migrate(orm);
      return await fn(orm);
    } finally {
      await orm.close(true);
    }
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const v = parse({ check: { type: 'boolean' }, create: { type: 'boolean' }, name: { type: 'string' } });

  if (v.check) {
    // Drift check: apply every migration to an empty database, then diff against the entities.
    const diff = await withScratchDatabase(pendingSchemaDiff);
    if (diff) {
      console.error('error: the entities and migrations/ disagree. Run `npm run migration:create`. Pending SQL:\n' + diff);
      process.exit(1);
    }
    console.log('migrations match the entities');
    return;
  }

  if (v.create) {
    if (v.name && !/^[A-Za-z0-9_]+$/.test(v.name)) fail('--name becomes part of a class name: letters, digits and _ only');
    const result = await withScratchDatabase((orm) => orm.getMigrator().createMigration(undefined, false, false, v.name));
    if (!result.fileName) {
      console.log('no changes: the migrations already match the entities');
      return;
    }
    console.log(`created migrations/${result.fileName}; review it, then run npm run build`);
    return;
  }

  // Apply pending migrations to DATABASE_URL, or to the embedded database when it is unset.
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: 2 }));
    try {
      const applied = await migrate(orm);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await orm.close(true);
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
