import { registerEnumType } from 'type-graphql';

export enum ToeslagSoort {
  ZORGTOESLAG = 'ZORGTOESLAG',
  HUURTOESLAG = 'HUURTOESLAG',
  KINDEROPVANGTOESLAG = 'KINDEROPVANGTOESLAG',
  KINDGEBONDEN_BUDGET = 'KINDGEBONDEN_BUDGET',
}
registerEnumType(ToeslagSoort, { name: 'ToeslagSoort', description: 'The four toeslagen (allowances).' });

/** Lifecycle of a toeslag for one berekeningsjaar (domain.md §2). */
export enum ToeslagStatus {
  AANGEVRAAGD = 'AANGEVRAAGD',
  VOORLOPIG_TOEGEKEND = 'VOORLOPIG_TOEGEKEND',
  DEFINITIEF_TOEGEKEND = 'DEFINITIEF_TOEGEKEND',
  AFGEWEZEN = 'AFGEWEZEN',
  BEEINDIGD = 'BEEINDIGD',
}
registerEnumType(ToeslagStatus, {
  name: 'ToeslagStatus',
  description: 'aangevraagd → voorlopig toegekend (monthly voorschot) → definitief toegekend; or afgewezen / beëindigd.',
});
