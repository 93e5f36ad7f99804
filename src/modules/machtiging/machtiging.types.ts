import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../auth/actor';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { BsnScalar, DateScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Node } from '../../shared/node';
import type { Machtiging } from './machtiging.entity';
import { MachtigingScope, MachtigingStatus, MachtigingVerleendVia } from './machtiging.enums';
import { effectiveStatus } from './machtiging.rules';

@ObjectType('Machtiging', {
  implements: Node,
  description: 'A citizen’s mandate for an intermediary organisation: scoped (INZIEN/HANDELEN), valid through geldigTot, revocable at any time.',
})
export class MachtigingNode extends Node {
  dbId!: string;

  @Field({ description: 'The intermediary organisation (KvK/OIN).' })
  organisationId!: string;

  @Field(() => MachtigingScope)
  scope!: MachtigingScope;

  @Field(() => MachtigingStatus, { description: 'Only ACTIEF grants anything; VERLOPEN once geldigTot has passed.' })
  status!: MachtigingStatus;

  @Field(() => DateScalar, { description: 'Valid through this date.' })
  geldigTot!: string;

  @Field(() => String, { nullable: true, description: 'The intermediary’s own client reference; shown to the intermediary only.' })
  clientReferentie!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The activation code from the letter, while AANGEVRAAGD. Shown only to the household’s citizens and to medewerkers.',
  })
  activeringscode!: string | null;

  @Field(() => MachtigingVerleendVia, { nullable: true })
  verleendVia!: MachtigingVerleendVia | null;

  @Field(() => String, { description: 'When it was requested or granted (ISO 8601).' })
  aangemaaktOp!: string;

  @Field(() => String, { nullable: true, description: 'When it became active (ISO 8601).' })
  geactiveerdOp!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was revoked (ISO 8601).' })
  ingetrokkenOp!: string | null;

  @Field(() => Role, { nullable: true, description: 'Who revoked it.' })
  ingetrokkenDoor!: Role | null;

  /** The viewer decides what is shown: the code never to the organisation, the reference only to it. */
  static from(m: Machtiging, viewer: Role, today: string): MachtigingNode {
    const status = effectiveStatus(m, today);
    return Object.assign(new MachtigingNode(), {
      id: toGlobalId('Machtiging', m.id),
      dbId: m.id,
      organisationId: m.organisationId,
      scope: m.scope,
      status,
      geldigTot: m.geldigTot,
      clientReferentie: viewer === Role.INTERMEDIAIR ? (m.clientReferentie ?? null) : null,
      activeringscode:
        (viewer === Role.BURGER || viewer === Role.MEDEWERKER) && status === MachtigingStatus.AANGEVRAAGD ? (m.activeringscode ?? null) : null,
      verleendVia: m.verleendVia ?? null,
      aangemaaktOp: m.createdAt.toISOString(),
      geactiveerdOp: m.geactiveerdOp?.toISOString() ?? null,
      ingetrokkenOp: m.ingetrokkenOp?.toISOString() ?? null,
      ingetrokkenDoor: (m.ingetrokkenDoor as Role | null | undefined) ?? null,
    });
  }
}

export const MachtigingConnection = connectionType(MachtigingNode, 'Machtiging');

@InputType()
export class RequestMachtigingInput {
  @Field(() => BsnScalar, { description: 'The client’s BSN (in the request body only).' })
  bsn!: string;

  @Field(() => MachtigingScope)
  scope!: MachtigingScope;

  @Field(() => DateScalar, { description: 'Valid through this date: today up to 5 years ahead.' })
  geldigTot!: string;

  @Field(() => String, { nullable: true, description: 'Your own reference for the client (max 100 characters, never a BSN).' })
  clientReferentie?: string | null;
}

@InputType()
export class ActivateMachtigingInput {
  @Field({ description: 'The code from the letter, e.g. "ABCD-EFGH-JKMN" (case and dashes do not matter).' })
  activeringscode!: string;
}

@InputType()
export class GrantMachtigingInput {
  @Field({ description: 'The intermediary organisation (KvK/OIN), e.g. "KVK:87654321".' })
  organisationId!: string;

  @Field(() => MachtigingScope)
  scope!: MachtigingScope;

  @Field(() => DateScalar, { description: 'Valid through this date: today up to 5 years ahead.' })
  geldigTot!: string;
}

@InputType()
export class RevokeMachtigingInput {
  @Field(() => ID)
  machtigingId!: string;
}

@InputType()
export class ClientFilter {
  @Field(() => MachtigingScope, { nullable: true, description: 'Only clients whose machtiging has this scope.' })
  scope?: MachtigingScope | null;
}

@ObjectType({ description: 'The result of a machtiging mutation: the machtiging, or why nothing changed.' })
export class MachtigingPayload {
  @Field(() => MachtigingNode, { nullable: true })
  machtiging!: MachtigingNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
