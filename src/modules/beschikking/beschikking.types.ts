import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import { Node } from '../../shared/node';
import type { Beschikking } from './beschikking.entity';
import { BeschikkingSoort } from './beschikking.enums';

@ObjectType('Beschikking', {
  implements: Node,
  description: 'A formal decision on a toeslag (voorlopig, wijziging, definitief, terugvordering), with its number and dagtekening.',
})
export class BeschikkingNode extends Node {
  dbId!: string;
  toeslagDbId!: string;

  @Field(() => BeschikkingSoort)
  soort!: BeschikkingSoort;

  @Field({ description: 'The number printed on the letter, e.g. "TV-2024-0193-000412".' })
  nummer!: string;

  @Field(() => DateScalar, { description: 'The date of the decision.' })
  dagtekening!: string;

  @Field(() => DateScalar, { nullable: true, description: 'From when a voorschot (change) applies (VOORLOPIG, WIJZIGING).' })
  ingangsdatum!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The yearly toeslag according to this decision.' })
  jaarbedrag!: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly voorschot paid after this decision, after the percentage.' })
  voorschotMaandbedrag!: Decimal | null;

  @Field(() => Int, { nullable: true, description: 'Instelbaar voorschot chosen at this decision (0–100 %).' })
  voorschotPercentage!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Voorschotten paid over the year (DEFINITIEF, TERUGVORDERING).' })
  betaaldeVoorschotten!: Decimal | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount to pay back (TERUGVORDERING).' })
  terugTeBetalen!: Decimal | null;

  @Field(() => String, { nullable: true, description: 'Plain-language reason, as in the letter.' })
  reden!: string | null;

  static from(b: Beschikking): BeschikkingNode {
    return Object.assign(new BeschikkingNode(), {
      id: toGlobalId('Beschikking', b.id),
      dbId: b.id,
      toeslagDbId: b.toeslag.id,
      soort: b.soort,
      nummer: b.nummer,
      dagtekening: b.dagtekening,
      ingangsdatum: b.ingangsdatum ?? null,
      jaarbedrag: b.jaarbedrag ?? null,
      voorschotMaandbedrag: b.voorschotMaandbedrag ?? null,
      voorschotPercentage: b.voorschotPercentage ?? null,
      betaaldeVoorschotten: b.betaaldeVoorschotten ?? null,
      terugTeBetalen: b.terugTeBetalen ?? null,
      reden: b.reden ?? null,
    });
  }
}
