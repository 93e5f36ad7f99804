import Decimal from 'decimal.js';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import {
  CapaciteitUitkomst,
  Huishoudtype,
  InkomenSoort,
  RegelGroep,
  type CapaciteitInput,
  type CapaciteitRegel,
  type CapaciteitResultaat,
  type InkomenPost,
  type VoorlopigeNorm,
} from './betalingscapaciteit.rules';

registerEnumType(Huishoudtype, {
  name: 'Huishoudtype',
  description: 'Household type for the bijstandsnorm (Participatiewet).',
  valuesConfig: {
    ALLEENSTAANDE: { description: 'Alleenstaande (ouder), below AOW age.' },
    GEHUWDEN: { description: 'Gehuwden / samenwonenden, below AOW age.' },
    AOW_ALLEENSTAANDE: { description: 'Alleenstaande at AOW age.' },
    AOW_GEHUWDEN: { description: 'Gehuwden / samenwonenden at AOW age.' },
  },
});
registerEnumType(InkomenSoort, {
  name: 'InkomenSoort',
  description: 'Kind of monthly income. Kinderbijslag, kinderopvangtoeslag, kindgebonden budget, huurtoeslag and zorgtoeslag never count in the NBI.',
});
registerEnumType(CapaciteitUitkomst, {
  name: 'CapaciteitUitkomst',
  valuesConfig: {
    STANDAARD: { description: 'The afloscapaciteit covers the standaard termijnbedrag (Leidraad art. 79.7): the standaard betalingsregeling is offered.' },
    PERSOONLIJK: { description: 'A lower termijnbedrag (the afloscapaciteit) for at most 24 months, reviewed after 12 months.' },
    GEEN_CAPACITEIT: { description: 'No afloscapaciteit: no collection measures.' },
  },
});
registerEnumType(RegelGroep, {
  name: 'CapaciteitRegelGroep',
  valuesConfig: {
    INKOMEN: { description: 'Income; counted lines sum to the nettoBesteedbaarInkomen.' },
    AFTREK: { description: 'A deduction from the NBI (negative), after its caps.' },
    KOSTEN_VAN_BESTAAN: { description: 'Kosten van bestaan (negative).' },
    BIJZONDERE_LAST: {
      description: 'A bijzondere last (negative); not counted until a medewerker accepts it (maatwerk), then counted in bijzondereLastenTotaal.',
    },
  },
});

@InputType('InkomenPostInput')
export class InkomenPostInput {
  @Field(() => InkomenSoort)
  soort!: InkomenSoort;

  @Field(() => MoneyScalar, { description: 'Net amount per month, 0 or more.' })
  bedrag!: Decimal;

  @Field({ defaultValue: false, description: 'True when the monthly amount already includes vakantiegeld; otherwise 7 % is added for wages and benefits.' })
  vakantiegeldInbegrepen!: boolean;
}

@InputType('LastenInput', { description: 'Monthly costs; every amount 0 or more, absent = 0.' })
export class LastenInput {
  @Field(() => MoneyScalar, { nullable: true }) huur?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) huurtoeslag?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) hypotheekrente?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) zorgpremie?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) zorgtoeslagOntvangen?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) alimentatieBetaald?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) aflossingBelastingschulden?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true }) aflossingAndereToeslagregelingen?: Decimal | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Maximaal kindgebonden budget minus what is received (not checked against a norm).' })
  kostenKinderen?: Decimal | null;
}

@InputType('BijzondereLastInput', {
  description:
    'A necessary cost outside the formula (e.g. energy on a heat network, a car for night shifts); not counted unless a medewerker accepts it, routes the request to a medewerker.',
})
export class BijzondereLastInput {
  @Field()
  omschrijving!: string;

  @Field(() => MoneyScalar, { description: 'Per month.' })
  bedrag!: Decimal;

  @Field({ defaultValue: '' })
  toelichting!: string;
}

