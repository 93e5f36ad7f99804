import { registerEnumType } from 'type-graphql';

/** Soort opvang of a KOO record (domain.md §5). */
export enum SoortOpvang {
  DAGOPVANG = 'DAGOPVANG',
  BSO = 'BSO',
  GASTOUDEROPVANG = 'GASTOUDEROPVANG',
}
registerEnumType(SoortOpvang, {
  name: 'SoortOpvang',
  description: 'Kind of childcare: dagopvang (KDV), buitenschoolse opvang (BSO) or gastouderopvang.',
});

/** A KOO's agreement with the agency about payment of kinderopvangtoeslag to the KOO (domain.md §5). */
export enum OvereenkomstStatus {
  OUD_CONVENANT = 'OUD_CONVENANT',
  NIEUWE_OVEREENKOMST = 'NIEUWE_OVEREENKOMST',
  GEEN = 'GEEN',
  GESCHORST = 'GESCHORST',
}
registerEnumType(OvereenkomstStatus, {
  name: 'OvereenkomstStatus',
  description: 'The KOO’s agreement for payment of kinderopvangtoeslag to the KOO.',
  valuesConfig: {
    OUD_CONVENANT: { description: 'The old convenant: parents may have the toeslag paid to the KOO.' },
    NIEUWE_OVEREENKOMST: { description: 'The new agreement (after the eligibility check): parents may have the toeslag paid to the KOO.' },
    GEEN: { description: 'No agreement: the toeslag is paid to the parents.' },
    GESCHORST: { description: 'Suspended: no new payments to the KOO until the agency lifts it.' },
  },
});

/** Agreements under which parents may have the toeslag paid to the KOO. */
export const BETAALT_AAN_KOO = [OvereenkomstStatus.OUD_CONVENANT, OvereenkomstStatus.NIEUWE_OVEREENKOMST] as const;

/** Lifecycle of a delivery (Shopify's bulk operation states, in Dutch). */
export enum LeveringStatus {
  /** A bulk delivery receiving chunks. */
  ONTVANGEN = 'ONTVANGEN',
  /** Committed: its records are stored and current for the period. */
  VERWERKT = 'VERWERKT',
  /** Committed, later replaced by a redelivery for the same period (kept as an earlier version). */
  VERVANGEN = 'VERVANGEN',
  /** The commit refused it: at least one invalid record (see fouten); nothing was stored. */
  AFGEWEZEN = 'AFGEWEZEN',
  /** The commit failed for a technical reason; nothing was stored; it may be committed again. */
  MISLUKT = 'MISLUKT',
}
registerEnumType(LeveringStatus, {
  name: 'LeveringStatus',
  description: 'ONTVANGEN (staging) → VERWERKT (stored, current) → VERVANGEN (superseded); or AFGEWEZEN / MISLUKT (nothing stored).',
});

/** Why a delivered record is invalid. */
export enum RecordFoutCode {
  BSN_ONGELDIG = 'BSN_ONGELDIG',
  LRK_NIET_VAN_KOO = 'LRK_NIET_VAN_KOO',
  PERIODE_ONGELDIG = 'PERIODE_ONGELDIG',
  NEGATIEF_BEDRAG = 'NEGATIEF_BEDRAG',
  CONTRACTEINDDATUM_ONGELDIG = 'CONTRACTEINDDATUM_ONGELDIG',
  VELD_ONGELDIG = 'VELD_ONGELDIG',
}
registerEnumType(RecordFoutCode, {
  name: 'RecordFoutCode',
  description: 'Why one record of a delivery is invalid (any invalid record rejects the whole delivery).',
  valuesConfig: {
    BSN_ONGELDIG: { description: 'A BSN does not pass the 11-proef (a missing child BSN is allowed: it may follow in a later month).' },
    LRK_NIET_VAN_KOO: { description: 'The LRK number is not a location of the delivering KOO.' },
    PERIODE_ONGELDIG: { description: 'The period is not the delivery’s month, or that month has not started yet.' },
    NEGATIEF_BEDRAG: { description: 'Hours, hourly price and invoice total must not be negative.' },
    CONTRACTEINDDATUM_ONGELDIG: { description: 'The contract end date lies before the period’s first day.' },
    VELD_ONGELDIG: { description: 'A field is missing or malformed (e.g. a name that is too long).' },
  },
});

export enum MutatievoorstelStatus {
  /** Sent; the parent may block it until blokkerenTot (inclusive). */
  OPEN = 'OPEN',
  GEBLOKKEERD = 'GEBLOKKEERD',
  /** Taken into the voorschot after the block window. */
  DOORGEVOERD = 'DOORGEVOERD',
  /** Not carried out: the toeslag had stopped running or was already lower. */
  VERVALLEN = 'VERVALLEN',
}
registerEnumType(MutatievoorstelStatus, {
  name: 'MutatievoorstelStatus',
  description: 'OPEN (3 weeks to block) → DOORGEVOERD, or GEBLOKKEERD by the parent, or VERVALLEN.',
});

export enum ConvenanttegoedStatus {
  /** The KOO still holds the amount. */
  OPEN = 'OPEN',
  /** The KOO reports it paid the parent. */
  UITBETAALD_DOOR_KOO = 'UITBETAALD_DOOR_KOO',
  /** The KOO handed the amount to the agency, which still has to pay the parent. */
  OVERGEDRAGEN = 'OVERGEDRAGEN',
  /** The agency paid the parent. */
  UITBETAALD_DOOR_DIENST = 'UITBETAALD_DOOR_DIENST',
}
registerEnumType(ConvenanttegoedStatus, {
  name: 'ConvenanttegoedStatus',
  description: 'OPEN → UITBETAALD_DOOR_KOO, or OPEN → OVERGEDRAGEN → UITBETAALD_DOOR_DIENST.',
});

/** The conditions for a new agreement (domain.md §5), each evaluated and explained. */
export enum OvereenkomstVoorwaarde {
  GEEN_OPEN_CONVENANTTEGOEDEN = 'GEEN_OPEN_CONVENANTTEGOEDEN',
  FINANCIELE_GEZONDHEID = 'FINANCIELE_GEZONDHEID',
  TIJDIGE_LEVERINGEN = 'TIJDIGE_LEVERINGEN',
}
registerEnumType(OvereenkomstVoorwaarde, {
  name: 'OvereenkomstVoorwaarde',
  description: 'A condition for a new agreement: no open convenanttegoeden, a passed financial-health check, on-time monthly deliveries.',
});
