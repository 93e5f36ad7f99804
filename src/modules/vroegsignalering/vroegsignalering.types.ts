import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, GemeentecodeScalar, MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { Node } from '../../shared/node';
import type { Vroegsignaal, VroegsignaleringDeelname } from './vroegsignaal.entity';
import { VroegsignaalStatus, VroegsignaalUitkomst } from './vroegsignalering.enums';

/*
 * Deliberately closed types: nothing reachable from Vroegsignaal leads to a household, a person, a
 * toeslag, a schuld or any other personal data (test/unit/vroegsignaal-schema.test.ts walks the
 * graph). The contact fields are a copy made on the signaaldatum.
 */

@ObjectType('VroegsignaalNaam')
export class VroegsignaalNaam {
  @Field()
  voornamen!: string;

  @Field(() => String, { nullable: true })
  tussenvoegsel!: string | null;

  @Field()
  achternaam!: string;
}

@ObjectType('VroegsignaalAdres')
export class VroegsignaalAdres {
  @Field()
  straat!: string;

  @Field(() => Int)
  huisnummer!: number;

  @Field(() => String, { nullable: true })
  huisnummertoevoeging!: string | null;

  @Field()
  postcode!: string;

  @Field()
  woonplaats!: string;
}

@ObjectType('VroegsignaalContact', { description: 'The contact details sent with the signal: a copy as of the signaaldatum.' })
export class VroegsignaalContact {
  @Field(() => VroegsignaalNaam, { description: 'The aanvrager.' })
  aanvrager!: VroegsignaalNaam;

  @Field(() => String, { nullable: true, description: 'The toeslagpartner’s full name, when there is one.' })
  partnerNaam!: string | null;

  @Field(() => VroegsignaalAdres)
  adres!: VroegsignaalAdres;

  @Field(() => String, { nullable: true, description: 'Phone number, when known to Dienst Toeslagen.' })
  telefoonnummer!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address, when known to Dienst Toeslagen.' })
  email!: string | null;
}

@ObjectType('VroegsignaalOpvolging', { description: 'The gemeente’s record of its follow-up.' })
export class VroegsignaalOpvolging {
  @Field(() => VroegsignaalUitkomst)
  uitkomst!: VroegsignaalUitkomst;

  @Field(() => String, { nullable: true, description: 'The gemeente’s note; null when none was given or after erasure.' })
  notitie!: string | null;

  @Field({ description: 'When it was recorded: ISO 8601 date-time in UTC.' })
  vastgelegdOp!: string;
}

@ObjectType('Vroegsignaal', {
  implements: Node,
  description:
    'A vroegsignaal for a gemeente (domain.md §4): a toeslag terugvordering still unpaid after an aanmaning. Carries only the ' +
    'minimal fields; no path to the household, its toeslagen, schulden or income. After the retention period the personal ' +
    'fields are erased (gewist = true: contact, bedragAchterstand and the note are null).',
})
export class VroegsignaalNode extends Node {
  dbId!: string;

  @Field(() => GemeentecodeScalar)
  gemeentecode!: string;

  @Field(() => DateScalar, { description: 'The day the signal was made.' })
  signaaldatum!: string;

  @Field(() => DateScalar, { description: 'The oldest vervaldatum of the schulden in arrears.' })
  ontstaansdatum!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Open amount plus costs of the schulden unpaid after an aanmaning, on the signaaldatum; null once erased.' })
  bedragAchterstand!: string | null;

  @Field(() => VroegsignaalStatus)
  status!: VroegsignaalStatus;

  @Field({ description: 'A dwangbevel was issued, or the arrears reach the crisis threshold (norm VROEGSIGNAAL_CRISISDREMPEL): act at once.' })
  crisissignaal!: boolean;

  @Field({ description: 'Dienst Toeslagen already gives the household persoonlijke begeleiding: contact Dienst Toeslagen for a warm handover first.' })
  warmeOverdracht!: boolean;

  @Field(() => VroegsignaalContact, { nullable: true, description: 'Null once the personal fields are erased.' })
  contact!: VroegsignaalContact | null;

  @Field(() => String, { nullable: true, description: 'When the gemeente acknowledged receipt: ISO 8601 date-time in UTC.' })
  ontvangenOp!: string | null;

  @Field(() => VroegsignaalOpvolging, { nullable: true })
  opvolging!: VroegsignaalOpvolging | null;

