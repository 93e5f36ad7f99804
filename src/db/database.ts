import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../shared/config';
import { startEmbeddedPostgres } from './embedded';

export class DatabaseUnavailableError extends Error {}

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'toeslagen';

/** Host, port and database of a URL, without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** Checks that a database answers within a few seconds; throws one readable line otherwise. */
export async function checkConnection(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseUnavailableError(`cannot connect to DATABASE_URL (${describeUrl(url)}): ${reason || 'connection failed'}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * DATABASE_URL set: use that server (it must answer). Unset: start the embedded PostgreSQL with
 * its data in <DATA_DIR>/postgres, kept across restarts, and create the database on first start.
 */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await checkConnection(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPgPort,
    persistent: true,
  });
  try {
    const client = new Client({ connectionString: pg.url('postgres') });
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE]);
    await client.end();
    if (!rowCount) await pg.createDatabase(EMBEDDED_DATABASE);
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return { url: pg.url(EMBEDDED_DATABASE), embedded: true, stop: () => pg.stop() };
}
