import Decimal from 'decimal.js';
import type { EntityRow } from '../../data/row-mapper';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { BeschikkingNode } from '../beschikking/beschikking.types';
import { Node } from '../../shared/node';
import type { Toeslag } from './toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from './toeslag.enums';

@ObjectType('Toeslag', { implements: Node, description: 'One toeslag of the household for one berekeningsjaar.' })
export class ToeslagNode extends Node {
  dbId!: string;

  @Field(() => ToeslagSoort)
  soort!: ToeslagSoort;

  @Field(() => Int)
  berekeningsjaar!: number;

  @Field(() => ToeslagStatus)
  status!: ToeslagStatus;

  @Field(() => MoneyScalar, { nullable: true, description: 'The calculated monthly voorschot at 100 %, before the voorschotpercentage.' })
  berekendVoorschotMaandbedrag!: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly voorschot currently paid, after the voorschotpercentage.' })
  voorschotMaandbedrag!: Decimal | null;

  @Field(() => Int, { description: 'Instelbaar voorschot: 0–100 % of the computed voorschot.' })
  voorschotPercentage!: number;

  @Field(() => MoneyScalar, { description: 'Part of the monthly voorschot withheld by running verrekeningen.' })
  verrekendMaandbedrag!: Decimal;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly voorschot paid out: voorschotMaandbedrag − verrekendMaandbedrag (never below 0).' })
  uitTeBetalenVoorschot!: Decimal | null;

  static from(t: EntityRow<Toeslag>): ToeslagNode {
    return Object.assign(new ToeslagNode(), {
      id: toGlobalId('Toeslag', t.id),
      dbId: t.id,
      soort: t.soort,
      berekeningsjaar: t.berekeningsjaar,
      status: t.status,
      berekendVoorschotMaandbedrag: t.berekendVoorschotMaandbedrag ?? null,
      voorschotMaandbedrag: t.voorschotMaandbedrag ?? null,
      voorschotPercentage: t.voorschotPercentage,
      verrekendMaandbedrag: t.verrekendMaandbedrag,
      uitTeBetalenVoorschot: t.voorschotMaandbedrag == null ? null : Decimal.max(0, t.voorschotMaandbedrag.minus(t.verrekendMaandbedrag)),
    });
  }
}

export const ToeslagConnection = connectionType(ToeslagNode, 'Toeslag');

@InputType('ToeslagFilter', { description: 'All given conditions must hold. An empty list matches nothing; an absent one does not filter.' })
export class ToeslagFilter {
  @Field(() => [ToeslagSoort], { nullable: true })
  soort?: ToeslagSoort[] | null;

  @Field(() => Int, { nullable: true })
  berekeningsjaar?: number | null;

  @Field(() => [ToeslagStatus], { nullable: true })
  status?: ToeslagStatus[] | null;
}

@InputType('SetVoorschotpercentageInput')
export class SetVoorschotpercentageInput {
  @Field(() => ID, { description: 'The running toeslag (status VOORLOPIG_TOEGEKEND).' })
  toeslagId!: string;

  @Field(() => Int, { description: 'Whole percent of the calculated voorschot to receive, 0 to 100.' })
  percentage!: number;
}

@ObjectType('SetVoorschotpercentagePayload')
export class SetVoorschotpercentagePayload {
  @Field(() => ToeslagNode, { nullable: true, description: 'The toeslag after the change (unchanged when there are userErrors).' })
  toeslag!: ToeslagNode | null;

  @Field(() => BeschikkingNode, { nullable: true, description: 'The new WIJZIGING beschikking; null when refused.' })
  beschikking!: BeschikkingNode | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty when it was made.' })
  userErrors!: UserError[];
}
