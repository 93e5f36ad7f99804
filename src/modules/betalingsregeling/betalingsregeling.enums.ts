import { registerEnumType } from 'type-graphql';

export enum BetalingsregelingSoort {
  STANDAARD = 'STANDAARD',
  PERSOONLIJK = 'PERSOONLIJK',
  VERLENGD = 'VERLENGD',
}
registerEnumType(BetalingsregelingSoort, {
  name: 'BetalingsregelingSoort',
  description: 'Standaard (Leidraad art. 79.7), persoonlijk (art. 79.8) or verlengd (illiquid vermogen).',
});

export enum BetalingsregelingStatus {
  ACTIEF = 'ACTIEF',
  VOLDAAN = 'VOLDAAN',
  BEEINDIGD = 'BEEINDIGD',
}
registerEnumType(BetalingsregelingStatus, { name: 'BetalingsregelingStatus' });
