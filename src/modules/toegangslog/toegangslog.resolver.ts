import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ConnectionArgs, toConnection } from '../../shared/connection';
import { HouseholdNode } from '../household/household.types';
import { householdToegangslog, type ToegangslogEntry } from './toegangslog.service';
import { ToegangslogConnection, ToegangslogDoelType, ToegangslogEntryType, ToegangslogNamensType } from './toegangslog.types';

@Authorized()
@Resolver(() => HouseholdNode)
export class ToegangslogResolver {
  @FieldResolver(() => ToegangslogConnection, {
    description:
      'Who looked at or acted on this household’s data, when, why and for whom; newest first. ' +
      'For the citizen (own household) and medewerkers; FORBIDDEN for an intermediary. Reading it is logged too.',
  })
  async toegangslog(@Root() household: HouseholdNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await householdToegangslog(ctx, household.dbId, args), toType);
  }
}

function toType(e: ToegangslogEntry): ToegangslogEntryType {
  return Object.assign(new ToegangslogEntryType(), {
    ...e,
    doel: Object.assign(new ToegangslogDoelType(), e.doel),
    namens: e.namens && Object.assign(new ToegangslogNamensType(), e.namens),
  });
}
