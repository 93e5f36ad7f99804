/**
 * Codes in the versioned norms table (table `norm`), among them the arrangement norms
 * (bijstandsnormen, normhuur, ...); vroegsignalering adds its threshold.
 */
export enum NormCode {
  /** Payment term of a terugvordering: vervaldatum = dagtekening + this many days (6 weeks). */
  BETAALTERMIJN_DAGEN = 'BETAALTERMIJN_DAGEN',
  /** Days after the vervaldatum before the (free) betalingsherinnering. */
  HERINNERING_NA_DAGEN = 'HERINNERING_NA_DAGEN',
  /** Days after the herinnering before the aanmaning. */
  AANMANING_NA_DAGEN = 'AANMANING_NA_DAGEN',
  /** Days after the aanmaning before the dwangbevel. */
  DWANGBEVEL_NA_DAGEN = 'DWANGBEVEL_NA_DAGEN',
  AANMANINGSKOSTEN = 'AANMANINGSKOSTEN',
  DWANGBEVELKOSTEN = 'DWANGBEVELKOSTEN',
  /** Recoveries at or below this amount (per toeslag, for the berekeningsjaar) are not collected. */
  DOELMATIGHEIDSGRENS = 'DOELMATIGHEIDSGRENS',
  /** Schulden with a dagtekening in this year or earlier are buiten invordering, unless fraud. */
  BUITEN_INVORDERING_TM_JAAR = 'BUITEN_INVORDERING_TM_JAAR',

  // Persoonlijke betalingsregeling (Uitvoeringsregeling Invorderingswet 1990 art. 11–16)
  // and standaard betalingsregeling (Leidraad Invordering 2008 art. 79.7). Amounts per month.
  /** Participatiewet bijstandsnorm, alleenstaande (ouder), per month. */
  BIJSTANDSNORM_ALLEENSTAANDE = 'BIJSTANDSNORM_ALLEENSTAANDE',
  /** Participatiewet bijstandsnorm, gehuwden / samenwonenden, per month. */
  BIJSTANDSNORM_GEHUWDEN = 'BIJSTANDSNORM_GEHUWDEN',
  /** Bijstandsnorm at AOW age, alleenstaande, per month. */
  BIJSTANDSNORM_AOW_ALLEENSTAANDE = 'BIJSTANDSNORM_AOW_ALLEENSTAANDE',
  /** Bijstandsnorm at AOW age, gehuwden, per month. */
  BIJSTANDSNORM_AOW_GEHUWDEN = 'BIJSTANDSNORM_AOW_GEHUWDEN',
  /** Kosten van bestaan = this percentage of the bijstandsnorm. */
  KOSTEN_VAN_BESTAAN_PERCENTAGE = 'KOSTEN_VAN_BESTAAN_PERCENTAGE',
  /** Afloscapaciteit = this percentage of a positive betalingscapaciteit. */
  AFLOSCAPACITEIT_PERCENTAGE = 'AFLOSCAPACITEIT_PERCENTAGE',
  /** Net woonlasten count only above this amount per month. */
  NORMHUUR = 'NORMHUUR',
  /** ... and only up to this amount per month. */
  MAXIMALE_HUURGRENS = 'MAXIMALE_HUURGRENS',
  /** Health premium already in the bijstandsnorm, per month. */
  NORMPREMIE_ALLEENSTAANDE = 'NORMPREMIE_ALLEENSTAANDE',
  NORMPREMIE_GEHUWDEN = 'NORMPREMIE_GEHUWDEN',
  /** Standaard betalingsregeling: minimum termijnbedrag per schuld. */
  STANDAARD_TERMIJNBEDRAG = 'STANDAARD_TERMIJNBEDRAG',
  /** Above this amount the standaard termijnbedrag is the amount / STANDAARD_MAX_TERMIJNEN. */
  STANDAARD_GRENS = 'STANDAARD_GRENS',
  STANDAARD_MAX_TERMIJNEN = 'STANDAARD_MAX_TERMIJNEN',
  /** Duration of a persoonlijke betalingsregeling (monthly termijnen). */
  PERSOONLIJK_TERMIJNEN = 'PERSOONLIJK_TERMIJNEN',
  /** A persoonlijke betalingsregeling is reviewed after this many months. */
  PERSOONLIJK_HERBEOORDELING_MAANDEN = 'PERSOONLIJK_HERBEOORDELING_MAANDEN',
  /** Beslistermijn on a request for a persoonlijke betalingsregeling. */
  BESLISTERMIJN_WEKEN = 'BESLISTERMIJN_WEKEN',
  /** Maximum length of a verlengde betalingsregeling (assumption). */
  VERLENGD_MAX_MAANDEN = 'VERLENGD_MAX_MAANDEN',
  /** Vakantiegeld added to wages/benefits when not included in the monthly amount. */
  VAKANTIEGELD_PERCENTAGE = 'VAKANTIEGELD_PERCENTAGE',
  /** Beslagvrije voet base: this percentage of the applicable bijstandsnorm. */
  BESLAGVRIJE_VOET_PERCENTAGE = 'BESLAGVRIJE_VOET_PERCENTAGE',