  @Field({ description: 'True while the signal applies; false once Dienst Toeslagen ended it (no longer applicable, moved, expired).' })
  actueel!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'The day Dienst Toeslagen ended the signal; null while it applies. No reason is given.' })
  beeindigdOp!: string | null;

  @Field({ description: 'True once the personal fields are erased after the retention period.' })
  gewist!: boolean;

  static from(v: Vroegsignaal): VroegsignaalNode {
    const contact =
      v.gewistOp || !v.achternaam
        ? null
        : Object.assign(new VroegsignaalContact(), {
            aanvrager: Object.assign(new VroegsignaalNaam(), { voornamen: v.voornamen ?? '', tussenvoegsel: v.tussenvoegsel ?? null, achternaam: v.achternaam }),
            partnerNaam: v.partnerNaam ?? null,
            adres: Object.assign(new VroegsignaalAdres(), {
              straat: v.straat ?? '',
              huisnummer: v.huisnummer ?? 0,
              huisnummertoevoeging: v.huisnummertoevoeging ?? null,
              postcode: v.postcode ?? '',
              woonplaats: v.woonplaats ?? '',
            }),
            telefoonnummer: v.telefoonnummer ?? null,
            email: v.email ?? null,
          });
    return Object.assign(new VroegsignaalNode(), {
      id: toGlobalId('Vroegsignaal', v.id),
      dbId: v.id,
      gemeentecode: v.gemeentecode,
      signaaldatum: v.signaaldatum,
      ontstaansdatum: v.ontstaansdatum,
      bedragAchterstand: v.bedragAchterstand ? v.bedragAchterstand.toFixed(2) : null,
      status: v.status,
      crisissignaal: v.crisissignaal,
      warmeOverdracht: v.warmeOverdracht,
      contact,
      ontvangenOp: v.ontvangenOp ? v.ontvangenOp.toISOString() : null,
      opvolging: v.uitkomst
        ? Object.assign(new VroegsignaalOpvolging(), {
            uitkomst: v.uitkomst,
            notitie: v.notitie ?? null,
            vastgelegdOp: (v.opgevolgdOp ?? v.updatedAt).toISOString(),
          })
        : null,
      actueel: !v.beeindigdOp,
      beeindigdOp: v.beeindigdOp ?? null,
      gewist: !!v.gewistOp,
    });
  }
}

export const VroegsignaalConnection = connectionType(VroegsignaalNode, 'Vroegsignaal');

@ArgsType()
export class VroegsignalenArgs extends ConnectionArgs {
  @Field(() => [VroegsignaalStatus], { nullable: true, description: 'Only signals in these states (absent: all).' })
  status?: VroegsignaalStatus[] | null;
}

/**
 * What the citizen sees of a signal sent about them (Household.vroegsignalen): what was sent, to which
 * gemeente, when, and whether the gemeente acknowledged it. Not the gemeente's follow-up: that is
 * the gemeente's own record (the citizen asks the gemeente for it). No Node: only through the household.
 */
@ObjectType('VerstuurdVroegsignaal', { description: 'A vroegsignaal that was sent about this household: to which gemeente, when, with which data.' })
export class VerstuurdVroegsignaal {
  @Field(() => ID, { description: 'The signal’s global id (the gemeente knows it by the same id).' })
  id!: string;

  @Field(() => GemeentecodeScalar, { description: 'The gemeente it was sent to.' })
  gemeentecode!: string;

  @Field(() => String, { nullable: true, description: 'The gemeente’s name, from the participation register.' })
  gemeentenaam!: string | null;

  @Field(() => DateScalar)
  signaaldatum!: string;

  @Field(() => DateScalar)
  ontstaansdatum!: string;

  @Field(() => MoneyScalar, { nullable: true })
  bedragAchterstand!: string | null;

  @Field()
  crisissignaal!: boolean;

  @Field()
  warmeOverdracht!: boolean;

  @Field({ description: 'Which contact details were sent, in words, e.g. "naam, adres, telefoonnummer".' })
  verstuurdeGegevens!: string;

  @Field(() => String, { nullable: true, description: 'When the gemeente acknowledged receipt: ISO 8601 date-time in UTC.' })
  ontvangenOp!: string | null;

  @Field()
  actueel!: boolean;

  @Field(() => DateScalar, { nullable: true })
  beeindigdOp!: string | null;

  static from(v: Vroegsignaal, gemeentenaam: string | null): VerstuurdVroegsignaal {
    const gegevens = ['naam', ...(v.partnerNaam ? ['naam partner'] : []), 'adres', ...(v.telefoonnummer ? ['telefoonnummer'] : []), ...(v.email ? ['e-mailadres'] : []), 'bedrag achterstand', 'ontstaansdatum'];
    return Object.assign(new VerstuurdVroegsignaal(), {
      id: toGlobalId('Vroegsignaal', v.id),
      gemeentecode: v.gemeentecode,
      gemeentenaam,
      signaaldatum: v.signaaldatum,
      ontstaansdatum: v.ontstaansdatum,
      bedragAchterstand: v.bedragAchterstand ? v.bedragAchterstand.toFixed(2) : null,
      crisissignaal: v.crisissignaal,
      warmeOverdracht: v.warmeOverdracht,
      verstuurdeGegevens: gegevens.join(', '),
      ontvangenOp: v.ontvangenOp ? v.ontvangenOp.toISOString() : null,
      actueel: !v.beeindigdOp,
      beeindigdOp: v.beeindigdOp ?? null,
    });
  }
}

