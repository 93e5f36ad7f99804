import { betalingskenmerk } from '../betaling/betaling.rules';
import type Decimal from 'decimal.js';
import type { EntityRow } from '../../data/row-mapper';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { Node } from '../../shared/node';
import { ToeslagSoort } from '../toeslag/toeslag.enums';
import type { SchuldEvent } from './schuld-event.entity';
import type { Schuld } from './schuld.entity';
import { SchuldEventSoort, SchuldStatus } from './schuld.enums';
import { totaalOpenstaand } from './schulden-overzicht.rules';

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

  @Field(() => MoneyScalar, { description: 'Principal still to pay (without costs).' })
  openstaandBedrag!: Decimal;

  @Field(() => MoneyScalar, { description: 'Collection costs charged (aanmaning, dwangbevel) and not yet paid.' })
  kosten!: Decimal;

  @Field(() => MoneyScalar, { description: 'Everything still to pay: openstaandBedrag + kosten.' })
  totaalOpenstaand!: Decimal;

  @Field({ description: 'Fraud established or suspected.' })
  fraude!: boolean;

  @Field(() => SchuldStatus)
  status!: SchuldStatus;

  @Field(() => DateScalar, { description: 'Date of the last status change.' })
  statusSinds!: string;

  @Field({ description: 'Collection paused (UHT).' })
  gepauzeerd!: boolean;

  @Field({ description: '16-digit betalingskenmerk to state with a payment of this schuld (a check digit and a sequence number; never a BSN).' })
  betalingskenmerk!: string;

  static from(s: EntityRow<Schuld>): SchuldNode {
    return Object.assign(new SchuldNode(), {
      id: toGlobalId('Schuld', s.id),
      dbId: s.id,
      toeslagDbId: s.toeslag.id,
      beschikkingDbId: s.beschikking.id,
      dagtekening: s.dagtekening,
      vervaldatum: s.vervaldatum,
      oorspronkelijkBedrag: s.oorspronkelijkBedrag,
      openstaandBedrag: s.openstaandBedrag,
      kosten: s.kosten,
      totaalOpenstaand: totaalOpenstaand(s),
      fraude: s.fraude,
      status: s.status,
      statusSinds: s.statusSinds,
      gepauzeerd: s.gepauzeerd,
      betalingskenmerk: betalingskenmerk(s.kenmerkNummer),
    });
  }
}

export const SchuldConnection = connectionType(SchuldNode, 'Schuld');

@ObjectType('SchuldEvent', { description: 'One entry in a schuld’s history: a state change, cost or payment.' })
export class SchuldEventType {
  @Field(() => DateScalar, { description: 'The date the event takes effect.' })
  datum!: string;

  @Field(() => SchuldEventSoort)
  soort!: SchuldEventSoort;

  @Field(() => SchuldStatus, { nullable: true })
  vanStatus!: SchuldStatus | null;

  @Field(() => SchuldStatus, { nullable: true })
  naarStatus!: SchuldStatus | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Costs charged or amount paid, when the event is about money.' })
  bedrag!: Decimal | null;

  @Field()
  reden!: string;

  @Field({ description: 'Who caused it: INVORDERING (the daily run), BURGER, MEDEWERKER or SYSTEEM.' })
  bron!: string;

  static from(e: SchuldEvent): SchuldEventType {
    return Object.assign(new SchuldEventType(), {
      datum: e.datum,
      soort: e.soort,
      vanStatus: e.vanStatus ?? null,
      naarStatus: e.naarStatus ?? null,
      bedrag: e.bedrag ?? null,
      reden: e.reden,
      bron: e.bron,
    });
  }
}

@InputType('SchuldFilter', { description: 'All given conditions must hold. An empty list matches nothing; an absent one does not filter.' })
export class SchuldFilter {
  @Field(() => [SchuldStatus], { nullable: true })
  status?: SchuldStatus[] | null;

  @Field(() => [ToeslagSoort], { nullable: true, description: 'The soort of the toeslag the schuld was recovered from.' })
  toeslagSoort?: ToeslagSoort[] | null;

  @Field(() => Int, { nullable: true, description: 'The berekeningsjaar of the toeslag the schuld was recovered from.' })
  berekeningsjaar?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only schulden still to be paid (status not VOLDAAN, KWIJTGESCHOLDEN or BUITEN_INVORDERING, and totaalOpenstaand > 0). false or absent: no condition.',
  })
  alleenOpenstaand?: boolean | null;
}
