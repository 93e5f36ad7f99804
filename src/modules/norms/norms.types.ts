import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import type { NormValue } from './norms';

@ObjectType('Norm', { description: 'One row of the versioned norms table: the value of a norm from a date (domain.md §3).' })
export class NormNode {
  @Field({ description: 'The norm code, e.g. BIJSTANDSNORM_ALLEENSTAANDE.' })
  code!: string;

  @Field(() => DateScalar, { description: 'The date from which this value applies.' })
  geldigVanaf!: string;

  @Field(() => MoneyScalar, { description: 'The value: an amount in euro, or a number in the unit `eenheid`.' })
  waarde!: Decimal;

  @Field({ description: 'EUR, DAGEN, WEKEN, MAANDEN, JAAR, PROCENT or AANTAL.' })
  eenheid!: string;

  @Field()
  omschrijving!: string;

  @Field({ description: 'The source of the value.' })
  bron!: string;

  @Field({ description: 'True when the value is an assumption to verify before production.' })
  aanname!: boolean;

  @Field({
    description:
      'True when no value has been published yet for the year of the date asked for, and this (newest) value is used in its place. ' +
      'Only norms published per calendar year (bijstandsnormen, normhuur, maximale huurgrens, normpremie, maximum uurprijs, doelmatigheidsgrens) ' +
      'can be provisional: on a date in a later year than their newest geldigVanaf. Other norms apply until changed and are never provisional.',
  })
  voorlopig!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the value is provisional, in Dutch, e.g. "Norm voor 2027 nog niet vastgesteld; de waarde die geldt vanaf 1 januari 2026 is gebruikt."; null when voorlopig is false.',
  })
  toelichting!: string | null;

  static from(n: NormValue): NormNode {
    return Object.assign(new NormNode(), {
      code: n.code,
      geldigVanaf: n.geldigVanaf,
      waarde: n.waarde,
      eenheid: n.eenheid,
      omschrijving: n.omschrijving,
      bron: n.bron,
      aanname: n.aanname,
      voorlopig: n.voorlopig,
      toelichting: n.toelichting,
    });
  }
}
