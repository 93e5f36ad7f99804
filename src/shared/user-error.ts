import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Codes of expected business outcomes that a mutation refuses (the first of two tiers of errors,
 * see the architecture conventions): returned in the payload's `userErrors`, never thrown. A refused
 * mutation changes nothing. Failures (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, ...) stay GraphQL errors.
 */
export enum UserErrorCode {
  /** The toeslag is not running (only VOORLOPIG_TOEGEKEND pays a voorschot), or its year has no months left. */
  TOESLAG_NIET_LOPEND = 'TOESLAG_NIET_LOPEND',
  /**
   * A set-off would start in a month whose voorschot this toeslag will never pay: its berekeningsjaar
   * ends before then (from December on, use next year's toeslag).
   */
  VOORSCHOT_JAAR_VOORBIJ = 'VOORSCHOT_JAAR_VOORBIJ',
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
  /** The period is not valid: a participation period must end after it starts; a delivery period is a month (YYYY-MM) that has started. */
  PERIODE_ONGELDIG = 'PERIODE_ONGELDIG',
  /** The gemeente already takes part in (part of) this period. */
  DEELNAME_OVERLAPT = 'DEELNAME_OVERLAPT',
  /** The list of vroegsignalen is empty, too long, or names a signal more than once. */
  VROEGSIGNALEN_ONGELDIG = 'VROEGSIGNALEN_ONGELDIG',
  /** A follow-up note is at most 2000 characters and never contains a BSN. */
  NOTITIE_ONGELDIG = 'NOTITIE_ONGELDIG',
  /** The signal's personal fields were erased (retention): no follow-up can be recorded any more. */
  VROEGSIGNAAL_GEWIST = 'VROEGSIGNAAL_GEWIST',
  // Payments, betaalpauze and verrekening.
  /** A payment needs a positive amount in cents, a date not in the future and a bank reference without a BSN. */
  BETALING_ONGELDIG = 'BETALING_ONGELDIG',
  /** The bank reference was already used for a different payment. */
  BANKREFERENTIE_IN_GEBRUIK = 'BANKREFERENTIE_IN_GEBRUIK',
  /** The betalingsregeling is no longer ACTIEF. */
  REGELING_NIET_ACTIEF = 'REGELING_NIET_ACTIEF',
  /** A betaalpauze must end after today and within the maximum pause length. */
  BETAALPAUZE_ONGELDIG = 'BETAALPAUZE_ONGELDIG',
  /** The set-off would leave the household less than its beslagvrije voet. */
  ONDER_BESLAGVRIJE_VOET = 'ONDER_BESLAGVRIJE_VOET',
  /** The schuld cannot be set off now (in an arrangement, already set off). */
  VERREKENING_NIET_MOGELIJK = 'VERREKENING_NIET_MOGELIJK',
  /** The verrekening is not ACTIEF (already completed or undone). */
  VERREKENING_NIET_ACTIEF = 'VERREKENING_NIET_ACTIEF',
  /** The zaak is already decided (AFGEROND or AFGEWEZEN). */
  ZAAK_AFGEHANDELD = 'ZAAK_AFGEHANDELD',
  /** The zaak is of another soort than this decision is for. */
  ZAAK_SOORT_ONGELDIG = 'ZAAK_SOORT_ONGELDIG',
  /** Every bijzondere last needs exactly one decision (accepted or rejected) with a reason. */
  BESLISSING_ONVOLLEDIG = 'BESLISSING_ONVOLLEDIG',
  /** An amount in a decision is out of range (e.g. a matiging must lower the open amount). */
  BEDRAG_ONGELDIG = 'BEDRAG_ONGELDIG',
  /** This idempotency key was already used for a delivery with other content. */
  IDEMPOTENCY_KEY_HERGEBRUIKT = 'IDEMPOTENCY_KEY_HERGEBRUIKT',
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
  /** The records of a chunk cannot be read: give exactly one of records and recordsNdjson; each NDJSON line one record with the fields and formats of KinderopvangRecordInput. */
  RECORDS_ONGELDIG = 'RECORDS_ONGELDIG',
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
  /** The date (or period) lies before the first version of a norm the request needs; the message names the first date that works. */
  NORM_ONBEKEND = 'NORM_ONBEKEND',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused. Expected outcomes, not failures: nothing was changed.',
  valuesConfig: {
    TOESLAG_NIET_LOPEND: { description: 'Only a running toeslag (VOORLOPIG_TOEGEKEND) with months left in its year can change.' },
    VOORSCHOT_JAAR_VOORBIJ: {
      description: "No voorschot of this toeslag's berekeningsjaar will be paid from the first month the set-off would start in; use the toeslag of that month's year.",
    },
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
    PERIODE_ONGELDIG: {
      description: 'The period is not valid: a participation period’s end date (tot, exclusive) must be after its start date (vanaf); a delivery period is a month (YYYY-MM) that has started.',
    },
    DEELNAME_OVERLAPT: { description: 'The gemeente already takes part in (part of) this period; periods of one gemeente never overlap.' },
    VROEGSIGNALEN_ONGELDIG: { description: 'Name 1 to 100 vroegsignalen, each once.' },
    NOTITIE_ONGELDIG: { description: 'A follow-up note is at most 2000 characters and never contains a BSN.' },
    VROEGSIGNAAL_GEWIST: { description: 'The signal’s personal fields were erased after the retention period; its follow-up can no longer be recorded.' },
    BETALING_ONGELDIG: { description: 'A payment needs an amount above 0 in cents, a date not in the future and a bank reference (1–64 characters, no BSN).' },
    BANKREFERENTIE_IN_GEBRUIK: { description: 'This bank reference was already used for a different payment (another target, amount or date).' },
    REGELING_NIET_ACTIEF: { description: 'The betalingsregeling is no longer ACTIEF (VOLDAAN or BEEINDIGD).' },
    BETAALPAUZE_ONGELDIG: { description: 'A betaalpauze must end after today and at most BETAALPAUZE_MAX_MAANDEN months ahead.' },
    ONDER_BESLAGVRIJE_VOET: { description: 'The set-off would leave the household less than its beslagvrije voet; nothing was set off.' },
    VERREKENING_NIET_MOGELIJK: { description: 'The schuld cannot be set off now: it is in an active arrangement, already set off, or the toeslag pays no voorschot.' },
    VERREKENING_NIET_ACTIEF: { description: 'The verrekening is already completed or undone.' },
    ZAAK_AFGEHANDELD: { description: 'The zaak has already been decided; a decision cannot be taken twice.' },
    ZAAK_SOORT_ONGELDIG: { description: 'This decision is for another soort of zaak.' },
    BESLISSING_ONVOLLEDIG: { description: 'Every bijzondere last needs exactly one decision (accepted or rejected) with a reason, and no decision may name an unknown last.' },
    BEDRAG_ONGELDIG: { description: 'The amount is out of range: in cents, not negative, and for a matiging below the current open amount.' },
    IDEMPOTENCY_KEY_HERGEBRUIKT: { description: 'This idempotency key was already used for a delivery with other content.' },
    LEVERING_AFGEWEZEN: { description: 'At least one record is invalid (see the per-record errors): the whole delivery is refused and nothing is stored.' },
    LEVERING_LEEG: { description: 'A delivery needs at least one record.' },
    TE_VEEL_RECORDS: { description: 'Too many records in one request or delivery (see the limits in the field description).' },
    LEVERING_AFGESLOTEN: { description: 'The bulk delivery is already committed or refused: no chunks can be added.' },
    CHUNK_HERGEBRUIKT: { description: 'This chunk number was already received with other content.' },
    RECORDS_ONGELDIG: {
      description:
        'The records of a chunk cannot be read: give exactly one of records and recordsNdjson; every NDJSON line is one JSON object with the fields and formats of KinderopvangRecordInput (field names the line, 0-based, and the field).',
    },
    VERWERKING_MISLUKT: { description: 'Committing the delivery failed; nothing was stored and the delivery can be committed again.' },
    MUTATIEVOORSTEL_NIET_OPEN: { description: 'The mutatievoorstel is already blocked, carried out or lapsed.' },
    BLOKKEERTERMIJN_VERSTREKEN: { description: 'The 3-week window to block the mutatievoorstel has passed.' },
    KOO_ZONDER_OVEREENKOMST: { description: 'The childcare organisation of this LRK number has no convenant or agreement (or it is suspended): the toeslag cannot be paid to it.' },
    GEEN_KINDEROPVANGTOESLAG: { description: 'The household has no running kinderopvangtoeslag.' },
    CONVENANTTEGOED_NIET_OPEN: { description: 'The convenanttegoed is no longer open (already paid out or handed over).' },
    CONVENANTTEGOED_NIET_OVERGEDRAGEN: { description: 'Only a convenanttegoed handed over to the agency (OVERGEDRAGEN) can be paid to the parent by the agency.' },
    NORM_ONBEKEND: {
      description:
        'The date (or period) lies before the first version of a norm this needs (see the norms query): there is no value to use. ' +
        'The message names the first date from which it is possible.',
    },
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
