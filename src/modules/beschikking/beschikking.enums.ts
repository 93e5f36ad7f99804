import { registerEnumType } from 'type-graphql';

/** The kinds of beschikking (formal decision) on a toeslag (domain.md §2). */
export enum BeschikkingSoort {
  /** Voorschotbeschikking: the expected yearly amount and the monthly voorschot. */
  VOORLOPIG = 'VOORLOPIG',
  /** A change to a running voorschot, e.g. a new voorschotpercentage (instelbaar voorschot). */
  WIJZIGING = 'WIJZIGING',
  /** Definitieve berekening after the year, when income is known. */
  DEFINITIEF = 'DEFINITIEF',
  /** Terugvorderingsbeschikking: the voorschotten exceeded the definitive amount. Origin of a schuld. */
  TERUGVORDERING = 'TERUGVORDERING',
}
registerEnumType(BeschikkingSoort, { name: 'BeschikkingSoort', description: 'Voorlopig, wijziging, definitief or terugvordering.' });
