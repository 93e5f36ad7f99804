import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Node } from '../node/node.types';
import type { Zaak } from './zaak.entity';
import { Contactvoorkeur, ZaakSoort, ZaakStatus } from './zaak.enums';
import { leeftijdInDagen } from './zaak.rules';

@ObjectType('Zaak', {
  implements: Node,
  description: 'A case for a medewerker: a referral to persoonlijke begeleiding, an arrangement request or a hardship request.',
})
export class ZaakNode extends Node {
  dbId!: string;

  @Field(() => ZaakSoort)
  soort!: ZaakSoort;

  @Field(() => ZaakStatus)
  status!: ZaakStatus;

  @Field({ description: 'Why the zaak was submitted, in the submitter’s words.' })
  reden!: string;

  @Field(() => Contactvoorkeur, { nullable: true })
  contactvoorkeur!: Contactvoorkeur | null;

  @Field({ description: 'Role of who submitted it: BURGER, INTERMEDIAIR or MEDEWERKER.' })
  ingediendDoorRol!: string;

  @Field(() => String, { nullable: true, description: 'The intermediary organisation (KvK/OIN) that submitted it; null otherwise.' })
  ingediendDoorOrganisatie!: string | null;

  @Field({ description: 'When it was submitted: an ISO 8601 date-time in UTC, e.g. "2026-11-22T09:15:00.000Z".' })
  ingediendOp!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Deadline for a decision (beslistermijn); null when none applies.' })
  uiterlijkeBeslisdatum!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was handled (AFGEROND or AFGEWEZEN): ISO 8601 date-time in UTC; null while open.' })
  afgehandeldOp!: string | null;

  @Field(() => String, { nullable: true, description: 'The outcome, once handled.' })
  uitkomst!: string | null;

  @Field(() => Int, {
    description: 'Age in whole calendar days (Europe/Amsterdam) from submission until today, or until afgehandeldOp once handled.',
  })
  leeftijdInDagen!: number;

  static from(z: Zaak, today: string): ZaakNode {
    return Object.assign(new ZaakNode(), {
      id: toGlobalId('Zaak', z.id),
      dbId: z.id,
      soort: z.soort,
      status: z.status,
      reden: z.reden,
      contactvoorkeur: z.contactvoorkeur ?? null,
      ingediendDoorRol: z.ingediendDoorRol,
      ingediendDoorOrganisatie: z.ingediendDoorOrganisatie ?? null,
      ingediendOp: z.createdAt.toISOString(),
      uiterlijkeBeslisdatum: z.uiterlijkeBeslisdatum ?? null,
      afgehandeldOp: z.afgehandeldOp ? z.afgehandeldOp.toISOString() : null,
      uitkomst: z.uitkomst ?? null,
      leeftijdInDagen: leeftijdInDagen(z.createdAt, z.afgehandeldOp ?? null, today),
    });
  }
}

export const ZaakConnection = connectionType(ZaakNode, 'Zaak');

@InputType('ZaakFilter', { description: 'All given conditions must hold. An empty list matches nothing; an absent one does not filter.' })
export class ZaakFilter {
  @Field(() => [ZaakStatus], { nullable: true })
  status?: ZaakStatus[] | null;

  @Field(() => [ZaakSoort], { nullable: true })
  soort?: ZaakSoort[] | null;
}

@InputType('ReferToPersoonlijkeBegeleidingInput')
export class ReferToPersoonlijkeBegeleidingInput {
  @Field(() => ID, { description: 'The client’s household.' })
  householdId!: string;

  @Field({ description: 'Why the client needs persoonlijke begeleiding: 1 to 2000 characters.' })
  reason!: string;

  @Field(() => Contactvoorkeur, { description: 'How the client prefers to be contacted. VIA_INTERMEDIAIR only when an intermediary submits.' })
  contactPreference!: Contactvoorkeur;
}

@ObjectType('ReferToPersoonlijkeBegeleidingPayload')
export class ReferToPersoonlijkeBegeleidingPayload {
  @Field(() => ZaakNode, { nullable: true, description: 'The new zaak (status NIEUW); null when refused.' })
  zaak!: ZaakNode | null;

  @Field(() => [UserError], { description: 'Why the referral was refused; empty when it was made.' })
  userErrors!: UserError[];
}
