import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { Node } from '../node/node.types';
import type { Schuld } from './schuld.entity';
import { SchuldStatus } from './schuld.enums';

@ObjectType('Schuld', { implements: Node, description: 'A terugvordering of one toeslag and berekeningsjaar.' })
export class SchuldNode extends Node {
  dbId!: string;
  toeslagDbId!: string;
  beschikkingDbId!: string;

  @Field(() => DateScalar)
  dagtekening!: string;

  @Field(() => DateScalar, { description: 'Payment term: 6 weeks after the dagtekening.' })
  vervaldatum!: string;

  @Field(() => MoneyScalar)
  oorspronkelijkBedrag!: Decimal;

  @Field(() => MoneyScalar)
  openstaandBedrag!: Decimal;

  @Field({ description: 'Fraud established or suspected.' })
  fraude!: boolean;

  @Field(() => SchuldStatus)
  status!: SchuldStatus;

  @Field({ description: 'Collection paused (UHT).' })
  gepauzeerd!: boolean;

  static from(s: Schuld): SchuldNode {
    return Object.assign(new SchuldNode(), {
      id: toGlobalId('Schuld', s.id),
      dbId: s.id,
      toeslagDbId: s.toeslag.id,
      beschikkingDbId: s.beschikking.id,
      dagtekening: s.dagtekening,
      vervaldatum: s.vervaldatum,
      oorspronkelijkBedrag: s.oorspronkelijkBedrag,
      openstaandBedrag: s.openstaandBedrag,
      fraude: s.fraude,
      status: s.status,
      gepauzeerd: s.gepauzeerd,
    });
  }
}

export const SchuldConnection = connectionType(SchuldNode, 'Schuld');