  // Vroegsignalering (domain.md §4).
  /** A household is signalled when its arrears after an aanmaning (open + costs) are at least this amount (assumption). */
  VROEGSIGNAAL_DREMPEL = 'VROEGSIGNAAL_DREMPEL',
  /** Arrears from this amount make a crisissignaal (assumption); a dwangbevel always does. */
  VROEGSIGNAAL_CRISISDREMPEL = 'VROEGSIGNAAL_CRISISDREMPEL',
  /** Personal fields of a vroegsignaal are erased after this many months (assumption). */
  VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN = 'VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN',
  // Missed termijnen and betaalpauze (assumptions, migration ..._betalingen_verrekening).
  /** A termijn counts as missed when still not paid in full this many days after its vervaldatum. */
  REGELING_GEMIST_NA_DAGEN = 'REGELING_GEMIST_NA_DAGEN',
  /** The arrangement ends when a termijn is still missed this many days after the reminder. */
  REGELING_BEEINDIGING_NA_DAGEN = 'REGELING_BEEINDIGING_NA_DAGEN',
  /** Longest betaalpauze a medewerker can grant, in months. */
  BETAALPAUZE_MAX_MAANDEN = 'BETAALPAUZE_MAX_MAANDEN',
  // Persoonlijke betalingsregeling outcomes, zienswijze and hardheidsverzoek
  // (migration Migration20261122182300_zaak_termijnen_norms).
  /** No betalingscapaciteit: refunds are still set off against the schuld for this many years. */
  GEEN_CAPACITEIT_VERREKENING_JAREN = 'GEEN_CAPACITEIT_VERREKENING_JAREN',
  /** Beslistermijn on a hardheidsverzoek (request to lower a schuld, Awir art. 13b): Awb 4:13, at most 8 weeks. */
  HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN = 'HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN',
  /** Term in which a zienswijze is answered (assumption). */
  ZIENSWIJZE_AFHANDELTERMIJN_WEKEN = 'ZIENSWIJZE_AFHANDELTERMIJN_WEKEN',
  // KOO deliveries and mutaties (domain.md §3 norms table, §5).
  /** Maximum hourly price reimbursed (maximum uurprijs), dagopvang. */
  MAX_UURPRIJS_DAGOPVANG = 'MAX_UURPRIJS_DAGOPVANG',
  MAX_UURPRIJS_BSO = 'MAX_UURPRIJS_BSO',
  MAX_UURPRIJS_GASTOUDEROPVANG = 'MAX_UURPRIJS_GASTOUDEROPVANG',
  /** A KOO record deviates substantially when the child's monthly share drops by at least this percentage ... */
  KOO_AFWIJKING_PERCENTAGE = 'KOO_AFWIJKING_PERCENTAGE',
  /** ... and by at least this amount per month (assumption). */
  KOO_AFWIJKING_MIN_BEDRAG = 'KOO_AFWIJKING_MIN_BEDRAG',
  /** Days after the letter during which the parent can block a mutatievoorstel (3 weeks, seed 002). */
  KOO_BLOKKEERTERMIJN_DAGEN = 'KOO_BLOKKEERTERMIJN_DAGEN',
  /** At most this many mutation letters per parent per calendar year (seed 002). */
  KOO_MAX_MUTATIEBRIEVEN_PER_JAAR = 'KOO_MAX_MUTATIEBRIEVEN_PER_JAAR',
  /** A month's delivery is on time when committed by this day of the next month (assumption). */
  KOO_LEVERING_UITERLIJK_DAG = 'KOO_LEVERING_UITERLIJK_DAG',
  /** The on-time check for a new agreement looks at this many past months (assumption). */
  KOO_LEVERING_TOETS_MAANDEN = 'KOO_LEVERING_TOETS_MAANDEN',
}

/**
 * How a norm gets a new value, which decides whether a value can be provisional (`voorlopig`, see
 * NormsTable.entry).
 */
export enum NormPublicatie {
  /**
   * Published per calendar year (indexed amounts: bijstandsnormen, normhuur, maximale huurgrens,
   * normpremie, maximum uurprijs, doelmatigheidsgrens). A year without its own row yet has no
   * official value: the newest row is used, marked provisional.
   */
  JAARLIJKS = 'JAARLIJKS',
  /**
   * In force until changed (percentages and terms from a regulation, costs, assumptions): the newest
   * row is the value, never provisional.
   */
  DOORLOPEND = 'DOORLOPEND',
}

