import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Health of the process for orchestrators and load balancers:
 * - `/healthz` (liveness, in app.ts): the process is up; never touches the database, so an
 *   outage of PostgreSQL does not get the API restarted.
 * - `/readyz` (readiness): the database answers a `select 1` within a second and no migration is
 *   pending; otherwise 503, so traffic goes elsewhere until it recovers by itself.
 */

/** `extensions.code` of a GraphQL error caused by the database being unreachable (HTTP 503). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessCheck {
  check(): Promise<Readiness>;
}

export interface ReadinessOptions {
  /** Time the database gets to answer `select 1` (and the migration check). */
  timeoutMs?: number;
  /** While migrations are pending, how long that answer is reused before asking again. */
  pendingRecheckMs?: number;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined); // a late failure after the timeout is not unhandled
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createReadinessCheck(orm: MikroORM, o: ReadinessOptions = {}): ReadinessCheck {
  const timeoutMs = o.timeoutMs ?? 1000;
  const pendingRecheckMs = o.pendingRecheckMs ?? 10_000;
  // Pending migrations only change on a deploy: once none are pending that stays true for the
  // life of this process. A "pending" answer is reused briefly (a migration job may be running).
  let migrationsCurrent = false;
  let pendingSeenAt = 0;
  let inFlight: Promise<number> | undefined;

  const pendingMigrations = (): Promise<number> => {
    inFlight ??= orm
      .getMigrator()
      .getPendingMigrations()
      .then((pending) => pending.length)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    async check() {
      try {
        await withTimeout(orm.em.fork().getConnection().execute('select 1'), timeoutMs);
      } catch {
        return { ready: false, reason: 'database unavailable' };
      }
      if (migrationsCurrent) return { ready: true };
      if (pendingSeenAt && performance.now() - pendingSeenAt < pendingRecheckMs) return { ready: false, reason: 'migrations pending' };
      let pending: number;
      try {
        pending = await withTimeout(pendingMigrations(), timeoutMs * 3);
      } catch {
        return { ready: false, reason: 'database unavailable' };
      }
      if (pending === 0) {
        migrationsCurrent = true;
        return { ready: true };
      }
      pendingSeenAt = performance.now();
      return { ready: false, reason: 'migrations pending' };
    },
  };
}

/** GET /readyz: 200 `{status: 'ready'}` or 503 `{status: 'unavailable', reason}` (a short reason only). */
export function readinessHandler(readiness: ReadinessCheck): RequestHandler {
  return async (_req, res) => {
    const result = await readiness.check();
    res.setHeader('cache-control', 'no-store');
    if (result.ready) {
      res.status(200).json({ status: 'ready' });
    } else {
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ status: 'unavailable', reason: result.reason });
    }
  };
}

// Node's socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now".
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections;
// class 08 is "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Timeout acquiring a connection|Connection terminated|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Connection ended unexpectedly|Unable to acquire a connection|\b(connect|read|write) (ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/i;

/**
 * True when an error (or anything it wraps: GraphQL's originalError, `cause`, MikroORM's copied
 * driver fields) says PostgreSQL is unreachable, as opposed to a bug or a refused statement.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; sqlState?: unknown; message?: unknown; name?: unknown; originalError?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : '';
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}

/** The error a client gets instead of the driver's message (never SQL or host names). */
export function serviceUnavailableError(formatted?: Pick<GraphQLFormattedError, 'locations' | 'path'>): GraphQLFormattedError {
  return {
    message: 'the service is temporarily unavailable; try again shortly',
    ...(formatted?.locations ? { locations: formatted.locations } : {}),
    ...(formatted?.path ? { path: formatted.path } : {}),
    extensions: { code: SERVICE_UNAVAILABLE },
  };
}

const hasUnavailableError = (errors: readonly GraphQLFormattedError[] | undefined) =>
  !!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE);

/**
 * Answers HTTP 503 (with Retry-After) when a response carries a SERVICE_UNAVAILABLE error (made by
 * formatError from a database outage). It wraps the plugins that write to the database on the
 * way out (the access log): their hooks run in parallel with ours, so we wait for them; if one
 * turned the response into a 500 and the database does not answer, that becomes a 503 too.
 */
export function serviceUnavailablePlugin<TContext extends object>(
  readiness: ReadinessCheck,
  ...inner: ApolloServerPlugin<TContext>[]
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(requestContext) {
      const listeners = (await Promise.all(inner.map((p) => p.requestDidStart?.(requestContext)))).filter(
        (l): l is GraphQLRequestListener<TContext> => !!l,
      );
      const merged: GraphQLRequestListener<TContext> = {};
      // Forward every hook of the wrapped plugins (they only use a few; this keeps them intact).
      const hookNames = new Set(listeners.flatMap((l) => Object.keys(l))) as Set<keyof GraphQLRequestListener<TContext>>;
      for (const name of hookNames) {
        if (name === 'willSendResponse') continue;
        (merged as Record<string, unknown>)[name] = async (...args: unknown[]) => {
          const results = await Promise.all(listeners.map((l) => (l[name] as ((...a: unknown[]) => unknown) | undefined)?.apply(l, args)));
          return results.find((r) => r !== undefined);
        };
      }
      merged.willSendResponse = async (rc) => {
        await Promise.all(listeners.map((l) => l.willSendResponse?.(rc)));
        const { response } = rc;
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (!hasUnavailableError(result.errors) && response.http.status === 500) {
          const db = await readiness.check();
          if (!db.ready && db.reason === 'database unavailable') {
            response.body.singleResult = { data: null, errors: [serviceUnavailableError()] };
          }
        }
        if (hasUnavailableError(response.body.singleResult.errors)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      };
      return merged;
    },
  };
}
