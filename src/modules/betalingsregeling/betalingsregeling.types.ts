import { betalingskenmerk } from '../betaling/betaling.rules';
import type Decimal from 'decimal.js';
import type { EntityRow } from '../../data/row-mapper';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Node } from '../../shared/node';
import type { Betalingsregeling } from './betalingsregeling.entity';
import type { Termijn } from './termijn.entity';
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

  // --- Payments and missed termijnen (field resolvers in betaling.resolver.ts) ---
  @Field({ description: '16-digit betalingskenmerk to state with a payment for this arrangement (never a BSN).' })
  betalingskenmerk!: string;

  @Field(() => Int, { description: 'Termijnen missed so far: the first shifted the schedule a month, later ones brought a reminder.' })
  aantalGemisteTermijnen!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the pending reminder after a second miss; null when none is pending.' })
  herinnerdOp!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the arrangement became VOLDAAN or BEEINDIGD.' })
  afgeslotenOp!: string | null;

  betaalpauzeVanaf!: string | null;
  betaalpauzeTot!: string | null;
  betaalpauzeReden!: string | null;
  // Persoonlijke / verlengde betalingsregeling.
  @Field(() => DateScalar, { nullable: true, description: 'PERSOONLIJK: the date the arrangement is reviewed (12 months after the start); null otherwise.' })
  herzieningsdatum!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'PERSOONLIJK: what the termijnen leave of the schulden; remitted (kwijtgescholden) once every termijn is paid. 0 when they cover the debt; null for other soorten.',
  })
  restantNaLooptijd!: Decimal | null;

  static from(r: EntityRow<Betalingsregeling>): BetalingsregelingNode {
    return Object.assign(new BetalingsregelingNode(), {
      id: toGlobalId('Betalingsregeling', r.id),
      dbId: r.id,
      soort: r.soort,
      status: r.status,
      totaalBedrag: r.totaalBedrag,
      termijnbedrag: r.termijnbedrag,
      aantalTermijnen: r.aantalTermijnen,
      startdatum: r.startdatum,
      betalingskenmerk: betalingskenmerk(r.kenmerkNummer),
      aantalGemisteTermijnen: r.aantalGemist,
      herinnerdOp: r.herinnerdOp ?? null,
      afgeslotenOp: r.afgeslotenOp ?? null,
      betaalpauzeVanaf: r.betaalpauzeVanaf ?? null,
      betaalpauzeTot: r.betaalpauzeTot ?? null,
      betaalpauzeReden: r.betaalpauzeReden ?? null,
      herzieningsdatum: r.herzieningsdatum ?? null,
      restantNaLooptijd: r.restantNaLooptijd ?? null,
    });
  }
}

export const BetalingsregelingConnection = connectionType(BetalingsregelingNode, 'Betalingsregeling');

@ObjectType('Termijn', { description: 'One instalment of a betalingsregeling; the termijnen sum exactly to its totaalBedrag.' })
export class TermijnType {
  @Field(() => Int)
  volgnummer!: number;

  @Field(() => DateScalar)
  vervaldatum!: string;

  @Field(() => MoneyScalar)
  bedrag!: Decimal;

  @Field(() => MoneyScalar)
  betaaldBedrag!: Decimal;

  @Field(() => DateScalar, { nullable: true, description: 'When the termijn was paid in full; null while (partly) unpaid.' })
  betaaldOp!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the daily run counted this termijn as missed; null when never missed.' })
  gemistOp!: string | null;

  static from(t: Termijn): TermijnType {
    return Object.assign(new TermijnType(), {
      volgnummer: t.volgnummer,
      vervaldatum: t.vervaldatum,
      bedrag: t.bedrag,
      betaaldBedrag: t.betaaldBedrag,
      betaaldOp: t.betaaldOp ?? null,
      gemistOp: t.gemistOp ?? null,
    });
  }
}

@InputType('BetalingsregelingFilter', { description: 'An empty list matches nothing; an absent one does not filter.' })
export class BetalingsregelingFilter {
  @Field(() => [BetalingsregelingStatus], { nullable: true })
  status?: BetalingsregelingStatus[] | null;
}

@InputType('RequestStandaardBetalingsregelingInput')
export class RequestStandaardBetalingsregelingInput {
  @Field(() => ID, { description: 'The household whose schulden the arrangement covers.' })
  householdId!: string;

  @Field(() => [ID], { description: 'The schulden of that household to pay in one standaard betalingsregeling; at least one, each once.' })
  schuldIds!: string[];
}

@ObjectType('RequestStandaardBetalingsregelingPayload')
export class RequestStandaardBetalingsregelingPayload {
  @Field(() => BetalingsregelingNode, { nullable: true, description: 'The new ACTIEF STANDAARD arrangement; null when refused.' })
  betalingsregeling!: BetalingsregelingNode | null;

  @Field(() => [UserError], { description: 'Why the arrangement was refused; empty when it was made.' })
  userErrors!: UserError[];
}
