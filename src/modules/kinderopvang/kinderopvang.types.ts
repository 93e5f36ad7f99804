import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../context';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Node } from '../../shared/node';
import type { KooBetalingAanKoo, KooConvenantBetaling, KooConvenanttegoed } from './convenant.entity';
import {
  ConvenanttegoedStatus,
  LeveringStatus,
  MutatievoorstelStatus,
  OvereenkomstStatus,
  OvereenkomstVoorwaarde,
  RecordFoutCode,
  SoortOpvang,
} from './kinderopvang.enums';
import { MAX_RECORDS_PER_CHUNK } from './kinderopvang.rules';
import { ouderReferentie } from './koo-access';
import type { KooLevering, KooLeveringChunk } from './levering.entity';
import type { KooMutatievoorstel } from './mutatie.entity';

@ObjectType('KooLocatie', { description: 'A location of the KOO in the Landelijk Register Kinderopvang.' })
export class KooLocatieType {
  @Field({ description: 'LRK number (9 digits).' })
  lrkNummer!: string;

  @Field()
  naam!: string;

  @Field()
  actief!: boolean;
}

@ObjectType('OvereenkomstVoorwaardeUitkomst', { description: 'One condition for a new agreement, with its outcome and why.' })
export class OvereenkomstVoorwaardeUitkomstType {
  @Field(() => OvereenkomstVoorwaarde)
  voorwaarde!: OvereenkomstVoorwaarde;

  @Field()
  voldaan!: boolean;

  @Field({ description: 'Plain-language explanation (Dutch).' })
  toelichting!: string;
}

@ObjectType('NieuweOvereenkomstBeoordeling', { description: 'Whether the KOO qualifies for a new agreement (domain.md §5), condition by condition.' })
export class NieuweOvereenkomstBeoordelingType {
  @Field({ description: 'True when every condition is met.' })
  geschikt!: boolean;

  @Field(() => [OvereenkomstVoorwaardeUitkomstType])
  voorwaarden!: OvereenkomstVoorwaardeUitkomstType[];
}

@ObjectType('KinderopvangOrganisatie', { description: 'The childcare organisation (KOO) of the caller: its locations, agreement and eligibility.' })
export class KinderopvangOrganisatieType {
  @Field()
  organisationId!: string;

  @Field()
  naam!: string;

  @Field(() => OvereenkomstStatus)
  overeenkomstStatus!: OvereenkomstStatus;

  @Field(() => [KooLocatieType])
  locaties!: KooLocatieType[];

  @Field(() => NieuweOvereenkomstBeoordelingType)
  nieuweOvereenkomst!: NieuweOvereenkomstBeoordelingType;
}

@ObjectType('KinderopvangRecord', { description: 'A record the KOO delivered itself (so its own BSNs are shown back to it).' })
export class KinderopvangRecordType {
  @Field(() => Int, { description: 'Position in the delivery (0-based; in a bulk delivery (volgnummer − 1) × chunk size + index in the chunk).' })
  index!: number;

  @Field()
  periode!: string;

  @Field()
  lrkNummer!: string;

  @Field(() => SoortOpvang)
  soortOpvang!: SoortOpvang;

  @Field(() => String, { nullable: true })
  kindBsn!: string | null;

  @Field()
  kindNaam!: string;

  @Field(() => DateScalar, { nullable: true })
  kindGeboortedatum!: string | null;

  @Field()
  ouderBsn!: string;

  @Field(() => String, { nullable: true })
  partnerBsn!: string | null;

  @Field({ description: 'Hours taken in the month (decimal string).' })
  uren!: string;

  @Field(() => MoneyScalar)
  uurprijs!: Decimal;

  @Field(() => MoneyScalar)
  factuurbedrag!: Decimal;

  @Field(() => DateScalar, { nullable: true })
  contracteinddatum!: string | null;

