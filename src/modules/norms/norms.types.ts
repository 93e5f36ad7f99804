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

  static from(n: NormValue): NormNode {
    return Object.assign(new NormNode(), {
      code: n.code,
      geldigVanaf: n.geldigVanaf,
      waarde: n.waarde,
      eenheid: n.eenheid,
      omschrijving: n.omschrijving,
      bron: n.bron,
      aanname: n.aanname,
    });
  }
}
