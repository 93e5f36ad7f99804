import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import type { Betaling } from './betaling.entity';

@ObjectType('BetalingToerekeningSchuld', { description: 'What one payment paid on one schuld: costs first, then principal (Invorderingswet 1990 art. 7).' })
export class BetalingToerekeningSchuld {
  @Field(() => ID)
  schuldId!: string;
  @Field(() => MoneyScalar)
  kosten!: Decimal | string;
  @Field(() => MoneyScalar)
  hoofdsom!: Decimal | string;
}

@ObjectType('BetalingToerekeningTermijn', { description: 'What one payment paid on one termijn (oldest first).' })
export class BetalingToerekeningTermijn {
  @Field(() => Int)
  volgnummer!: number;
  @Field(() => MoneyScalar)
  bedrag!: Decimal | string;
}

@ObjectType('Betaling', { description: 'A received payment and how it was allocated. toegerekend + overschot = bedrag.' })
export class BetalingType {
  @Field({ description: 'The bank transaction reference; a payment is stored once per reference.' })
  bankReferentie!: string;
  @Field(() => DateScalar)
  datum!: string;
  @Field(() => MoneyScalar)
  bedrag!: Decimal;
  @Field(() => MoneyScalar, { description: 'Allocated to costs and principal.' })
  toegerekend!: Decimal;
  @Field(() => MoneyScalar, { description: 'More than was still to pay: recorded as a credit (tegoed) to refund.' })
  overschot!: Decimal;
  @Field({ description: 'MEDEWERKER (registerBetaling) or SYSTEEM (bank-statement import).' })
  bron!: string;
  @Field(() => [BetalingToerekeningSchuld])
  schulden!: BetalingToerekeningSchuld[];
  @Field(() => [BetalingToerekeningTermijn])
  termijnen!: BetalingToerekeningTermijn[];

  static from(b: Betaling): BetalingType {
    return Object.assign(new BetalingType(), {
      bankReferentie: b.bankReferentie,
      datum: b.datum,
      bedrag: b.bedrag,
      toegerekend: b.toegerekend,
      overschot: b.overschot,
      bron: b.bron,
      schulden: b.toerekening.schulden.map((s) => Object.assign(new BetalingToerekeningSchuld(), { schuldId: toGlobalId('Schuld', s.schuldId), kosten: s.kosten, hoofdsom: s.hoofdsom })),
      termijnen: b.toerekening.termijnen.map((t) => Object.assign(new BetalingToerekeningTermijn(), t)),
    });
  }
}

@ObjectType('Betaalpauze', { description: 'A betaalpauze granted by a medewerker: no missed termijn counts from vanaf through tot; the termijnen were shifted after it.' })
export class BetaalpauzeType {
  @Field(() => DateScalar)
  vanaf!: string;
  @Field(() => DateScalar)
  tot!: string;
  @Field()
  reden!: string;
}

@ObjectType('VolgendeTermijn', { description: 'The next payment due: the first termijn not paid in full, and what is left of it.' })
export class VolgendeTermijnType {
  @Field(() => Int)
  volgnummer!: number;
  @Field(() => DateScalar)
  vervaldatum!: string;
  @Field(() => MoneyScalar)
  bedrag!: Decimal;
}

@InputType('RegisterBetalingInput')
export class RegisterBetalingInput {
  @Field(() => ID, { nullable: true, description: 'The schuld paid (give this or betalingsregelingId).' })
  schuldId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The betalingsregeling paid (give this or schuldId).' })
  betalingsregelingId?: string | null;
  @Field(() => MoneyScalar)
  bedrag!: Decimal;
  @Field(() => DateScalar, { description: 'The date the money was received; not in the future.' })
  datum!: string;
  @Field({ description: 'The bank transaction reference (1–64 characters, no BSN): registering it again stores nothing new.' })
  bankReferentie!: string;
}

@ObjectType('RegisterBetalingPayload')
export class RegisterBetalingPayload {
  @Field(() => BetalingType, { nullable: true, description: 'The payment (the earlier one when alGeregistreerd); null when refused.' })
  betaling!: BetalingType | null;
  @Field({ description: 'True when this bank reference was already registered for the same payment: nothing was written.' })
  alGeregistreerd!: boolean;
  @Field(() => BetalingsregelingNode, { nullable: true, description: 'The arrangement the payment counted towards, after booking.' })
  betalingsregeling!: BetalingsregelingNode | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('GrantBetaalpauzeInput')
export class GrantBetaalpauzeInput {
  @Field(() => ID)
  betalingsregelingId!: string;
  @Field(() => DateScalar, { description: 'Last day of the pause: after today, at most BETAALPAUZE_MAX_MAANDEN months ahead.' })
  tot!: string;
  @Field({ description: 'Why the pause is granted (1–2000 characters).' })
  reden!: string;
}

@ObjectType('GrantBetaalpauzePayload')
export class GrantBetaalpauzePayload {
  @Field(() => BetalingsregelingNode, { nullable: true })
  betalingsregeling!: BetalingsregelingNode | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