  @Field({ description: 'The average hourly price is above the maximum uurprijs (accepted, flagged).' })
  uurprijsBovenMaximum!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The parent reference used in your convenant payments and tegoeden (null when the parent BSN matched no household).',
  })
  ouderReferentie!: string | null;
}
export const KinderopvangRecordConnection = connectionType(KinderopvangRecordType, 'KinderopvangRecord');

@ObjectType('KinderopvangRecordFout', { description: 'Why one record of a delivery is invalid.' })
export class RecordFoutType {
  @Field(() => Int, { description: 'Position of the record in the delivery (0-based).' })
  index!: number;

  @Field(() => RecordFoutCode)
  code!: RecordFoutCode;

  @Field({ description: 'The record field it is about, e.g. "ouderBsn".' })
  veld!: string;

  @Field()
  melding!: string;

  static of(f: { index: number; code: RecordFoutCode; veld: string; melding: string }): RecordFoutType {
    return Object.assign(new RecordFoutType(), f);
  }
}
export const RecordFoutConnection = connectionType(RecordFoutType, 'KinderopvangRecordFout');

@ObjectType('KinderopvangLevering', {
  implements: Node,
  description: 'A monthly delivery of a KOO (one version; a redelivery for the same period supersedes it). Status and progress of a bulk delivery too.',
})
export class KinderopvangLeveringNode extends Node {
  dbId!: string;

  @Field()
  periode!: string;

  @Field()
  idempotencyKey!: string;

  @Field()
  bulk!: boolean;

  @Field(() => LeveringStatus)
  status!: LeveringStatus;

  @Field(() => Int, { description: 'Records received so far (the progress of a bulk delivery).' })
  aantalRecords!: number;

  @Field(() => Int, { description: 'Records with at least one error.' })
  aantalFouten!: number;

  @Field(() => Int)
  aantalBovenMaxUurprijs!: number;

  @Field(() => Int)
  aantalChunks!: number;

  @Field(() => Int, { description: 'Records matched to a household (set at commit).' })
  aantalGekoppeld!: number;

  @Field(() => Int, { nullable: true, description: 'Version within the period: 1, 2, ... in commit order; null until committed.' })
  versie!: number | null;

  @Field(() => ID, { nullable: true, description: 'The delivery that superseded this one.' })
  vervangenDoor!: string | null;

  @Field({ description: 'When the delivery was started (ISO 8601).' })
  ontvangenOp!: string;

  @Field(() => String, { nullable: true, description: 'When it was committed (ISO 8601).' })
  verwerktOp!: string | null;

  @Field(() => String, { nullable: true })
  melding!: string | null;

  static from(l: KooLevering): KinderopvangLeveringNode {
    return Object.assign(new KinderopvangLeveringNode(), {
      id: toGlobalId('KinderopvangLevering', l.id),
      dbId: l.id,
      periode: l.periode,
      idempotencyKey: l.idempotencyKey,
      bulk: l.bulk,
      status: l.status,
      aantalRecords: l.aantalRecords,
      aantalFouten: l.aantalFouten,
      aantalBovenMaxUurprijs: l.aantalBovenMaxUurprijs,
      aantalChunks: l.aantalChunks,
      aantalGekoppeld: l.aantalGekoppeld,
      versie: l.versie ?? null,
      vervangenDoor: l.vervangenDoor ? toGlobalId('KinderopvangLevering', l.vervangenDoor) : null,
      ontvangenOp: l.createdAt.toISOString(),
      verwerktOp: l.verwerktOp ? l.verwerktOp.toISOString() : null,
      melding: l.melding ?? null,
    });
  }
}
export const KinderopvangLeveringConnection = connectionType(KinderopvangLeveringNode, 'KinderopvangLevering');

@ObjectType('ConvenantBetaling', { description: 'A monthly kinderopvangtoeslag paid to the KOO for a parent.' })
export class ConvenantBetalingType {
  @Field()
  periode!: string;

