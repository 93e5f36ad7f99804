import { registerEnumType } from 'type-graphql';

/** The kinds of case a medewerker handles (domain.md §2), including the arrangement cases. */
export enum ZaakSoort {
  PERSOONLIJKE_BEGELEIDING = 'PERSOONLIJKE_BEGELEIDING',
  PERSOONLIJKE_BETALINGSREGELING = 'PERSOONLIJKE_BETALINGSREGELING',
  /** A request to lower (matigen) a schuld under the hardship clause (Awir art. 13b): requestMatiging. */
  HARDHEIDSVERZOEK = 'HARDHEIDSVERZOEK',
  /** A zienswijze on a schuld or beschikking, before or after an adverse decision: submitZienswijze. */
  ZIENSWIJZE = 'ZIENSWIJZE',
}
registerEnumType(ZaakSoort, {
  name: 'ZaakSoort',
  valuesConfig: {
    PERSOONLIJKE_BEGELEIDING: { description: 'A referral to persoonlijke begeleiding (no beslistermijn).' },
    PERSOONLIJKE_BETALINGSREGELING: { description: 'A request for a persoonlijke betalingsregeling (beslistermijn 8 weeks, norms table).' },
    HARDHEIDSVERZOEK: { description: 'A request to lower a schuld under the hardship clause (Awir art. 13b); beslistermijn 8 weeks (Awb 4:13).' },
    ZIENSWIJZE: { description: 'A zienswijze on a schuld or beschikking; answered by a medewerker (answer term in the norms table, an assumption).' },
  },
});

/** How a handled zaak ended (null while open); the text is in `uitkomst`. */
export enum ZaakUitkomst {
  /** Persoonlijke betalingsregeling: the capacity covers the standaard termijnbedrag, a STANDAARD regeling was made. */
  STANDAARDREGELING = 'STANDAARDREGELING',
  /** Persoonlijke betalingsregeling: a PERSOONLIJK regeling of the lower amount, 24 termijnen, reviewed after 12 months. */
  PERSOONLIJKE_REGELING = 'PERSOONLIJKE_REGELING',
  /** Persoonlijke betalingsregeling: a VERLENGD regeling because of illiquid vermogen. */
  VERLENGDE_REGELING = 'VERLENGDE_REGELING',
  /** Persoonlijke betalingsregeling: no capacity, no collection measures. */
  GEEN_CAPACITEIT = 'GEEN_CAPACITEIT',
  /** Hardheidsverzoek granted: the schuld was lowered. */
  GEMATIGD = 'GEMATIGD',
  /** Hardheidsverzoek granted down to zero: the schuld is KWIJTGESCHOLDEN. */
  KWIJTGESCHOLDEN = 'KWIJTGESCHOLDEN',
  /** Hardheidsverzoek rejected, with a reason. */
  MATIGING_AFGEWEZEN = 'MATIGING_AFGEWEZEN',
  /** Zienswijze answered: the citizen is (partly) right. */
  ZIENSWIJZE_GEGROND = 'ZIENSWIJZE_GEGROND',
  /** Zienswijze answered: the decision stands. */
  ZIENSWIJZE_ONGEGROND = 'ZIENSWIJZE_ONGEGROND',
}
registerEnumType(ZaakUitkomst, { name: 'ZaakUitkomst', description: 'How a handled zaak ended; the explanation is in `uitkomst`.' });

export enum ZaakStatus {
  NIEUW = 'NIEUW',
  IN_BEHANDELING = 'IN_BEHANDELING',
  AFGEROND = 'AFGEROND',
  AFGEWEZEN = 'AFGEWEZEN',
}
registerEnumType(ZaakStatus, { name: 'ZaakStatus' });

export enum Contactvoorkeur {
  TELEFOON = 'TELEFOON',
  EMAIL = 'EMAIL',
  POST = 'POST',
  VIA_INTERMEDIAIR = 'VIA_INTERMEDIAIR',
}
registerEnumType(Contactvoorkeur, { name: 'Contactvoorkeur', description: 'How the client prefers to be contacted.' });

/** decideMatiging: grant (lower the schuld) or reject a hardheidsverzoek. */
export enum MatigingBesluit {
  TOEGEWEZEN = 'TOEGEWEZEN',
  AFGEWEZEN = 'AFGEWEZEN',
}
registerEnumType(MatigingBesluit, { name: 'MatigingBesluit', description: 'Decision on a hardheidsverzoek.' });

/** decideZienswijze: whether the citizen is (partly) right. */
export enum ZienswijzeOordeel {
  GEGROND = 'GEGROND',
  ONGEGROND = 'ONGEGROND',
}
registerEnumType(ZienswijzeOordeel, { name: 'ZienswijzeOordeel', description: 'Whether a zienswijze is (partly) right.' });
