import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { HouseholdScope } from '../auth/household-scope';
import { AccessRecorder } from '../modules/accesslog/access-recorder';
import { unauthenticated } from '../shared/errors';
import { createLoaders, type Loaders } from './loaders';
import type { TraceContext } from './trace';

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
  startedAt: Date;
}

export function createRequestContext(actor: Actor | null, em: EntityManager, trace: TraceContext): RequestContext {
  const accessLog = new AccessRecorder();
  const scope = new HouseholdScope(actor, em, accessLog);
  return { actor, em, trace, accessLog, scope, loaders: createLoaders(em, scope), startedAt: new Date() };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
