import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_BUCKETS, DEFAULT_LIMITS, type Config } from '../shared/config';
import { projectRoot } from '../shared/paths';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import type { RequestContext } from '../modules/context';
import { armorProtection, LIMIT_CODES, limitErrorCode, maxTokensPlugin } from './limits';
import type { Logger } from './logger';
import { ApiMetrics } from './metrics';
import { costAndRateLimitPlugin } from './rate-limit';
import { bindRecord, bodyErrors, noteError, recordCost, recordOf, recordRejection, requestLog, requestRecordPlugin } from './request-log';
import { securityHeaders } from './security-headers';

export type ProtectionConfig = Pick<Config, 'env'> & Partial<Pick<Config, 'limits' | 'rateLimit' | 'bodyLimitBytes' | 'introspection'>>;

/** The version in package.json, sent as the API-Version header. */
export const API_VERSION: string = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

export interface Protection {
  introspection: boolean;
  validationRules: ValidationRule[];
  /** Apollo plugins: armor, token limit, cost and rate limit, request record. */
  plugins: ApolloServerPlugin<RequestContext>[];
  metrics: ApiMetrics;
  bodyLimitBytes: number;
  securityHeaders: RequestHandler;
  requestLog: RequestHandler;
  bodyErrors: ErrorRequestHandler;
  metricsHandler: RequestHandler;
  /** Called in the context function: the trace id for the request log, then the context or the failure. */
  begin(res: Response, traceId: string): void;
  bind(ctx: RequestContext, res: Response): void;
  failed(res: Response): (err: unknown) => never;
  /** formatError for limit refusals (their own code also when Apollo wrapped them); undefined for others. */
  formatLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined;
}

/**
 * Everything of "operate it safely" that app.ts wires in, in one place: operation limits
 * (armor + cost), rate limiting, body limit, security headers, request log and metrics.
 */
export function createProtection(config: ProtectionConfig, orm: MikroORM, pseudonymise: Pseudonymiser, logger: Logger): Protection {
  const production = config.env === 'production';
  const limits = config.limits ?? DEFAULT_LIMITS;
  const rateLimit = config.rateLimit ?? { enabled: true, roles: DEFAULT_BUCKETS };
  const armor = armorProtection(limits, production);
  const metrics = new ApiMetrics(orm);

  return {
    introspection: config.introspection ?? !production,
    validationRules: armor.validationRules,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<RequestContext>[]),
      maxTokensPlugin<RequestContext>(limits.maxTokens, recordRejection),
      costAndRateLimitPlugin({ limits, rateLimit, pseudonymise, em: () => orm.em.fork(), onCost: recordCost }),
      requestRecordPlugin(),
    ],
    metrics,
    bodyLimitBytes: config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    securityHeaders: securityHeaders(API_VERSION),
    requestLog: requestLog(logger, metrics),
    bodyErrors: bodyErrors(),
    metricsHandler: (_req, res, next) => {
      metrics.registry
        .metrics()
        .then((text) => {
          res.setHeader('Content-Type', metrics.registry.contentType);
          res.end(text);
        })
        .catch(next);
    },
    begin(res, traceId) {
      recordOf(res).traceId = traceId;
    },
    bind(ctx, res) {
      bindRecord(ctx, res);
    },
    failed(res) {
      return (err) => {
        noteError(res, err);
        throw err;
      };
    },
    formatLimitError(formatted, error) {
      const code = limitErrorCode(error) ?? String(formatted.extensions?.code ?? '');
      if (!LIMIT_CODES.has(code)) return undefined;
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    },
  };
}