/**
 * The publication rhythm of every norm. Exhaustive on purpose: a new code does not compile until
 * someone decides whether it is published per year.
 */
export const NORM_PUBLICATIE: Readonly<Record<NormCode, NormPublicatie>> = {
  BETAALTERMIJN_DAGEN: NormPublicatie.DOORLOPEND,
  HERINNERING_NA_DAGEN: NormPublicatie.DOORLOPEND,
  AANMANING_NA_DAGEN: NormPublicatie.DOORLOPEND,
  DWANGBEVEL_NA_DAGEN: NormPublicatie.DOORLOPEND,
  AANMANINGSKOSTEN: NormPublicatie.DOORLOPEND,
  DWANGBEVELKOSTEN: NormPublicatie.DOORLOPEND,
  DOELMATIGHEIDSGRENS: NormPublicatie.JAARLIJKS,
  BUITEN_INVORDERING_TM_JAAR: NormPublicatie.DOORLOPEND,
  BIJSTANDSNORM_ALLEENSTAANDE: NormPublicatie.JAARLIJKS,
  BIJSTANDSNORM_GEHUWDEN: NormPublicatie.JAARLIJKS,
  BIJSTANDSNORM_AOW_ALLEENSTAANDE: NormPublicatie.JAARLIJKS,
  BIJSTANDSNORM_AOW_GEHUWDEN: NormPublicatie.JAARLIJKS,
  KOSTEN_VAN_BESTAAN_PERCENTAGE: NormPublicatie.DOORLOPEND,
  AFLOSCAPACITEIT_PERCENTAGE: NormPublicatie.DOORLOPEND,
  NORMHUUR: NormPublicatie.JAARLIJKS,
  MAXIMALE_HUURGRENS: NormPublicatie.JAARLIJKS,
  NORMPREMIE_ALLEENSTAANDE: NormPublicatie.JAARLIJKS,
  NORMPREMIE_GEHUWDEN: NormPublicatie.JAARLIJKS,
  STANDAARD_TERMIJNBEDRAG: NormPublicatie.DOORLOPEND,
  STANDAARD_GRENS: NormPublicatie.DOORLOPEND,
  STANDAARD_MAX_TERMIJNEN: NormPublicatie.DOORLOPEND,
  PERSOONLIJK_TERMIJNEN: NormPublicatie.DOORLOPEND,
  PERSOONLIJK_HERBEOORDELING_MAANDEN: NormPublicatie.DOORLOPEND,
  BESLISTERMIJN_WEKEN: NormPublicatie.DOORLOPEND,
  VERLENGD_MAX_MAANDEN: NormPublicatie.DOORLOPEND,
  VAKANTIEGELD_PERCENTAGE: NormPublicatie.DOORLOPEND,
  BESLAGVRIJE_VOET_PERCENTAGE: NormPublicatie.DOORLOPEND,
  VROEGSIGNAAL_DREMPEL: NormPublicatie.DOORLOPEND,
  VROEGSIGNAAL_CRISISDREMPEL: NormPublicatie.DOORLOPEND,
  VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN: NormPublicatie.DOORLOPEND,
  REGELING_GEMIST_NA_DAGEN: NormPublicatie.DOORLOPEND,
  REGELING_BEEINDIGING_NA_DAGEN: NormPublicatie.DOORLOPEND,
  BETAALPAUZE_MAX_MAANDEN: NormPublicatie.DOORLOPEND,
  GEEN_CAPACITEIT_VERREKENING_JAREN: NormPublicatie.DOORLOPEND,
  HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN: NormPublicatie.DOORLOPEND,
  ZIENSWIJZE_AFHANDELTERMIJN_WEKEN: NormPublicatie.DOORLOPEND,
  MAX_UURPRIJS_DAGOPVANG: NormPublicatie.JAARLIJKS,
  MAX_UURPRIJS_BSO: NormPublicatie.JAARLIJKS,
  MAX_UURPRIJS_GASTOUDEROPVANG: NormPublicatie.JAARLIJKS,
  KOO_AFWIJKING_PERCENTAGE: NormPublicatie.DOORLOPEND,
  KOO_AFWIJKING_MIN_BEDRAG: NormPublicatie.DOORLOPEND,
  KOO_BLOKKEERTERMIJN_DAGEN: NormPublicatie.DOORLOPEND,
  KOO_MAX_MUTATIEBRIEVEN_PER_JAAR: NormPublicatie.DOORLOPEND,
  KOO_LEVERING_UITERLIJK_DAG: NormPublicatie.DOORLOPEND,
  KOO_LEVERING_TOETS_MAANDEN: NormPublicatie.DOORLOPEND,
};