  @Field(() => MoneyScalar)
  bedrag!: Decimal;

  @Field(() => DateScalar)
  betaaldOp!: string;

  @Field({ description: 'Identifies the parent to this KOO only (the same reference as on its own delivered records); never a BSN.' })
  ouderReferentie!: string;

  static from(b: KooConvenantBetaling, ouderReferentie: string): ConvenantBetalingType {
    return Object.assign(new ConvenantBetalingType(), { periode: b.periode, bedrag: b.bedrag, betaaldOp: b.betaaldOp, ouderReferentie });
  }
}
export const ConvenantBetalingConnection = connectionType(ConvenantBetalingType, 'ConvenantBetaling');

@ObjectType('Convenanttegoed', { implements: Node, description: 'Toeslag overpaid in the past that the KOO holds and must return to the parent.' })
export class ConvenanttegoedNode extends Node {
  @Field()
  periode!: string;

  @Field(() => MoneyScalar)
  bedrag!: Decimal;

  @Field(() => ConvenanttegoedStatus)
  status!: ConvenanttegoedStatus;

  @Field(() => DateScalar)
  ontstaanOp!: string;

  @Field(() => DateScalar, { nullable: true })
  afgehandeldOp!: string | null;

  @Field({ description: 'The KOO that holds (held) it.' })
  kooNaam!: string;

  @Field({ description: 'The parent, as the KOO knows them from its payments; never a BSN.' })
  ouderReferentie!: string;

  static from(t: KooConvenanttegoed, ouderReferentie: string): ConvenanttegoedNode {
    return Object.assign(new ConvenanttegoedNode(), {
      id: toGlobalId('Convenanttegoed', t.id),
      periode: t.periode,
      bedrag: t.bedrag,
      status: t.status,
      ontstaanOp: t.ontstaanOp,
      afgehandeldOp: t.afgehandeldOp ?? null,
      kooNaam: t.organisatie.naam,
      ouderReferentie,
    });
  }
}
/** A tegoed with the reference of its parent as its own KOO knows them. */
export function tegoedNode(ctx: Pick<RequestContext, 'pseudonymise'>, t: KooConvenanttegoed): ConvenanttegoedNode {
  return ConvenanttegoedNode.from(t, ouderReferentie(ctx, t.organisatie.organisationId, t.household.id));
}
export const ConvenanttegoedConnection = connectionType(ConvenanttegoedNode, 'Convenanttegoed');

@ObjectType('Mutatievoorstel', {
  implements: Node,
  description: 'A letter proposing to lower the kinderopvangtoeslag for one child after KOO data; the parent can block it until blokkerenTot.',
})
export class MutatievoorstelNode extends Node {
  @Field()
  periode!: string;

  @Field()
  kindNaam!: string;

  @Field(() => SoortOpvang)
  soortOpvang!: SoortOpvang;

  @Field({ description: 'Hours the KOO delivered for the month.' })
  gemeldeUren!: string;

  @Field(() => MoneyScalar)
  gemeldeUurprijs!: Decimal;

  @Field(() => MoneyScalar, { description: 'The child’s monthly share of the voorschot now.' })
  huidigBedrag!: Decimal;

  @Field(() => MoneyScalar, { description: 'The child’s monthly share after the change (never higher).' })
  voorgesteldBedrag!: Decimal;

  @Field(() => MoneyScalar)
  verlaging!: Decimal;

  @Field(() => DateScalar)
  dagtekening!: string;

  @Field(() => DateScalar, { description: 'Last day (inclusive) on which you can block it.' })
  blokkerenTot!: string;

  @Field(() => MutatievoorstelStatus)
  status!: MutatievoorstelStatus;

  @Field(() => DateScalar, { nullable: true })
  geblokkeerdOp!: string | null;

  @Field(() => DateScalar, { nullable: true })
  afgehandeldOp!: string | null;

