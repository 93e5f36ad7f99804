import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { print, type DocumentNode } from 'graphql';
import pino from 'pino';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadConfig } from '../../src/shared/config';
import { createTokenVerifier } from '../../src/auth/token-verifier';
import { loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { createApp, listen, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import type { PinnedClock } from '../../src/shared/clock';
import { testClock } from './clock';
import { createTestDatabase, type TestDatabase } from './db';
import { createTestKeys, signToken, TEST_AUDIENCE, TEST_ISSUER, type SignOptions, type TestKeys } from './tokens';

export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789abcdef0123456789';

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }> | undefined;
}

export interface TestApp {
  url: string;
  /** This app's database (pass as `database` to start a second app on it). */
  databaseUrl: string;
  /** The app's pino output (debug level), one JSON object per line. */
  logFile: string;
  logLines(): Promise<Array<Record<string, unknown>>>;
  orm: MikroORM;
  keys: TestKeys;
  /** The app's clock, pinned (TEST_TODAY unless given): move it with set() / advanceDays(). */
  clock: PinnedClock;
  em(): EntityManager;
  token(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** POSTs an operation; `auth` is a bearer token, or a full Authorization header value when it has a space. */
  gql<TData, TVars>(
    doc: TypedDocumentNode<TData, TVars> | DocumentNode | string,
    variables?: TVars,
    auth?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<TData>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demoData?: boolean;
  /** Called with every SQL statement the API runs (for N+1 checks). */
  onQuery?: (sql: string) => void;
  env?: Record<string, string>;
  /** The app's clock; default pinned to TEST_TODAY. */
  clock?: PinnedClock;
  /** Run on this database (e.g. another app's `databaseUrl`) instead of a fresh one; not dropped on close, no demo data loaded. */
  database?: string;
}

let logFiles = 0;

/**
 * Every test app logs at debug level into a file in TEST_LOG_DIR (made by global-setup.mjs), which
 * global-teardown.mjs scans for BSNs. TEST_LOG_LEVEL (e.g. info) also prints to stdout.
 */
function testLogger(): { logger: ReturnType<typeof createLogger>; file: string; close(): void } {
  const dir = process.env.TEST_LOG_DIR ?? path.join(os.tmpdir(), `toeslagen-test-logs-${process.ppid}`);
  const testFile = path.basename(expect.getState().testPath ?? 'unknown', '.ts');
  const file = path.join(dir, `${testFile}-${process.pid}-${++logFiles}.log`);
  const dest = pino.destination({ dest: file, sync: true, mkdir: true });
  const extra = process.env.TEST_LOG_LEVEL;
  const streams: pino.StreamEntry[] = [{ level: 'debug', stream: dest }];
  if (extra && extra !== 'silent') streams.push({ level: extra as pino.Level, stream: process.stdout });
  const level = extra && extra !== 'silent' && pino.levels.values[extra] < pino.levels.values.debug ? extra : 'debug';
  return { logger: createLogger(level, pino.multistream(streams)), file, close: () => dest.end() };
}

/**
 * Boots the real HTTP server on a random port against this test file's own database, with a
 * test identity provider key (published to the API as a JWKS key file, as in production).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db: TestDatabase = options.database
    ? { url: options.database, name: new URL(options.database).pathname.slice(1), drop: async () => undefined }
    : await createTestDatabase();
  const keys = await createTestKeys();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toeslagen-test-'));
  const jwksFile = path.join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify(keys.jwks));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    AUTH_PUBLIC_KEY_FILE: jwksFile,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    DATA_DIR: dir,
    // Off unless a test turns it on (RATE_LIMIT_ENABLED=true): it adds one statement per
    // authenticated request, which the statement-count tests do not expect, and unrelated tests
    // should not be refused for sending many requests.
    RATE_LIMIT_ENABLED: 'false',
    ...options.env,
  });
  const onQuery = options.onQuery;
  const orm = await MikroORM.init(
    ormConfig({
      clientUrl: db.url,
      poolMax: 5,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      ...(onQuery ? { debug: ['query'], logger: (m: string) => onQuery(m) } : {}),
    }),
  );
  const clock = options.clock ?? testClock();
  // The demo set as loaded on the app's (pinned) date.
  if (options.demoData ?? !options.database) await loadDemoData(orm.em.fork(), clock.today());
  const verifier = await createTokenVerifier(config.auth, config.dataDir, clock);
  const log = testLogger();
  const app: RunningApp = await createApp({
    config,
    orm,
    clock,
    verifier,
    pseudonymise: createPseudonymiser(config.pseudonymKey!),
    logger: log.logger,
  });
  await listen(app.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;

  return {
    url,
    databaseUrl: db.url,
    logFile: log.file,
    async logLines() {
      const text = await readFile(log.file, 'utf8');
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    orm,
    keys,
    clock,
    em: () => orm.em.fork() as EntityManager,
    token: (claims, o) => signToken(keys, claims, { now: clock.now(), ...o }),
    async gql(doc, variables, auth, headers = {}) {
      const query = typeof doc === 'string' ? doc : print(doc);
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: auth.includes(' ') ? auth : `Bearer ${auth}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResponse<unknown>['errors'] };
      return { status: res.status, headers: res.headers, data: body.data as never, errors: body.errors };
    },
    async close() {
      await app.close();
      await orm.close(true);
      await db.drop();
      await rm(dir, { recursive: true, force: true });
      log.close();
    },
  };
}

/** The error codes of a response, for assertions that do not depend on message text. */
export const codes = (r: GqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
