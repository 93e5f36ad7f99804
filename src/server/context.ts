import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { HouseholdScope } from '../auth/household-scope';
import { AccessRecorder } from '../modules/accesslog/access-recorder';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import type { RequestProcessing } from '../modules/accesslog/access-log.writer';
import type { RequestContext } from '../modules/context';
import { createLoaders } from '../modules/loaders';
import type { Clock } from '../shared/clock';
import type { TraceContext } from '../shared/trace';

const noPseudonymiser: Pseudonymiser = () => {
  throw new Error('no pseudonymiser was given to createRequestContext');
};

/** Builds a request's context: its access recorder, its household scope and its loaders. */
export function createRequestContext(
  actor: Actor | null,
  em: EntityManager,
  trace: TraceContext,
  clock: Clock,
  pseudonymise: Pseudonymiser = noPseudonymiser,
): RequestContext {
  const accessLog = new AccessRecorder();
  const startedAt = clock.now();
  const processing: RequestProcessing = {
    actor,
    trace,
    operationName: 'anonymous operation',
    startedAt,
    now: () => clock.now(),
    pseudonymise,
  };
  const scope = new HouseholdScope(actor, em, accessLog, clock, processing);
  return { actor, em, trace, accessLog, scope, loaders: createLoaders({ em, scope, clock }), clock, startedAt, processing, pseudonymise };
}