  @Field()
  reden!: string;

  static from(v: KooMutatievoorstel): MutatievoorstelNode {
    return Object.assign(new MutatievoorstelNode(), {
      id: toGlobalId('Mutatievoorstel', v.id),
      periode: v.periode,
      kindNaam: v.kindNaam,
      soortOpvang: v.soortOpvang,
      gemeldeUren: v.gemeldeUren.toFixed(2),
      gemeldeUurprijs: v.gemeldeUurprijs,
      huidigBedrag: v.huidigBedrag,
      voorgesteldBedrag: v.voorgesteldBedrag,
      verlaging: v.huidigBedrag.minus(v.voorgesteldBedrag),
      dagtekening: v.dagtekening,
      blokkerenTot: v.blokkerenTot,
      status: v.status,
      geblokkeerdOp: v.geblokkeerdOp ?? null,
      afgehandeldOp: v.afgehandeldOp ?? null,
      reden: v.reden,
    });
  }
}

@ObjectType('BetalingAanKoo', { description: 'The parent’s choice to have the kinderopvangtoeslag paid to a KOO.' })
export class BetalingAanKooType {
  @Field()
  lrkNummer!: string;

  @Field()
  kooNaam!: string;

  @Field(() => DateScalar)
  vanaf!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ended on this date (null: current).' })
  tot!: string | null;

  static from(k: KooBetalingAanKoo): BetalingAanKooType {
    return Object.assign(new BetalingAanKooType(), { lrkNummer: k.lrkNummer, kooNaam: k.organisatie.naam, vanaf: k.vanaf, tot: k.tot ?? null });
  }
}

@ObjectType('KinderopvangChunk', { description: 'One received chunk of a bulk delivery.' })
export class KinderopvangChunkType {
  @Field(() => Int)
  volgnummer!: number;

  @Field(() => Int)
  aantalRecords!: number;

  @Field(() => Int)
  aantalFouten!: number;

  static from(c: KooLeveringChunk): KinderopvangChunkType {
    return Object.assign(new KinderopvangChunkType(), { volgnummer: c.volgnummer, aantalRecords: c.aantalRecords, aantalFouten: c.aantalFouten });
  }
}

// ------------------------------------------------------------------------------------- inputs

@InputType('KinderopvangRecordInput', { description: 'One child’s month from the KOO’s invoices (domain.md §5). BSNs are validated per record.' })
export class KinderopvangRecordInput {
  @Field({ description: 'The month, YYYY-MM (the delivery’s).' })
  periode!: string;

  @Field()
  lrkNummer!: string;

  @Field(() => SoortOpvang)
  soortOpvang!: SoortOpvang;

  @Field(() => String, { nullable: true, description: 'May be missing; supply it in a later month.' })
  kindBsn?: string | null;

  @Field()
  kindNaam!: string;

  @Field(() => DateScalar, { nullable: true })
  kindGeboortedatum?: string | null;

  @Field()
  ouderBsn!: string;

  @Field(() => String, { nullable: true })
  partnerBsn?: string | null;

  @Field({ description: 'Hours taken in the month, a decimal string such as "120.50".' })
  uren!: string;

  @Field(() => MoneyScalar, { description: 'Average hourly price.' })
  uurprijs!: Decimal;

  @Field(() => MoneyScalar)
  factuurbedrag!: Decimal;

  @Field(() => DateScalar, { nullable: true })
  contracteinddatum?: string | null;
}

@InputType('DeliverKinderopvangGegevensInput')
export class DeliverKinderopvangGegevensInput {
  @Field({ description: 'Your key for this delivery: the same key with the same content returns the same result; other content is refused.' })
  idempotencyKey!: string;

  @Field({ description: 'The month, YYYY-MM.' })
  periode!: string;

  @Field(() => [KinderopvangRecordInput], { description: `At most ${MAX_RECORDS_PER_CHUNK} records; larger deliveries use the bulk mutations.` })
  records!: KinderopvangRecordInput[];
}

