import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import type { HouseholdScope } from '../auth/household-scope';
import type { Clock } from '../shared/clock';
import { unauthenticated } from '../shared/errors';
import type { TraceContext } from '../shared/trace';
import type { RequestProcessing } from './accesslog/access-log.writer';
import type { AccessRecorder } from './accesslog/access-recorder';
import type { Pseudonymiser } from './accesslog/pseudonym';
import type { Loaders } from './loaders';

/** Everything a resolver or service gets for one request (built by the server per request). */
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
   * The request's processing as the access log describes it; the access-log plugin sets its
   * operation name once the document is parsed. (An object, so it is shared by the copies Apollo
   * Server makes of the context.)
   */
  processing: RequestProcessing;
  /**
   * The keyed HMAC of a BSN, as the access log stores data subjects and citizen actors: lets a
   * service recognise a citizen's own entries (Household.toegangslog) without any BSN leaving it.
   */
  pseudonymise: Pseudonymiser;
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
