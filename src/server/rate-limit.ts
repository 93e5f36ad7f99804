import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OperationLimits, RateLimitConfig } from '../shared/config';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import { BucketTaker, bucketKey } from '../modules/ratelimit/leaky-bucket';
import type { RequestContext } from '../modules/context';
import { operationCost } from './cost';
import { LimitCode, limitError } from './limits';

/** `extensions.cost` of every response that got as far as a resolved operation (Shopify/GitHub style). */
export interface CostReport {
  requestedQueryCost: number;
  /** The most one operation of this caller may cost: the cost limit, or the bucket capacity when lower. */
  maximumAvailable: number;
  /** Points left in the caller's bucket after this request (authenticated callers only). */
  remaining?: number;
  /** Points per second the bucket leaks (authenticated callers only). */
  restoreRate?: number;
}

export interface CostPluginOptions {
  limits: OperationLimits;
  rateLimit: RateLimitConfig;
  pseudonymise: Pseudonymiser;
  /**
   * An EntityManager outside any request (e.g. `() => orm.em.fork()`) for the batched bucket takes:
   * a batch serves several requests, so it must not run on (or in a transaction of) one of them.
   */
  em: () => EntityManager;
  /** Told the cost report of each request (for the request log). */
  onCost?: (ctx: RequestContext, report: CostReport) => void;
}

/**
 * After validation and before execution: computes the operation's cost, refuses it above the cost
 * limit (QUERY_TOO_COSTLY, no SQL), then takes the cost from the actor's leaky bucket
 * (RATE_LIMITED, HTTP 429 with Retry-After when it does not fit). The takes of concurrent requests
 * share one SQL statement (BucketTaker: one per plugin, i.e. per app). Unauthenticated requests have
 * no bucket: they can only reach `viewer` and get UNAUTHENTICATED.
 */
export function costAndRateLimitPlugin(o: CostPluginOptions): ApolloServerPlugin<RequestContext> {
  const taker = new BucketTaker(o.em);
  return {
    async requestDidStart() {
      let report: CostReport | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue: ctx }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          const bucket = ctx.actor && o.rateLimit.enabled ? o.rateLimit.roles[ctx.actor.role] : undefined;
          const maximumAvailable = Math.floor(Math.min(o.limits.maxCost, bucket?.capacity ?? Infinity));
          report = { requestedQueryCost: cost, maximumAvailable };
          if (bucket) report.restoreRate = bucket.leakPerSecond;
          o.onCost?.(ctx, report);
          if (cost > maximumAvailable) {
            throw limitError(LimitCode.QUERY_TOO_COSTLY, `the operation costs ${cost}; at most ${maximumAvailable} is allowed`, 400, {
              cost: { ...report },
            });
          }
          if (!bucket || !ctx.actor) return;
          const decision = await taker.take(bucketKey(ctx.actor, o.pseudonymise), cost, bucket);
          report.remaining = decision.remaining;
          if (!decision.allowed) {
            const retryAfterSeconds = decision.retryAfterSeconds!;
            const err = limitError(LimitCode.RATE_LIMITED, `rate limit exceeded: retry after ${retryAfterSeconds} s`, 429, {
              retryAfterSeconds,
              cost: { ...report },
            });
            (err.extensions.http as { headers?: HeaderMap }).headers = new HeaderMap([['retry-after', String(retryAfterSeconds)]]);
            throw err;
          }
        },
        async willSendResponse({ response }) {
          // Reported while rate limiting is on (always, unless RATE_LIMIT_ENABLED=false).
          if (!report || !o.rateLimit.enabled || response.body.kind !== 'single') return;
          const r = response.body.singleResult;
          r.extensions = { ...r.extensions, cost: report };
        },
      };
    },
  };
}
