import type Decimal from 'decimal.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../shared/scalars';
import type { EntityRow } from '../../data/row-mapper';
import type { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import { ToeslagSoort } from '../toeslag/toeslag.enums';
import type { Schuld } from './schuld.entity';
import { SchuldNode } from './schuld.types';
import type { OverzichtRegeling, OverzichtSchuld, SchuldenOverzichtResult } from './schulden-overzicht.rules';

/** The rules' result over inputs that carry their entities, so the API can return the objects. */
export type SchuldenOverzichtOfEntities = SchuldenOverzichtResult<
  OverzichtSchuld & { entity: EntityRow<Schuld> },
  OverzichtRegeling & { entity: EntityRow<Betalingsregeling> }
>;

@ObjectType('SchuldenPerToeslagsoort')
export class SchuldenPerToeslagsoortType {
  @Field(() => ToeslagSoort)
  soort!: ToeslagSoort;

  @Field(() => Int)
  aantalSchulden!: number;

  @Field(() => MoneyScalar)
  totaalOpenstaand!: Decimal;
}

@ObjectType('VolgendeBetaling', { description: 'The earliest next termijn to pay over all active betalingsregelingen.' })
export class VolgendeBetalingType {
  @Field(() => DateScalar, { description: 'Vervaldatum of the termijn.' })
  datum!: string;

  @Field(() => MoneyScalar, { description: 'What is still to pay of that termijn.' })
  bedrag!: Decimal;

  @Field(() => BetalingsregelingNode)
  betalingsregeling!: BetalingsregelingNode;
}

@ObjectType('SchuldUitleg', { description: 'One schuld still to be paid, with a plain-language explanation of where it comes from.' })
export class SchuldUitlegType {
  @Field(() => SchuldNode)
  schuld!: SchuldNode;

  @Field(() => MoneyScalar, { description: 'Still to pay: openstaandBedrag + kosten.' })
  openstaand!: Decimal;

  @Field({ description: 'Covered by an ACTIEF betalingsregeling.' })
  gedekt!: boolean;

  @Field({ description: 'Where the schuld comes from and where it stands, in plain Dutch.' })
  uitleg!: string;
}

@ObjectType('SchuldenOverzicht', {
  description:
    'The one total overview of the schulden still to be paid (status not VOLDAAN, KWIJTGESCHOLDEN or BUITEN_INVORDERING, ' +
    'and totaalOpenstaand > 0). Every total is the exact sum of its parts: ' +
    'totaalOpenstaand = gedektDoorRegeling + nietGedekt = Σ perToeslagsoort = Σ schulden.openstaand.',
})
export class SchuldenOverzichtType {
  @Field(() => MoneyScalar, { description: 'Everything still to pay, costs included.' })
  totaalOpenstaand!: Decimal;

  @Field(() => Int)
  aantalSchulden!: number;

  @Field(() => DateScalar, { nullable: true, description: 'The earliest vervaldatum of the schulden counted.' })
  oudsteVervaldatum!: string | null;

  @Field(() => [SchuldenPerToeslagsoortType], { description: 'Per toeslag soort that has schulden, in the order of the ToeslagSoort enum.' })
  perToeslagsoort!: SchuldenPerToeslagsoortType[];

  @Field(() => MoneyScalar, { description: 'Part of the total covered by an ACTIEF betalingsregeling.' })
  gedektDoorRegeling!: Decimal;

  @Field(() => MoneyScalar, { description: 'Part of the total not covered by a betalingsregeling.' })
  nietGedekt!: Decimal;

  @Field(() => MoneyScalar, { description: 'Part of the total whose collection is paused (e.g. UHT).' })
  waarvanGepauzeerd!: Decimal;

  @Field(() => MoneyScalar, { description: 'Arrears: what is unpaid of termijnen of active betalingsregelingen whose vervaldatum has passed.' })
  achterstand!: Decimal;

  @Field(() => VolgendeBetalingType, { nullable: true, description: 'The first termijn, over all active betalingsregelingen, not paid in full that falls due today or later; null when there is none. Overdue termijnen count in `achterstand`.' })
  volgendeBetaling!: VolgendeBetalingType | null;

  @Field(() => [SchuldUitlegType], { description: 'The schulden counted, earliest vervaldatum first.' })
  schulden!: SchuldUitlegType[];

  static from(o: SchuldenOverzichtOfEntities): SchuldenOverzichtType {
    const overzicht = Object.assign(new SchuldenOverzichtType(), {
      totaalOpenstaand: o.totaalOpenstaand,
      aantalSchulden: o.aantalSchulden,
      oudsteVervaldatum: o.oudsteVervaldatum,
      perToeslagsoort: o.perToeslagsoort.map((p) => Object.assign(new SchuldenPerToeslagsoortType(), p)),
      gedektDoorRegeling: o.gedektDoorRegeling,
      nietGedekt: o.nietGedekt,
      waarvanGepauzeerd: o.waarvanGepauzeerd,
      achterstand: o.achterstand,
      volgendeBetaling: o.volgendeBetaling
        ? Object.assign(new VolgendeBetalingType(), {
            datum: o.volgendeBetaling.datum,
            bedrag: o.volgendeBetaling.bedrag,
            betalingsregeling: BetalingsregelingNode.from(o.volgendeBetaling.regeling.entity),
          })
        : null,
    });
    // Built when the field is read (GraphQL reads the property only when it is selected): a page of
    // overviews that asks for the totals builds no SchuldNode and formats no uitleg.
    let schulden: SchuldUitlegType[] | undefined;
    Object.defineProperty(overzicht, 'schulden', {
      enumerable: true,
      get: () =>
        (schulden ??= o.schulden.map((s) =>
          Object.assign(new SchuldUitlegType(), { schuld: SchuldNode.from(s.schuld.entity), openstaand: s.openstaand, gedekt: s.gedekt, uitleg: s.uitleg }),
        )),
    });
    return overzicht;
  }
}
