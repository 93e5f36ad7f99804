import Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Huishoudtype } from '../betalingsregeling/betalingscapaciteit.rules';
import { BetalingscapaciteitNode } from '../betalingsregeling/betalingscapaciteit.types';
import { Node } from '../../shared/node';
import type { Zaak } from './zaak.entity';
import { bijzondereLastCode, capaciteitFromJson } from './zaak-gegevens';
import { Contactvoorkeur, MatigingBesluit, ZaakSoort, ZaakStatus, ZaakUitkomst, ZienswijzeOordeel } from './zaak.enums';
import { leeftijdInDagen, termijnOverschreden } from './zaak.rules';

@ObjectType('BijzondereLastBeoordeling', { description: 'A bijzondere last of a request and the medewerker’s decision on it (null while undecided).' })
export class BijzondereLastBeoordeling {
  @Field({ description: 'BIJZONDERE_LAST_1, … as in the calculation’s lines.' })
  code!: string;

  @Field()
  omschrijving!: string;

  @Field(() => MoneyScalar, { description: 'Per month.' })
  bedrag!: Decimal;

  @Field()
  toelichting!: string;

  @Field(() => Boolean, { nullable: true, description: 'True: accepted and deducted; false: rejected; null: not decided yet.' })
  geaccepteerd!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The medewerker’s reason; null while undecided.' })
  reden!: string | null;
}

@ObjectType('PersoonlijkeBetalingsregelingAanvraag', {
  description: 'The submitted data of a persoonlijke betalingsregeling request, its provisional calculation and (once decided) the decision.',
})
export class PersoonlijkeBetalingsregelingAanvraag {
  @Field(() => Huishoudtype)
  huishoudtype!: Huishoudtype;

  @Field(() => [BijzondereLastBeoordeling])
  bijzondereLasten!: BijzondereLastBeoordeling[];

  @Field(() => BetalingscapaciteitNode, { description: 'The calculation on the day of the request (bijzondere lasten not counted).' })
  voorlopigeBerekening!: BetalingscapaciteitNode;

  @Field(() => BetalingscapaciteitNode, { nullable: true, description: 'The final calculation on the decision date (accepted lasten deducted); null while open.' })
  berekening!: BetalingscapaciteitNode | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The termijnbedrag the medewerker set instead of the computed afloscapaciteit; null when not adjusted.' })
  aangepastTermijnbedrag!: Decimal | null;

  @Field(() => String, { nullable: true })
  aanpassingReden!: string | null;

  @Field(() => String, { nullable: true, description: 'The illiquid vermogen that made the arrangement VERLENGD; null otherwise.' })
  illiquideVermogen!: string | null;

  static from(z: Zaak): PersoonlijkeBetalingsregelingAanvraag | null {
    const f = z.gegevens?.financieel;
    if (!f || !z.gegevens?.voorlopigeBerekening) return null;
    const b = z.beslissing ?? {};
    return Object.assign(new PersoonlijkeBetalingsregelingAanvraag(), {
      huishoudtype: f.huishoudtype,
      bijzondereLasten: f.bijzondereLasten.map((l, i) => {
        const besluit = b.bijzondereLasten?.find((x) => x.code === bijzondereLastCode(i));
        return Object.assign(new BijzondereLastBeoordeling(), {
          code: bijzondereLastCode(i),
          omschrijving: l.omschrijving,
          bedrag: new Decimal(l.bedrag),
          toelichting: l.toelichting,
          geaccepteerd: besluit ? besluit.geaccepteerd : null,
          reden: besluit ? besluit.reden : null,
        });
      }),
      voorlopigeBerekening: BetalingscapaciteitNode.from(capaciteitFromJson(z.gegevens.voorlopigeBerekening)),
      berekening: b.berekening ? BetalingscapaciteitNode.from(capaciteitFromJson(b.berekening)) : null,
      aangepastTermijnbedrag: b.aangepastTermijnbedrag ? new Decimal(b.aangepastTermijnbedrag) : null,
      aanpassingReden: b.aanpassingReden ?? null,
      illiquideVermogen: b.illiquideVermogen ?? null,
    });
  }
}

@ObjectType('Matiging', { description: 'A granted hardheidsverzoek: the schuld’s open amount before and after.' })
export class MatigingNode {
  @Field(() => MoneyScalar)
  oudOpenstaandBedrag!: Decimal;

  @Field(() => MoneyScalar)
  nieuwOpenstaandBedrag!: Decimal;

