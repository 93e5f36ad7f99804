import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Codes of expected business outcomes that a mutation refuses (the first of two tiers of errors,
 * see the architecture conventions): returned in the payload's `userErrors`, never thrown. A refused
 * mutation changes nothing. Failures (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, ...) stay GraphQL errors.
 */
export enum UserErrorCode {
  /** The toeslag is not running (only VOORLOPIG_TOEGEKEND pays a voorschot), or its year has no months left. */
  TOESLAG_NIET_LOPEND = 'TOESLAG_NIET_LOPEND',
  /** A voorschotpercentage must be a whole number from 0 to 100. */
  PERCENTAGE_ONGELDIG = 'PERCENTAGE_ONGELDIG',
  /** The request would not change anything (e.g. the percentage is already set). */
  ONGEWIJZIGD = 'ONGEWIJZIGD',
  /** Someone else changed the same object at the same moment; nothing was saved, try again. */
  GELIJKTIJDIG_GEWIJZIGD = 'GELIJKTIJDIG_GEWIJZIGD',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused. Expected outcomes, not failures: nothing was changed.',
  valuesConfig: {
    TOESLAG_NIET_LOPEND: { description: 'Only a running toeslag (VOORLOPIG_TOEGEKEND) with months left in its year can change.' },
    PERCENTAGE_ONGELDIG: { description: 'The voorschotpercentage must be a whole number from 0 to 100.' },
    ONGEWIJZIGD: { description: 'Nothing would change.' },
    GELIJKTIJDIG_GEWIJZIGD: { description: 'The object was changed at the same time by someone else; nothing was saved, try again.' },
  },
});

@ObjectType('UserError', { description: 'A business reason why a mutation did not happen; the mutation changed nothing.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field the error is about, e.g. ["input", "percentage"]; null when it is not about one field.',
  })
  field!: string[] | null;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field({ description: 'Plain-language explanation (Dutch), for people; assert on `code`, not on this text.' })
  message!: string;

  static of(code: UserErrorCode, message: string, field: string[] | null = null): UserError {
    return Object.assign(new UserError(), { code, message, field });
  }
}