@InputType('BetalingscapaciteitInput')
export class BetalingscapaciteitInput {
  @Field(() => DateScalar, { nullable: true, description: 'The date whose norms apply; default today (Europe/Amsterdam).' })
  datum?: string | null;

  @Field(() => Huishoudtype)
  huishoudtype!: Huishoudtype;

  @Field(() => [InkomenPostInput], { defaultValue: [] })
  inkomsten!: InkomenPostInput[];

  @Field(() => [InkomenPostInput], { defaultValue: [], description: 'Income of the partner (when they were partner in the debt period).' })
  partnerInkomsten!: InkomenPostInput[];

  @Field(() => LastenInput, { nullable: true })
  lasten?: LastenInput | null;

  @Field(() => [BijzondereLastInput], { defaultValue: [] })
  bijzondereLasten!: BijzondereLastInput[];

  @Field(() => MoneyScalar, { description: 'The debt to arrange, more than 0.' })
  openstaandBedrag!: Decimal;
}

@ObjectType('CapaciteitRegel', { description: 'One line of the calculation.' })
export class CapaciteitRegelNode {
  @Field({ description: 'Stable code, e.g. INKOMEN_1_NETTO_LOON, WOONLASTEN, KOSTEN_VAN_BESTAAN, BIJZONDERE_LAST_1.' })
  code!: string;

  @Field(() => RegelGroep)
  groep!: RegelGroep;

  @Field()
  omschrijving!: string;

  @Field(() => MoneyScalar, { description: 'Signed: income positive, deductions and kosten van bestaan negative.' })
  bedrag!: Decimal;

  @Field({ description: 'True when the line is part of the sums; false lines are shown with the reason.' })
  meegeteld!: boolean;

  @Field()
  reden!: string;

  static from(r: CapaciteitRegel): CapaciteitRegelNode {
    return Object.assign(new CapaciteitRegelNode(), r);
  }
}

@ObjectType('VoorlopigeNorm', {
  description:
    'A norm the calculation used provisionally: no value has been published yet for the year of the date, so its newest value was used ' +
    '(see Norm.voorlopig for which norms can be provisional).',
})
export class VoorlopigeNormNode {
  @Field({ description: 'The norm code, as in the norms query, e.g. NORMHUUR.' })
  code!: string;

  @Field(() => DateScalar, { description: 'The start date of the value that was used.' })
  geldigVanaf!: string;

  @Field({ description: 'Why the value is provisional, in Dutch, e.g. "Norm voor 2027 nog niet vastgesteld; de waarde die geldt vanaf 1 januari 2026 is gebruikt."' })
  toelichting!: string;

  static from(v: VoorlopigeNorm): VoorlopigeNormNode {
    return Object.assign(new VoorlopigeNormNode(), { code: v.code, geldigVanaf: v.geldigVanaf, toelichting: v.toelichting });
  }
}

@ObjectType('Betalingscapaciteit', {
  description:
    'The whole calculation. Identities: nettoBesteedbaarInkomen = Σ bedrag of counted INKOMEN lines; ' +
    'betalingscapaciteit = Σ bedrag of all counted lines = nettoBesteedbaarInkomen − aftrekTotaal − bijzondereLastenTotaal − kostenVanBestaan.',
})
export class BetalingscapaciteitNode {
  @Field(() => DateScalar, { description: 'The date whose norms were used.' })
  datum!: string;

  @Field(() => [CapaciteitRegelNode])
  regels!: CapaciteitRegelNode[];

  @Field(() => MoneyScalar)
  nettoBesteedbaarInkomen!: Decimal;

  @Field(() => MoneyScalar, { description: 'Sum of the counted deductions, as a positive amount.' })
  aftrekTotaal!: Decimal;

  @Field(() => MoneyScalar, {
    description: 'Sum of the bijzondere lasten a medewerker accepted, as a positive amount; 0 before a decision (they are never counted silently).',
  })
  bijzondereLastenTotaal!: Decimal;