  @Field(() => MoneyScalar, { description: 'Collection costs remitted with a schuld lowered to zero; 0 otherwise.' })
  kwijtgescholdenKosten!: Decimal;
}

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

  // Deadline, outcome and what the zaak is about.
  @Field({
    description:
      'True when the uiterlijkeBeslisdatum has passed without a decision (open and today is after it), or the decision came after it. False without a deadline.',
  })
  termijnOverschreden!: boolean;

  @Field(() => ZaakUitkomst, { nullable: true, description: 'How it ended; null while open. The explanation is in uitkomst.' })
  uitkomstSoort!: ZaakUitkomst | null;

  @Field(() => PersoonlijkeBetalingsregelingAanvraag, {
    nullable: true,
    description: 'PERSOONLIJKE_BETALINGSREGELING: the submitted data, the provisional calculation and the decision; null for other soorten.',
  })
  persoonlijkeBetalingsregeling!: PersoonlijkeBetalingsregelingAanvraag | null;

  @Field(() => MatigingNode, { nullable: true, description: 'HARDHEIDSVERZOEK granted: the amounts; null otherwise.' })
  matiging!: MatigingNode | null;

  /** For the field resolvers. */
  betalingsregelingDbId!: string | null;
  beschikkingDbId!: string | null;

  static from(z: Zaak, today: string): ZaakNode {
    const m = z.beslissing;
    return Object.assign(new ZaakNode(), {
      termijnOverschreden: termijnOverschreden(z.uiterlijkeBeslisdatum ?? null, z.afgehandeldOp ?? null, today),
      uitkomstSoort: z.uitkomstSoort ?? null,
      persoonlijkeBetalingsregeling: PersoonlijkeBetalingsregelingAanvraag.from(z),
      matiging:
        m?.oudOpenstaandBedrag && m.nieuwOpenstaandBedrag
          ? Object.assign(new MatigingNode(), {
              oudOpenstaandBedrag: new Decimal(m.oudOpenstaandBedrag),
              nieuwOpenstaandBedrag: new Decimal(m.nieuwOpenstaandBedrag),
              kwijtgescholdenKosten: new Decimal(m.kwijtgescholdenKosten ?? '0'),
            })
          : null,
      betalingsregelingDbId: z.betalingsregeling?.id ?? null,
      beschikkingDbId: z.beschikking?.id ?? null,
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

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only open zaken (NIEUW, IN_BEHANDELING) whose uiterlijkeBeslisdatum is before today; false: all others; absent: no filter.',
  })
  termijnOverschreden?: boolean | null;
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

@InputType('SubmitZienswijzeInput', { description: 'Exactly one of schuldId and beschikkingId.' })
export class SubmitZienswijzeInput {
  @Field(() => ID, { nullable: true })
  schuldId?: string | null;

  @Field(() => ID, { nullable: true })
  beschikkingId?: string | null;

  @Field({ description: 'The zienswijze, 1–2000 characters.' })
  text!: string;
}

@InputType('RequestMatigingInput')
export class RequestMatigingInput {
  @Field(() => ID)
  schuldId!: string;

  @Field({ description: 'Why paying the schuld in full would be unreasonably harsh (hardship), 1–2000 characters.' })
  reason!: string;
}

@InputType('DecideMatigingInput')
export class DecideMatigingInput {
  @Field(() => ID, { description: 'A HARDHEIDSVERZOEK zaak that is still open.' })
  zaakId!: string;

  @Field(() => MatigingBesluit)
  besluit!: MatigingBesluit;

  @Field(() => MoneyScalar, { nullable: true, description: 'TOEGEWEZEN: the new open amount, below the current one; 0.00 remits the schuld (KWIJTGESCHOLDEN).' })
  nieuwOpenstaandBedrag?: Decimal | null;

  @Field({ description: 'Why, 1–2000 characters; shown to the citizen and recorded in the schuld’s history.' })
  reden!: string;
}

@InputType('DecideZienswijzeInput')
export class DecideZienswijzeInput {
  @Field(() => ID, { description: 'A ZIENSWIJZE zaak that is still open.' })
  zaakId!: string;

  @Field(() => ZienswijzeOordeel)
  oordeel!: ZienswijzeOordeel;

  @Field({ description: 'The answer to the citizen, 1–2000 characters (the zaak’s uitkomst).' })
  antwoord!: string;
}

@ObjectType('ZaakPayload', { description: 'The zaak a request created or a decision handled; null when refused (userErrors).' })
export class ZaakPayload {
  @Field(() => ZaakNode, { nullable: true })
  zaak!: ZaakNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
