import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../modules/context';
import { forbidden, unauthenticated } from '../shared/errors';
import type { Role } from './actor';

/**
 * type-graphql's @Authorized: no actor → UNAUTHENTICATED; a role list that excludes the actor's role
 * → FORBIDDEN. Which households an allowed role may reach is decided by the policy in the data scope.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.actor) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.actor.role)) {
    throw forbidden(`this field is for ${roles.join(', ')} only`);
  }
  return true;
};
