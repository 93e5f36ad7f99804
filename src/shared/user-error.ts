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
  /** A reason (reden) must be given: not empty, at most 2000 characters. */
  REDEN_ONGELDIG = 'REDEN_ONGELDIG',
  /** An open zaak of the same kind already exists for the household. */
  ZAAK_BESTAAT_AL = 'ZAAK_BESTAAT_AL',
  /** The chosen contactvoorkeur does not fit who submits (VIA_INTERMEDIAIR needs an intermediary). */
  CONTACTVOORKEUR_ONGELDIG = 'CONTACTVOORKEUR_ONGELDIG',
  /** A machtiging must be valid from today through a date at most 5 years ahead. */
  GELDIGHEID_ONGELDIG = 'GELDIGHEID_ONGELDIG',
  /** The organisation already has a pending or active machtiging for this household. */
  MACHTIGING_BESTAAT_AL = 'MACHTIGING_BESTAAT_AL',
  /** No pending machtiging of your household has this activation code (or it expired). */
  ACTIVERINGSCODE_ONGELDIG = 'ACTIVERINGSCODE_ONGELDIG',
  /** The machtiging is already revoked or expired. */
  MACHTIGING_NIET_ACTIEF = 'MACHTIGING_NIET_ACTIEF',
  /** The organisation id is not a valid KvK/OIN identifier. */
  ORGANISATIE_ONGELDIG = 'ORGANISATIE_ONGELDIG',
  /** A client reference is at most 100 characters and never a BSN. */
  CLIENTREFERENTIE_ONGELDIG = 'CLIENTREFERENTIE_ONGELDIG',
  /** The schuld is already paid (VOLDAAN, KWIJTGESCHOLDEN or nothing left to pay). */
  SCHULD_AL_BETAALD = 'SCHULD_AL_BETAALD',
  /** The schuld is already covered by an ACTIEF betalingsregeling. */
  SCHULD_AL_IN_REGELING = 'SCHULD_AL_IN_REGELING',
  /** Collection of the schuld is paused (e.g. UHT). */
  SCHULD_GEPAUZEERD = 'SCHULD_GEPAUZEERD',
  /** The schuld is buiten invordering: it is not collected. */
  SCHULD_BUITEN_INVORDERING = 'SCHULD_BUITEN_INVORDERING',
  /** The list of schulden is empty or names a schuld more than once. */
  SCHULDEN_ONGELDIG = 'SCHULDEN_ONGELDIG',
  /** This idempotency key was already used for a delivery with other content. */
  IDEMPOTENCY_KEY_HERGEBRUIKT = 'IDEMPOTENCY_KEY_HERGEBRUIKT',
  /** The period is a month (YYYY-MM) that has started. */
  PERIODE_ONGELDIG = 'PERIODE_ONGELDIG',
  /** At least one record is invalid (see the per-record errors): the whole delivery is refused and nothing is stored. */
  LEVERING_AFGEWEZEN = 'LEVERING_AFGEWEZEN',
  /** A delivery needs at least one record. */
  LEVERING_LEEG = 'LEVERING_LEEG',
  /** Too many records in one request or delivery (see the limits in the field description). */
  TE_VEEL_RECORDS = 'TE_VEEL_RECORDS',
  /** The bulk delivery is already committed or refused: no chunks can be added. */
  LEVERING_AFGESLOTEN = 'LEVERING_AFGESLOTEN',
  /** This chunk number was already received with other content. */
  CHUNK_HERGEBRUIKT = 'CHUNK_HERGEBRUIKT',
  /** Committing the delivery failed; nothing was stored and the delivery can be committed again. */
  VERWERKING_MISLUKT = 'VERWERKING_MISLUKT',
  /** The mutatievoorstel is already blocked, carried out or lapsed. */
  MUTATIEVOORSTEL_NIET_OPEN = 'MUTATIEVOORSTEL_NIET_OPEN',
  /** The 3-week window to block the mutatievoorstel has passed. */
  BLOKKEERTERMIJN_VERSTREKEN = 'BLOKKEERTERMIJN_VERSTREKEN',
  /** The childcare organisation of this LRK number has no convenant or agreement (or it is suspended): the toeslag cannot be paid to it. */
  KOO_ZONDER_OVEREENKOMST = 'KOO_ZONDER_OVEREENKOMST',
  /** The household has no running kinderopvangtoeslag. */
  GEEN_KINDEROPVANGTOESLAG = 'GEEN_KINDEROPVANGTOESLAG',
  /** The convenanttegoed is no longer open (already paid out or handed over). */
  CONVENANTTEGOED_NIET_OPEN = 'CONVENANTTEGOED_NIET_OPEN',
  /** Only a convenanttegoed handed over to the agency (OVERGEDRAGEN) can be paid to the parent by the agency. */
  CONVENANTTEGOED_NIET_OVERGEDRAGEN = 'CONVENANTTEGOED_NIET_OVERGEDRAGEN',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused. Expected outcomes, not failures: nothing was changed.',
  valuesConfig: {
    TOESLAG_NIET_LOPEND: { description: 'Only a running toeslag (VOORLOPIG_TOEGEKEND) with months left in its year can change.' },
    PERCENTAGE_ONGELDIG: { description: 'The voorschotpercentage must be a whole number from 0 to 100.' },
    ONGEWIJZIGD: { description: 'Nothing would change.' },
    GELIJKTIJDIG_GEWIJZIGD: { description: 'The object was changed at the same time by someone else; nothing was saved, try again.' },
    REDEN_ONGELDIG: { description: 'The reason must not be empty and at most 2000 characters long.' },
    ZAAK_BESTAAT_AL: { description: 'An open zaak (NIEUW or IN_BEHANDELING) of this kind already exists for the household.' },
    CONTACTVOORKEUR_ONGELDIG: { description: 'VIA_INTERMEDIAIR can only be chosen by an intermediary submitting for a client.' },
    GELDIGHEID_ONGELDIG: { description: 'A machtiging is valid from today through a date at most 5 years ahead.' },
    MACHTIGING_BESTAAT_AL: { description: 'This organisation already has a pending or active machtiging for the household.' },
    ACTIVERINGSCODE_ONGELDIG: { description: 'No pending machtiging of your household has this activation code, or it has expired.' },
    MACHTIGING_NIET_ACTIEF: { description: 'The machtiging is already revoked or expired.' },
    ORGANISATIE_ONGELDIG: { description: 'The organisation id is not a valid identifier (KvK/OIN).' },
    CLIENTREFERENTIE_ONGELDIG: { description: 'A client reference is at most 100 characters and must not contain a BSN.' },
    SCHULD_AL_BETAALD: { description: 'The schuld is already paid or remitted; there is nothing to arrange.' },
    SCHULD_AL_IN_REGELING: { description: 'The schuld is already covered by an active betalingsregeling.' },
    SCHULD_GEPAUZEERD: { description: 'Collection of the schuld is paused (e.g. UHT); no arrangement is needed now.' },
    SCHULD_BUITEN_INVORDERING: { description: 'The schuld is buiten invordering and is not collected.' },
    SCHULDEN_ONGELDIG: { description: 'Give at least one schuld, each at most once.' },
    IDEMPOTENCY_KEY_HERGEBRUIKT: { description: 'This idempotency key was already used for a delivery with other content.' },
    PERIODE_ONGELDIG: { description: 'The period is a month (YYYY-MM) that has started.' },
    LEVERING_AFGEWEZEN: { description: 'At least one record is invalid (see the per-record errors): the whole delivery is refused and nothing is stored.' },
    LEVERING_LEEG: { description: 'A delivery needs at least one record.' },
    TE_VEEL_RECORDS: { description: 'Too many records in one request or delivery (see the limits in the field description).' },
    LEVERING_AFGESLOTEN: { description: 'The bulk delivery is already committed or refused: no chunks can be added.' },
    CHUNK_HERGEBRUIKT: { description: 'This chunk number was already received with other content.' },
    VERWERKING_MISLUKT: { description: 'Committing the delivery failed; nothing was stored and the delivery can be committed again.' },
    MUTATIEVOORSTEL_NIET_OPEN: { description: 'The mutatievoorstel is already blocked, carried out or lapsed.' },
    BLOKKEERTERMIJN_VERSTREKEN: { description: 'The 3-week window to block the mutatievoorstel has passed.' },
    KOO_ZONDER_OVEREENKOMST: { description: 'The childcare organisation of this LRK number has no convenant or agreement (or it is suspended): the toeslag cannot be paid to it.' },
    GEEN_KINDEROPVANGTOESLAG: { description: 'The household has no running kinderopvangtoeslag.' },
    CONVENANTTEGOED_NIET_OPEN: { description: 'The convenanttegoed is no longer open (already paid out or handed over).' },
    CONVENANTTEGOED_NIET_OVERGEDRAGEN: { description: 'Only a convenanttegoed handed over to the agency (OVERGEDRAGEN) can be paid to the parent by the agency.' },
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
