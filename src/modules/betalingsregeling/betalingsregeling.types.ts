import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { Node } from '../node/node.types';
import type { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from './betalingsregeling.enums';

@ObjectType('Betalingsregeling', { implements: Node, description: 'A payment arrangement covering one or more schulden.' })
export class BetalingsregelingNode extends Node {
  dbId!: string;

  @Field(() => BetalingsregelingSoort)
  soort!: BetalingsregelingSoort;

  @Field(() => BetalingsregelingStatus)
  status!: BetalingsregelingStatus;

  @Field(() => MoneyScalar)
  totaalBedrag!: Decimal;

  @Field(() => MoneyScalar)
  termijnbedrag!: Decimal;

  @Field(() => Int)
  aantalTermijnen!: number;

  @Field(() => DateScalar)
  startdatum!: string;

  static from(r: Betalingsregeling): BetalingsregelingNode {
    return Object.assign(new BetalingsregelingNode(), {
      id: toGlobalId('Betalingsregeling', r.id),
      dbId: r.id,
      soort: r.soort,
      status: r.status,
      totaalBedrag: r.totaalBedrag,
      termijnbedrag: r.termijnbedrag,
      aantalTermijnen: r.aantalTermijnen,
      startdatum: r.startdatum,
    });
  }
}

export const BetalingsregelingConnection = connectionType(BetalingsregelingNode, 'Betalingsregeling');