@InputType('CreateBulkKinderopvangLeveringInput')
export class CreateBulkKinderopvangLeveringInput {
  @Field()
  idempotencyKey!: string;

  @Field({ description: 'The month, YYYY-MM.' })
  periode!: string;
}

@InputType('AppendBulkKinderopvangChunkInput')
export class AppendBulkKinderopvangChunkInput {
  @Field(() => ID)
  leveringId!: string;

  @Field(() => Int, { description: 'Chunk number 1..200; sending the same chunk again changes nothing.' })
  volgnummer!: number;

  @Field(() => [KinderopvangRecordInput], {
    nullable: true,
    description: `At most ${MAX_RECORDS_PER_CHUNK} records (the request body limit is 1 MB). Give either records or recordsNdjson.`,
  })
  records?: KinderopvangRecordInput[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      `The same records as newline-delimited JSON (NDJSON): one KinderopvangRecordInput per line, as a JSON object with the same field names and formats; at most ${MAX_RECORDS_PER_CHUNK} lines. ` +
      'The cheaper form for large deliveries: the API reads it without GraphQL input coercion. A line or field that cannot be read refuses the chunk (RECORDS_ONGELDIG, field names the 0-based line and the field); ' +
      'the domain rules give per-record errors as for records. The same records in either form are the same chunk (idempotency per volgnummer). Give either records or recordsNdjson.',
  })
  recordsNdjson?: string | null;
}

@InputType('CommitBulkKinderopvangLeveringInput')
export class CommitBulkKinderopvangLeveringInput {
  @Field(() => ID)
  leveringId!: string;
}

@InputType('ConvenanttegoedInput')
export class ConvenanttegoedInput {
  @Field(() => ID)
  convenanttegoedId!: string;
}

@InputType('BlockMutatievoorstelInput')
export class BlockMutatievoorstelInput {
  @Field(() => ID)
  mutatievoorstelId!: string;
}

@InputType('SetKinderopvangtoeslagBetalingAanKooInput')
export class SetKinderopvangtoeslagBetalingAanKooInput {
  @Field(() => ID)
  householdId!: string;

  @Field({ description: 'true: pay the toeslag to the KOO of lrkNummer; false: pay it to the parent again.' })
  aanKoo!: boolean;

  @Field(() => String, { nullable: true, description: 'LRK number from the invoice; required with aanKoo: true.' })
  lrkNummer?: string | null;
}

// ------------------------------------------------------------------------------------ payloads

@ObjectType('KinderopvangLeveringPayload')
export class KinderopvangLeveringPayload {
  @Field(() => KinderopvangLeveringNode, { nullable: true })
  levering!: KinderopvangLeveringNode | null;

  @Field(() => [RecordFoutType], { description: 'Every invalid record by index (deliverKinderopvangGegevens; nothing was stored).' })
  recordFouten!: RecordFoutType[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('AppendBulkKinderopvangChunkPayload')
export class AppendBulkKinderopvangChunkPayload {
  @Field(() => KinderopvangLeveringNode, { nullable: true })
  levering!: KinderopvangLeveringNode | null;

  @Field(() => KinderopvangChunkType, { nullable: true })
  chunk!: KinderopvangChunkType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('ConvenanttegoedPayload')
export class ConvenanttegoedPayload {
  @Field(() => ConvenanttegoedNode, { nullable: true })
  convenanttegoed!: ConvenanttegoedNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('MutatievoorstelPayload')
export class MutatievoorstelPayload {
  @Field(() => MutatievoorstelNode, { nullable: true })
  mutatievoorstel!: MutatievoorstelNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('BetalingAanKooPayload')
export class BetalingAanKooPayload {
  @Field(() => BetalingAanKooType, { nullable: true })
  betalingAanKoo!: BetalingAanKooType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
