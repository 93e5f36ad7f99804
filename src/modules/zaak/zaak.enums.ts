import { registerEnumType } from 'type-graphql';

/** The kinds of case a medewerker handles (domain.md §2). Issue 4 adds the arrangement cases' behaviour. */
export enum ZaakSoort {
  PERSOONLIJKE_BEGELEIDING = 'PERSOONLIJKE_BEGELEIDING',
  PERSOONLIJKE_BETALINGSREGELING = 'PERSOONLIJKE_BETALINGSREGELING',
  HARDHEIDSVERZOEK = 'HARDHEIDSVERZOEK',
}
registerEnumType(ZaakSoort, { name: 'ZaakSoort' });

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
