import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { MoneyScalar } from '../../shared/scalars';
import { Node } from '../node/node.types';
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

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly voorschot currently paid, after the voorschotpercentage.' })
  voorschotMaandbedrag!: Decimal | null;

  @Field(() => Int, { description: 'Instelbaar voorschot: 0–100 % of the computed voorschot.' })
  voorschotPercentage!: number;

  static from(t: Toeslag): ToeslagNode {
    return Object.assign(new ToeslagNode(), {
      id: toGlobalId('Toeslag', t.id),
      dbId: t.id,
      soort: t.soort,
      berekeningsjaar: t.berekeningsjaar,
      status: t.status,
      voorschotMaandbedrag: t.voorschotMaandbedrag ?? null,
      voorschotPercentage: t.voorschotPercentage,
    });
  }
}

export const ToeslagConnection = connectionType(ToeslagNode, 'Toeslag');