  @Field(() => MoneyScalar, { description: 'The kosten van bestaan, as a positive amount.' })
  kostenVanBestaan!: Decimal;

  @Field(() => MoneyScalar, { description: 'May be negative.' })
  betalingscapaciteit!: Decimal;

  @Field(() => MoneyScalar, { description: '80 % of a positive betalingscapaciteit, rounded down to the cent; 0 otherwise.' })
  afloscapaciteit!: Decimal;

  @Field(() => MoneyScalar, { description: 'The first termijn of a standaard betalingsregeling for openstaandBedrag.' })
  standaardTermijnbedrag!: Decimal;

  @Field(() => MoneyScalar, { description: 'min(afloscapaciteit, standaardTermijnbedrag); 0 without capacity.' })
  termijnbedrag!: Decimal;

  @Field(() => Int)
  aantalTermijnen!: number;

  @Field(() => Int, { nullable: true, description: 'PERSOONLIJK: months after which the arrangement is reviewed.' })
  herbeoordelingNaMaanden!: number | null;

  @Field(() => CapaciteitUitkomst)
  uitkomst!: CapaciteitUitkomst;

  @Field({ description: 'True when bijzondere lasten were given: a medewerker must assess them (maatwerk).' })
  maatwerkNodig!: boolean;

  @Field({
    description:
      'True when at least one norm of the calculation is provisional: the norms for the year of datum have not been published yet, ' +
      'so the newest values were used (listed in voorlopigeNormen). The outcome can change once that year’s norms are known.',
  })
  normenVoorlopig!: boolean;

  @Field(() => [VoorlopigeNormNode], { description: 'The norms used provisionally, sorted by code; empty when normenVoorlopig is false.' })
  voorlopigeNormen!: VoorlopigeNormNode[];

  static from(r: CapaciteitResultaat): BetalingscapaciteitNode {
    return Object.assign(new BetalingscapaciteitNode(), {
      ...r,
      regels: r.regels.map(CapaciteitRegelNode.from),
      voorlopigeNormen: r.voorlopigeNormen.map(VoorlopigeNormNode.from),
    });
  }
}

const ZERO = new Decimal(0);
const post = (p: InkomenPostInput): InkomenPost => ({ soort: p.soort, bedrag: p.bedrag, vakantiegeldInbegrepen: p.vakantiegeldInbegrepen ?? false });

/** The calculation input (without date and amount) from the GraphQL input: absent costs are 0. Shared by the query and the request. */
export function financienFromInput(input: {
  huishoudtype: Huishoudtype;
  inkomsten?: InkomenPostInput[] | null;
  partnerInkomsten?: InkomenPostInput[] | null;
  lasten?: LastenInput | null;
  bijzondereLasten?: BijzondereLastInput[] | null;
}): Omit<CapaciteitInput, 'datum' | 'openstaandBedrag'> {
  const l = input.lasten ?? {};
  return {
    huishoudtype: input.huishoudtype,
    inkomsten: (input.inkomsten ?? []).map(post),
    partnerInkomsten: (input.partnerInkomsten ?? []).map(post),
    lasten: {
      huur: l.huur ?? ZERO,
      huurtoeslag: l.huurtoeslag ?? ZERO,
      hypotheekrente: l.hypotheekrente ?? ZERO,
      zorgpremie: l.zorgpremie ?? ZERO,
      zorgtoeslagOntvangen: l.zorgtoeslagOntvangen ?? ZERO,
      alimentatieBetaald: l.alimentatieBetaald ?? ZERO,
      aflossingBelastingschulden: l.aflossingBelastingschulden ?? ZERO,
      aflossingAndereToeslagregelingen: l.aflossingAndereToeslagregelingen ?? ZERO,
      kostenKinderen: l.kostenKinderen ?? ZERO,
    },
    bijzondereLasten: (input.bijzondereLasten ?? []).map((b) => ({ omschrijving: b.omschrijving, bedrag: b.bedrag, toelichting: b.toelichting ?? '' })),
  };
}
