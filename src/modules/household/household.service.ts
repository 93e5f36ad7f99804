import { Purpose } from '../../auth/policy';
import type { RequestContext } from '../../server/context';
import { fromGlobalIdOfType } from '../../shared/global-id';
import type { Household } from './household.entity';

/** The citizen's own household, found through the BSN in the token (never an argument). */
export async function getMyHousehold(ctx: RequestContext): Promise<Household | null> {
  const [household] = await ctx.scope.households({}, Purpose.READ);
  return household ?? null;
}

/** A household by global id, within the caller's reach (policy in src/auth/policy.ts). */
export async function getHousehold(ctx: RequestContext, globalId: string): Promise<Household> {
  return ctx.scope.household(fromGlobalIdOfType(globalId, 'Household'), Purpose.READ);
}
