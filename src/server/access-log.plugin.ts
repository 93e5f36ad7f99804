import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { AccessLogWriter } from '../modules/accesslog/access-log.writer';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import { ErrorCode } from '../shared/errors';
import type { RequestContext } from '../modules/context';

/**
 * Writes the request's remaining access-log rows (one per household) before the response leaves,
 * through the app's group-committing AccessLogWriter (the rows of concurrent requests share one
 * INSERT): the reads, and what a failed mutation had recorded. A mutation's own rows are not here:
 * its transaction wrote them before its COMMIT (HouseholdScope.transactional).
 * Fails closed: if the log cannot be written, the household data is not sent.
 */
export function accessLogPlugin(orm: MikroORM, pseudonymise: Pseudonymiser, onError: (err: unknown) => void): ApolloServerPlugin<RequestContext> {
  const writer = new AccessLogWriter(() => orm.em.fork(), pseudonymise);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, operationName, operation }) {
          ctx.processing.operationName = operationName ?? operation?.name?.value ?? `anonymous ${operation?.operation ?? 'operation'}`;
        },
        async willSendResponse({ contextValue: ctx, response, operationName, operation, errors }) {
          if (!ctx.actor || ctx.accessLog.size === 0) return;
          try {
            await writer.write({
              recorder: ctx.accessLog,
              actor: ctx.actor,
              trace: ctx.trace,
              operationName: operationName ?? operation?.name?.value ?? `anonymous ${operation?.operation ?? 'operation'}`,
              startedAt: ctx.startedAt,
              endedAt: ctx.clock.now(),
              status: errors?.length || (response.body.kind === 'single' && response.body.singleResult.errors?.length) ? 'ERROR' : 'OK',
            });
          } catch (err) {
            onError(err);
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  new GraphQLError('the access log could not be written; no data is returned', {
                    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, traceId: ctx.trace.traceId },
                  }).toJSON(),
                ],
              };
            }
            response.http.status = 500;
          }
        },
      };
    },
  };
}
