import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../shared/config';
import type { Actor } from '../auth/actor';
import { TokenRejectedError, type TokenVerifier } from '../auth/token-verifier';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import { systemClock, type Clock } from '../shared/clock';
import { ErrorCode, unauthenticated } from '../shared/errors';
import { accessLogPlugin } from './access-log.plugin';
import { LIMIT_CODES } from './limits';
import { createReadinessCheck, isDatabaseUnavailable, readinessHandler, serviceUnavailableError, serviceUnavailablePlugin, SERVICE_UNAVAILABLE } from './health';
import { ideEnabled, ideRouter } from './ide';
import { noBsnInUrlPlugin } from './no-bsn-in-url.plugin';
import { createProtection, type ProtectionConfig } from './protection';
import type { RequestContext } from '../modules/context';
import { createRequestContext } from './context';
import type { Logger } from './logger';
import { getSchema } from './schema';
import { toTraceparent, traceFromHeader } from '../shared/trace';

export interface AppDeps {
  config: Pick<Config, 'env'> & Partial<Pick<Config, 'auth' | 'dataDir'>> & ProtectionConfig;
  orm: MikroORM;
  verifier: TokenVerifier;
  pseudonymise: Pseudonymiser;
  logger: Logger;
  /** Where the API learns today and now; the system clock unless a test or replay pins it. */
  clock?: Clock;
}

export interface RunningApp {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Stops accepting requests, drains the open ones and stops Apollo. */
  close(): Promise<void>;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
// Codes Apollo itself produces for bad requests; passed through unchanged.
const APOLLO_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

async function authenticate(header: string | undefined, verifier: TokenVerifier, logger: Logger): Promise<Actor | null> {
  if (header === undefined || header === '') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header);
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <JWT>"');
  try {
    return await verifier.verify(match[1]);
  } catch (err) {
    if (err instanceof TokenRejectedError) {
      logger.info({ reason: err.message }, 'token rejected');
      throw unauthenticated('the bearer token is invalid or expired');
    }
    throw err;
  }
}

/** Builds the HTTP server: POST/GET /graphql (Apollo) and /healthz. Does not listen. */
export async function createApp(deps: AppDeps): Promise<RunningApp> {
  const { orm, verifier, pseudonymise, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const readiness = createReadinessCheck(orm);
  // Operational safety: limits, rate limiting, security headers, request log and metrics (./protection.ts).
  const protection = createProtection(deps.config, orm, pseudonymise, logger);
  app.use(protection.securityHeaders);

  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    csrfPrevention: true,
    introspection: protection.introspection,
    validationRules: protection.validationRules,
    // Never: expected errors need no trace, unexpected ones are masked (a 'detail' in development).
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ...protection.plugins,
      // Apollo's own landing page loads Sandbox from a CDN; our IDE (./ide.ts) is served locally.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints: every response is personal data, sent with Cache-Control: no-store
      // (security-headers.ts). Apollo installs its cache-control plugin by default, and a plugin with
      // willResolveField makes Apollo wrap every field resolver of the schema (~2 % of CPU).
      ApolloServerPluginCacheControlDisabled(),
      // Wrapped so that a database outage while writing the log is answered with a 503 too.
      serviceUnavailablePlugin(readiness, accessLogPlugin(orm, pseudonymise, (err) => logger.error({ err }, 'access log write failed'))),
      noBsnInUrlPlugin(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ contextValue, errors }) {
              for (const error of errors) {
                const code = String(error.extensions?.code ?? '');
                if (isDatabaseUnavailable(error)) {
                  // No message: a driver message may quote SQL with its parameters (a BSN).
                  logger.warn({ traceId: contextValue?.trace?.traceId, code: (error.originalError as { code?: unknown } | undefined)?.code }, 'database unavailable');
                  continue;
                }
                if (!KNOWN_CODES.has(code) || code === ErrorCode.INTERNAL_SERVER_ERROR) {
                  if (APOLLO_CODES.has(code) || LIMIT_CODES.has(code)) continue;
                  logger.error({ traceId: contextValue?.trace?.traceId, err: error.originalError ?? error }, 'unexpected error');
                  // The masked error carries the trace id, so the logged detail can be found.
                  (error.extensions as Record<string, unknown>).traceId = contextValue?.trace?.traceId;
                }
              }
            },
          };
        },
      },
    ],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      // Refused by a limit: its own code (Apollo wraps validation-rule refusals as GRAPHQL_VALIDATION_FAILED).
      const limited = protection.formatLimitError(formatted, error);
      if (limited) return limited;
      const code = String(formatted.extensions?.code ?? '');
      // PostgreSQL is unreachable: a clear, retryable error (HTTP 503 via serviceUnavailablePlugin).
      if (isDatabaseUnavailable(error)) return serviceUnavailableError(formatted);
      const original = error instanceof GraphQLError ? error.originalError : error;
      // Apollo gives a thrown plain Error the code INTERNAL_SERVER_ERROR too: only GraphQLErrors we
      // (or Apollo) made on purpose pass through; a plain Error's message is never sent.
      const deliberate = original == null || original instanceof GraphQLError;
      if (deliberate && (KNOWN_CODES.has(code) || APOLLO_CODES.has(code) || code === SERVICE_UNAVAILABLE)) return formatted;
      // Anything else is a bug or an infrastructure failure: never leak its message (SQL, internals).
      return {
        message: 'internal error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: ErrorCode.INTERNAL_SERVER_ERROR,
          ...(typeof formatted.extensions?.traceId === 'string' ? { traceId: formatted.extensions.traceId } : {}),
          ...(deps.config.env === 'development' && original instanceof Error ? { detail: original.message } : {}),
        },
      };
    },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler(readiness));
  app.get('/metrics', protection.metricsHandler);
  if (ideEnabled(deps.config.env)) app.use(ideRouter({ auth: deps.config.auth, dataDir: deps.config.dataDir, clock }));
  app.use(
    '/graphql',
    protection.requestLog,
    express.json({ limit: protection.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const trace = traceFromHeader(req.header('traceparent'));
        res.setHeader('traceparent', toTraceparent(trace));
        protection.begin(res, trace.traceId);
        const actor = await authenticate(req.header('authorization'), verifier, logger).catch(protection.failed(res));
        const ctx = createRequestContext(actor, orm.em.fork() as never, trace, clock, pseudonymise);
        protection.bind(ctx, res);
        return ctx;
      },
    }),
    protection.bodyErrors,
  );

  return {
    server,
    apollo,
    async close() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Listens on host:port; rejects with EADDRINUSE etc. instead of crashing. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
