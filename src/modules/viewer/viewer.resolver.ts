import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/actor';
import { requireActor, type RequestContext } from '../context';
import { GemeentecodeScalar } from '../../shared/scalars';

@ObjectType('Viewer', { description: 'Who the API thinks you are, from your verified token.' })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'INTERMEDIAIR and KOO: your organisation (KvK/OIN).' })
  organisationId!: string | null;

  @Field(() => String, { nullable: true, description: 'INTERMEDIAIR and MEDEWERKER: your employee id.' })
  employeeId!: string | null;

  @Field(() => GemeentecodeScalar, { nullable: true, description: 'GEMEENTE: your CBS gemeentecode.' })
  gemeentecode!: string | null;

  @Field(() => [String], { description: 'KOO: the LRK numbers of your locations.' })
  lrkNumbers!: string[];
}

@Authorized()
@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The authenticated caller. UNAUTHENTICATED without a valid token.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const actor = requireActor(ctx);
    return {
      role: actor.role,
      organisationId: actor.role === Role.INTERMEDIAIR || actor.role === Role.KOO ? actor.organisationId : null,
      employeeId: actor.role === Role.INTERMEDIAIR || actor.role === Role.MEDEWERKER ? actor.employeeId : null,
      gemeentecode: actor.role === Role.GEMEENTE ? actor.gemeentecode : null,
      lrkNumbers: actor.role === Role.KOO ? actor.lrkNumbers : [],
    };
  }
}
