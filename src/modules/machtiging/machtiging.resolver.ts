import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import { requireActor, type RequestContext } from '../context';
import { ConnectionArgs, pageSize, toConnection } from '../../shared/connection';
import { UserError } from '../../shared/user-error';
import { HouseholdConnection, HouseholdNode } from '../household/household.types';
import { MachtigingOpslagStatus, MachtigingStatus } from './machtiging.enums';
import type { MachtigingResult } from './machtiging.service';
import {
  activateMachtiging,
  grantMachtiging,
  organisationMachtigingen,
  requestMachtiging,
  revokeMachtiging,
} from './machtiging.service';
import {
  ActivateMachtigingInput,
  ClientFilter,
  GrantMachtigingInput,
  MachtigingConnection,
  MachtigingNode,
  MachtigingPayload,
  RequestMachtigingInput,
  RevokeMachtigingInput,
} from './machtiging.types';
import './machtiging.loaders'; // registers the ctx.loaders it reads

@ArgsType()
class MachtigingenArgs extends ConnectionArgs {
  @Field(() => [MachtigingStatus], { nullable: true, description: 'Only these statuses (an empty list matches nothing).' })
  status?: MachtigingStatus[] | null;
}

@ArgsType()
class ClientsArgs extends ConnectionArgs {
  @Field(() => ClientFilter, { nullable: true })
  filter?: ClientFilter | null;
}

function payload(ctx: RequestContext, r: MachtigingResult): MachtigingPayload {
  const viewer = requireActor(ctx).role;
  return Object.assign(new MachtigingPayload(), {
    machtiging: r.machtiging && MachtigingNode.from(r.machtiging, viewer, ctx.clock.today()),
    userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
  });
}

@Authorized()
@Resolver(() => HouseholdNode)
export class HouseholdMachtigingenResolver {
  @FieldResolver(() => [MachtigingNode], {
    description: 'Machtigingen of this household, newest first: active, pending, revoked and expired. An intermediary sees only its own organisation’s.',
  })
  async machtigingen(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<MachtigingNode[]> {
    const viewer = requireActor(ctx).role;
    const today = ctx.clock.today();
    return (await ctx.loaders.machtigingenOfHousehold.load(household.dbId)).map((m) => MachtigingNode.from(m, viewer, today));
  }
}

@Authorized()
@Resolver(() => MachtigingNode)
export class MachtigingResolver {
  @Authorized(Role.INTERMEDIAIR)
  @Query(() => HouseholdConnection, {
    description: 'INTERMEDIAIR: the households with an active machtiging for your organisation (each with its schuldenOverzicht), in a stable order.',
  })
  async clients(@Args() args: ClientsArgs, @Ctx() ctx: RequestContext) {
    const actor = requireActor(ctx);
    const where =
      args.filter?.scope && actor.role === Role.INTERMEDIAIR
        ? { machtigingen: { $some: { organisationId: actor.organisationId, status: MachtigingOpslagStatus.ACTIEF, geldigTot: { $gte: ctx.clock.today() }, scope: args.filter.scope } } }
        : {};
    const page = await ctx.scope.householdPage(where as never, pageSize(args.first), args.after ?? null);
    return toConnection(page, HouseholdNode.from);
  }

  @Authorized(Role.INTERMEDIAIR)
  @Query(() => MachtigingConnection, {
    description: 'INTERMEDIAIR: your organisation’s machtigingen, newest first, including pending, revoked and expired ones.',
  })
  async machtigingen(@Args() args: MachtigingenArgs, @Ctx() ctx: RequestContext) {
    const page = await organisationMachtigingen(ctx, { first: pageSize(args.first), after: args.after ?? null, status: args.status });
    const today = ctx.clock.today();
    return toConnection(page, (m) => MachtigingNode.from(m, Role.INTERMEDIAIR, today));
  }

  @Authorized(Role.INTERMEDIAIR)
  @Mutation(() => MachtigingPayload, {
    description:
      'INTERMEDIAIR: ask a citizen for a machtiging. The citizen gets a letter with an activation code. The answer is the same whether or not the BSN is known.',
  })
  async requestMachtiging(@Arg('input', () => RequestMachtigingInput) input: RequestMachtigingInput, @Ctx() ctx: RequestContext) {
    return payload(ctx, await requestMachtiging(ctx, input));
  }

  @Authorized(Role.BURGER)
  @Mutation(() => MachtigingPayload, { description: 'BURGER: activate a requested machtiging with the code from the letter.' })
  async activateMachtiging(@Arg('input', () => ActivateMachtigingInput) input: ActivateMachtigingInput, @Ctx() ctx: RequestContext) {
    return payload(ctx, await activateMachtiging(ctx, input));
  }

  @Authorized(Role.BURGER)
  @Mutation(() => MachtigingPayload, { description: 'BURGER: grant an intermediary organisation a machtiging directly.' })
  async grantMachtiging(@Arg('input', () => GrantMachtigingInput) input: GrantMachtigingInput, @Ctx() ctx: RequestContext) {
    return payload(ctx, await grantMachtiging(ctx, input));
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => MachtigingPayload, {
    description: 'Revoke a machtiging: the citizen (their household’s), the intermediary (its own) or a medewerker. Effective on the next request.',
  })
  async revokeMachtiging(@Arg('input', () => RevokeMachtigingInput) input: RevokeMachtigingInput, @Ctx() ctx: RequestContext) {
    return payload(ctx, await revokeMachtiging(ctx, input));
  }
}
