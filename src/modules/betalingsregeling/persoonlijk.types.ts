import type Decimal from 'decimal.js';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Contactvoorkeur } from '../zaak/zaak.enums';
import { ZaakNode } from '../zaak/zaak.types';
import { BetalingscapaciteitNode, BijzondereLastInput, InkomenPostInput, LastenInput } from './betalingscapaciteit.types';
import { Huishoudtype } from './betalingscapaciteit.rules';
import { BetalingsregelingNode } from './betalingsregeling.types';

@InputType('PersoonlijkeFinancienInput', {
  description: 'Monthly income and costs for a persoonlijke betalingsregeling: the same rules as calculateBetalingscapaciteit.',
})
export class PersoonlijkeFinancienInput {
  @Field(() => Huishoudtype)
  huishoudtype!: Huishoudtype;

  @Field(() => [InkomenPostInput], { defaultValue: [] })
  inkomsten!: InkomenPostInput[];

  @Field(() => [InkomenPostInput], { defaultValue: [], description: 'Income of the partner (when they were partner in the debt period).' })
  partnerInkomsten!: InkomenPostInput[];

  @Field(() => LastenInput, { nullable: true })
  lasten?: LastenInput | null;

  @Field(() => [BijzondereLastInput], {
    defaultValue: [],
    description: 'Necessary costs outside the formula, each with an explanation; a medewerker accepts or rejects each (maatwerk).',
  })
  bijzondereLasten!: BijzondereLastInput[];
}

@InputType('RequestPersoonlijkeBetalingsregelingInput')
export class RequestPersoonlijkeBetalingsregelingInput {
  @Field(() => ID, { description: 'The household whose schulden the arrangement is for.' })
  householdId!: string;

  @Field(() => [ID], { description: 'The schulden of that household; at least one, each once.' })
  schuldIds!: string[];

  @Field(() => PersoonlijkeFinancienInput)
  financien!: PersoonlijkeFinancienInput;

  @Field(() => String, { nullable: true, description: 'Optional explanation for the medewerker, at most 2000 characters.' })
  toelichting?: string | null;

  @Field(() => Contactvoorkeur, { nullable: true })
  contactvoorkeur?: Contactvoorkeur | null;
}

@ObjectType('RequestPersoonlijkeBetalingsregelingPayload')
export class RequestPersoonlijkeBetalingsregelingPayload {
  @Field(() => ZaakNode, { nullable: true, description: 'The new zaak (NIEUW) with its uiterlijkeBeslisdatum; null when refused.' })
  zaak!: ZaakNode | null;

  @Field(() => BetalingscapaciteitNode, {
    nullable: true,
    description: 'The provisional calculation, line by line (bijzondere lasten shown, not counted: maatwerkNodig); null when refused.',
  })
  berekening!: BetalingscapaciteitNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('BijzondereLastBesluitInput', { description: 'The decision on one bijzondere last of the request.' })
export class BijzondereLastBesluitInput {
  @Field({ description: 'The code of the last in the calculation: BIJZONDERE_LAST_1, BIJZONDERE_LAST_2, …' })
  code!: string;

  @Field({ description: 'True: deducted in the final calculation; false: not counted.' })
  geaccepteerd!: boolean;

  @Field({ description: 'Why, 1–2000 characters; shown to the citizen.' })
  reden!: string;
}

@InputType('DecidePersoonlijkeBetalingsregelingInput')
export class DecidePersoonlijkeBetalingsregelingInput {
  @Field(() => ID, { description: 'A PERSOONLIJKE_BETALINGSREGELING zaak that is still open.' })
  zaakId!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'An adjusted monthly amount instead of the computed afloscapaciteit (needs aanpassingReden); absent: the computed amount.',
  })
  termijnbedrag?: Decimal | null;

  @Field(() => String, { nullable: true })
  aanpassingReden?: string | null;

  @Field(() => [BijzondereLastBesluitInput], { defaultValue: [], description: 'Exactly one decision per bijzondere last of the request.' })
  bijzondereLasten!: BijzondereLastBesluitInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Vermogen that cannot reasonably be made liquid (e.g. overwaarde eigen woning), described: a lower amount then gives a VERLENGD regeling instead of a refusal.',
  })
  illiquideVermogen?: string | null;
}

@ObjectType('DecidePersoonlijkeBetalingsregelingPayload')
export class DecidePersoonlijkeBetalingsregelingPayload {
  @Field(() => ZaakNode, { nullable: true, description: 'The decided zaak (AFGEROND) with uitkomstSoort and uitkomst; null when refused.' })
  zaak!: ZaakNode | null;

  @Field(() => BetalingsregelingNode, { nullable: true, description: 'The new regeling (STANDAARD, PERSOONLIJK or VERLENGD); null for GEEN_CAPACITEIT or when refused.' })
  betalingsregeling!: BetalingsregelingNode | null;

  @Field(() => BetalingscapaciteitNode, { nullable: true, description: 'The final calculation, accepted bijzondere lasten deducted; null when refused.' })
  berekening!: BetalingscapaciteitNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
