import type Decimal from 'decimal.js';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Huishoudtype } from '../betalingsregeling/betalingscapaciteit.rules';
import { Node } from '../../shared/node';
import type { BeslagvrijeVoetVaststelling } from './beslagvrije-voet.entity';
import type { BvvRegel, BvvResultaat } from './beslagvrije-voet.rules';
import type { Verrekening } from './verrekening.entity';
import { VerrekeningSoort, VerrekeningStatus } from './verrekening.enums';

@ObjectType('BeslagvrijeVoetRegel', { description: 'One line of the beslagvrije-voet calculation.' })
export class BeslagvrijeVoetRegelType {
  @Field()
  code!: string;
  @Field()
  omschrijving!: string;
  @Field(() => MoneyScalar)
  bedrag!: string;
  @Field()
  reden!: string;
}

@ObjectType('BeslagvrijeVoet', {
  description: 'Beslagvrije voet (Rv art. 475da–475dc): 95 % of the bijstandsnorm plus corrections, at most 95 % of income; valid 12 months. Line by line.',
})
export class BeslagvrijeVoetType {
  @Field(() => DateScalar)
  datum!: string;
  @Field(() => DateScalar)
  geldigTot!: string;
  @Field(() => Huishoudtype)
  huishoudtype!: Huishoudtype;
  @Field(() => MoneyScalar, { description: 'Net monthly income (including toeslag voorschotten) the calculation used.' })
  inkomen!: Decimal;
  @Field(() => MoneyScalar, { description: 'The beslagvrije voet: this much income per month is never touched.' })
  bedrag!: Decimal;
  @Field(() => MoneyScalar, { description: 'Room for all set-offs together per month: inkomen − beslagvrije voet.' })
  ruimte!: Decimal;
  @Field(() => [BeslagvrijeVoetRegelType])
  regels!: BeslagvrijeVoetRegelType[];

  static from(b: BvvResultaat | BeslagvrijeVoetVaststelling): BeslagvrijeVoetType {
    return Object.assign(new BeslagvrijeVoetType(), {
      datum: b.datum,
      geldigTot: b.geldigTot,
      huishoudtype: b.huishoudtype as Huishoudtype,
      inkomen: b.inkomen,
      bedrag: b.bedrag,
      ruimte: b.ruimte,
      regels: (b.regels as BvvRegel[]).map((r) => Object.assign(new BeslagvrijeVoetRegelType(), r)),
    });
  }
}

@ObjectType('Verrekening', { implements: Node, description: 'Set-off of a schuld against the monthly voorschot of a toeslag.' })
export class VerrekeningNode extends Node {
  dbId!: string;
  schuldDbId!: string;
  toeslagDbId!: string;
  @Field(() => VerrekeningSoort)
  soort!: VerrekeningSoort;
  @Field(() => VerrekeningStatus)
  status!: VerrekeningStatus;
  @Field(() => MoneyScalar, { description: 'The voorschot pays this much less each month.' })
  maandbedrag!: Decimal;
  @Field(() => DateScalar, { description: 'First month whose voorschot is lowered.' })
  ingangsdatum!: string;
  @Field(() => MoneyScalar, { description: 'Booked on the schuld so far.' })
  verrekendBedrag!: Decimal;
  @Field(() => DateScalar, { nullable: true })
  afgeslotenOp!: string | null;
  @Field(() => BeslagvrijeVoetType, { description: 'The beslagvrije voet the set-off respects.' })
  beslagvrijeVoet!: BeslagvrijeVoetType;

  static from(v: Verrekening): VerrekeningNode {
    return Object.assign(new VerrekeningNode(), {
      id: toGlobalId('Verrekening', v.id),
      dbId: v.id,
      schuldDbId: v.schuld.id,
      toeslagDbId: v.toeslag.id,
      soort: v.soort,
      status: v.status,
      maandbedrag: v.maandbedrag,
      ingangsdatum: v.ingangsdatum,
      verrekendBedrag: v.verrekendKosten.plus(v.verrekendHoofdsom),
      afgeslotenOp: v.afgeslotenOp ?? null,
      beslagvrijeVoet: BeslagvrijeVoetType.from(v.beslagvrijeVoet),
    });
  }
}

@InputType('BeslagvrijeVoetInput', { description: 'Income and costs per month. The data model holds no income, so the caller states it.' })
export class BeslagvrijeVoetInput {
  @Field(() => Huishoudtype)
  huishoudtype!: Huishoudtype;
  @Field(() => MoneyScalar, { description: 'Net monthly income of the household, including the toeslag voorschotten.' })
  inkomen!: Decimal;
  @Field(() => MoneyScalar, { nullable: true })
  huur?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true })
  huurtoeslag?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true })
  zorgpremie?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true })
  zorgtoeslag?: Decimal | null;
  @Field(() => DateScalar, { nullable: true, description: 'Norms of this date; default today.' })
  datum?: string | null;
}

@InputType('RequestVerrekeningInput')
export class RequestVerrekeningInput extends BeslagvrijeVoetInput {
  @Field(() => ID)
  schuldId!: string;
  @Field(() => ID, { description: 'A running toeslag (any type) of the same household.' })
  toeslagId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly amount asked for; absent: the most the beslagvrije voet allows.' })
  maandbedrag?: Decimal | null;
}

@ObjectType('RequestVerrekeningPayload')
export class RequestVerrekeningPayload {
  @Field(() => VerrekeningNode, { nullable: true })
  verrekening!: VerrekeningNode | null;
  @Field(() => BeslagvrijeVoetType, { nullable: true, description: 'The calculation used, also when refused.' })
  beslagvrijeVoet!: BeslagvrijeVoetType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('UndoVerrekeningInput')
export class UndoVerrekeningInput {
  @Field(() => ID)
  verrekeningId!: string;
  @Field({ description: 'Why (e.g. the citizen showed the set-off pushes them below the beslagvrije voet); 1–2000 characters.' })
  reden!: string;
}

@ObjectType('UndoVerrekeningPayload')
export class UndoVerrekeningPayload {
  @Field(() => VerrekeningNode, { nullable: true })
  verrekening!: VerrekeningNode | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
