import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { HouseholdScope } from '../auth/household-scope';
import { AccessRecorder } from '../modules/accesslog/access-recorder';
import type { Pseudonymiser } from '../modules/accesslog/pseudonym';
import type { Clock } from '../shared/clock';
import { unauthenticated } from '../shared/errors';
import { createLoaders, type Loaders } from './loaders';
import type { TraceContext } from '../shared/trace';

/** Everything a resolver or service gets for one request. */
export interface RequestContext {
  actor: Actor | null;
  /** Forked per request: no identity map is shared between requests. */
  em: EntityManager;
  trace: TraceContext;
  accessLog: AccessRecorder;
  /** The only way to household data: policy-filtered queries that also record access. */
  scope: HouseholdScope;
  loaders: Loaders;
  /** The only source of "today" and "now" for this request (pinned in tests). */
  clock: Clock;
  startedAt: Date;
  /**
   * The keyed HMAC of a BSN, as the access log stores data subjects and citizen actors: lets a
   * service recognise a citizen's own entries (Household.toegangslog) without any BSN leaving it.
   */
  pseudonymise: Pseudonymiser;
}

const noPseudonymiser: Pseudonymiser = () => {
  throw new Error('no pseudonymiser was given to createRequestContext');
};

export function createRequestContext(
  actor: Actor | null,
  em: EntityManager,
  trace: TraceContext,
  clock: Clock,
  pseudonymise: Pseudonymiser = noPseudonymiser,
): RequestContext {
  const accessLog = new AccessRecorder();
  const scope = new HouseholdScope(actor, em, accessLog, clock);
  return { actor, em, trace, accessLog, scope, loaders: createLoaders(em, scope, clock), clock, startedAt: clock.now(), pseudonymise };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
