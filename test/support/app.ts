import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { print, type DocumentNode } from 'graphql';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadConfig } from '../../src/config';
import { createTokenVerifier } from '../../src/auth/token-verifier';
import { loadDemoData } from '../../src/db/demo-data';
import { ormConfig } from '../../src/db/orm.config';
import { createPseudonymiser } from '../../src/modules/accesslog/pseudonym';
import { createApp, listen, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
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
  orm: MikroORM;
  keys: TestKeys;
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
}

/**
 * Boots the real HTTP server on a random port against this test file's own database, with a
 * test identity provider key (published to the API as a JWKS key file, as in production).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase();
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
    ...options.env,
  });
  const onQuery = options.onQuery;
  const orm = await MikroORM.init(
    ormConfig({ clientUrl: db.url, poolMax: 5, ...(onQuery ? { debug: ['query'], logger: (m: string) => onQuery(m) } : {}) }),
  );
  if (options.demoData ?? true) await loadDemoData(orm.em.fork());
  const verifier = await createTokenVerifier(config.auth, config.dataDir);
  const app: RunningApp = await createApp({
    config,
    orm,
    verifier,
    pseudonymise: createPseudonymiser(config.pseudonymKey!),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  await listen(app.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;

  return {
    url,
    orm,
    keys,
    em: () => orm.em.fork() as EntityManager,
    token: (claims, o) => signToken(keys, claims, o),
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
    },
  };
}

/** The error codes of a response, for assertions that do not depend on message text. */
export const codes = (r: GqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
