import 'reflect-metadata';
import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig, type Config } from './shared/config';
import { loadOrCreateDevPseudonymKey } from './auth/dev-keys';
import { createTokenVerifier } from './auth/token-verifier';
import { openDatabase, type DatabaseHandle, DatabaseUnavailableError, describeUrl } from './db/database';
import { databaseIsEmpty, loadDemoData } from './db/demo-data';
import { EmbeddedPostgresError } from './db/embedded';
import { migrate } from './db/migrate';
import { ormConfig } from './db/orm.config';
import { createPseudonymiser } from './modules/accesslog/pseudonym';
import { createApp, listen, type RunningApp } from './server/app';
import { asyncStdout, createLogger } from './server/logger';
import { systemClock } from './shared/clock';

/** Errors whose message is already one clear line for the operator. */
const EXPECTED = [ConfigError, DatabaseUnavailableError, EmbeddedPostgresError];

class PortInUseError extends Error {}

function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(`port ${port} on ${host} is already in use (set PORT to another port)`)
          : new PortInUseError(`cannot listen on ${host}:${port}: ${err.message}`),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const logger = createLogger(undefined, asyncStdout());
  let db: DatabaseHandle | undefined;
  let orm: MikroORM | undefined;
  let app: RunningApp | undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number) => {
    stopping ??= (async () => {
      const force = setTimeout(() => process.exit(code || 1), 15_000);
      force.unref();
      await app?.close().catch((err) => logger.error({ err }, 'closing the HTTP server failed'));
      await orm?.close(true).catch(() => undefined);
      await db?.stop().catch((err) => logger.error({ err }, 'stopping PostgreSQL failed'));
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const config: Config = loadConfig();
    await assertPortFree(config.host, config.port);
    db = await openDatabase(config);
    orm = await MikroORM.init(ormConfig({ clientUrl: db.url, poolMax: config.dbPoolMax, statementTimeoutMs: config.dbStatementTimeoutMs }));
    if (config.migrateOnStart) {
      const applied = await migrate(orm);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    if (config.demoData && (await databaseIsEmpty(orm.em.fork()))) {
      await loadDemoData(orm.em.fork(), systemClock.today());
      logger.info('demo data loaded');
    }
    const verifier = await createTokenVerifier(config.auth, config.dataDir, systemClock);
    const pseudonymKey = config.pseudonymKey ?? (await loadOrCreateDevPseudonymKey(config.dataDir));
    app = await createApp({ config, orm, clock: systemClock, verifier, pseudonymise: createPseudonymiser(pseudonymKey), logger });
    const port = await listen(app.server, config.port, config.host);

    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
    const dbNote = db.embedded ? `embedded PostgreSQL (${config.dataDir}/postgres)` : `PostgreSQL at ${describeUrl(db.url)}`;
    console.log(`\nToeslagen API ready at ${url}\nDatabase: ${dbNote}`);
    if (config.auth.useDevKey) {
      console.log(
        'Get a demo token:  npm run token -- --role BURGER --bsn 999990019\n' +
          'Try it:            curl -s ' + url + " -H 'content-type: application/json' \\\n" +
          '                     -H "authorization: Bearer $(npm run -s token -- --role BURGER --bsn 999990019)" \\\n' +
          "                     -d '{\"query\":\"{ viewer { role } }\"}'\n" +
          'Personas and more examples: README.md. Stop with Ctrl-C.\n',
      );
    }
  } catch (err) {
    if (EXPECTED.some((E) => err instanceof E) || err instanceof PortInUseError) {
      console.error(`error: ${(err as Error).message}`);
    } else if ((err as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      console.error(`error: the HTTP port is already in use (set PORT to another port)`);
    } else {
      console.error(`error: start-up failed: ${err instanceof Error ? err.message : String(err)}`);
      logger.debug({ err }, 'start-up failure');
    }
    await shutdown(1);
  }
}

void main();