@ObjectType('VroegsignaleringDeelname', {
  implements: Node,
  description: 'A period in which a gemeente takes part in the vroegsignalering experiment: from vanaf (inclusive) until tot (exclusive).',
})
export class VroegsignaleringDeelnameNode extends Node {
  @Field(() => GemeentecodeScalar)
  gemeentecode!: string;

  @Field()
  naam!: string;

  @Field(() => DateScalar)
  vanaf!: string;

  @Field(() => DateScalar, { description: 'The first day the gemeente no longer takes part.' })
  tot!: string;

  @Field({ description: 'Whether the period includes today (Europe/Amsterdam).' })
  actief!: boolean;

  static from(d: VroegsignaleringDeelname, today: string): VroegsignaleringDeelnameNode {
    return Object.assign(new VroegsignaleringDeelnameNode(), {
      id: toGlobalId('VroegsignaleringDeelname', d.id),
      gemeentecode: d.gemeentecode,
      naam: d.naam,
      vanaf: d.vanaf,
      tot: d.tot,
      actief: d.vanaf <= today && today < d.tot,
    });
  }
}

@InputType('RegisterVroegsignaleringDeelnameInput')
export class RegisterVroegsignaleringDeelnameInput {
  @Field(() => GemeentecodeScalar)
  gemeentecode!: string;

  @Field({ description: 'The gemeente’s name, 1 to 100 characters.' })
  naam!: string;

  @Field(() => DateScalar)
  vanaf!: string;

  @Field(() => DateScalar, { description: 'The first day it no longer takes part (the experiment runs until 2027-06-01).' })
  tot!: string;
}

@InputType('ChangeVroegsignaleringDeelnameInput')
export class ChangeVroegsignaleringDeelnameInput {
  @Field(() => ID)
  deelnameId!: string;

  @Field(() => DateScalar, { description: 'The new end (exclusive): earlier to end the participation, later to extend it.' })
  tot!: string;
}

@ObjectType('VroegsignaleringDeelnamePayload')
export class VroegsignaleringDeelnamePayload {
  @Field(() => VroegsignaleringDeelnameNode, { nullable: true })
  deelname!: VroegsignaleringDeelnameNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('AcknowledgeVroegsignalenInput')
export class AcknowledgeVroegsignalenInput {
  @Field(() => [ID], { description: 'The signals received: 1 to 100 ids, each once.' })
  ids!: string[];
}

@ObjectType('AcknowledgeVroegsignalenPayload')
export class AcknowledgeVroegsignalenPayload {
  @Field(() => [VroegsignaalNode], { description: 'The signals, in the order of the ids; empty when refused.' })
  vroegsignalen!: VroegsignaalNode[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('RecordVroegsignaalOpvolgingInput')
export class RecordVroegsignaalOpvolgingInput {
  @Field(() => ID)
  id!: string;

  @Field(() => VroegsignaalUitkomst)
  outcome!: VroegsignaalUitkomst;

  @Field(() => String, { nullable: true, description: 'An optional note, at most 2000 characters, never a BSN.' })
  note?: string | null;
}

@ObjectType('RecordVroegsignaalOpvolgingPayload')
export class RecordVroegsignaalOpvolgingPayload {
  @Field(() => VroegsignaalNode, { nullable: true })
  vroegsignaal!: VroegsignaalNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType('VroegsignaleringPeriode', { description: 'Signals with a signaaldatum from van through tot (both inclusive); either may be absent.' })
export class VroegsignaleringPeriode {
  @Field(() => DateScalar, { nullable: true })
  van?: string | null;

  @Field(() => DateScalar, { nullable: true })
  tot?: string | null;
}

@ObjectType('VroegsignaleringStatistiek', { description: 'Anonymous counts per gemeente (kept after the personal fields are erased).' })
export class VroegsignaleringStatistiek {
  @Field(() => GemeentecodeScalar)
  gemeentecode!: string;

  @Field(() => Int, { description: 'Signals made.' })
  signalen!: number;

  @Field(() => Int, { description: 'Signals whose receipt the gemeente acknowledged.' })
  ontvangen!: number;

  @Field(() => Int, { description: 'Households reached (outcome BEREIKT, HULP_GEACCEPTEERD or HULP_AFGEWEZEN).' })
  bereikt!: number;

  @Field(() => Int, { description: 'Outcome HULP_GEACCEPTEERD.' })
  hulpGeaccepteerd!: number;

  @Field(() => Int, { description: 'Signals with crisissignaal.' })
  crisissignalen!: number;
}
