import { registerEnumType } from 'type-graphql';

export enum MemberRol {
  AANVRAGER = 'AANVRAGER',
  TOESLAGPARTNER = 'TOESLAGPARTNER',
  KIND = 'KIND',
  MEDEBEWONER = 'MEDEBEWONER',
}
registerEnumType(MemberRol, {
  name: 'MemberRol',
  description: 'The role of a person in a household (huishouden).',
});

/** Roles whose holder is a citizen who may act for the household (domain.md §1: aanvrager or toeslagpartner). */
export const CITIZEN_ROLES = [MemberRol.AANVRAGER, MemberRol.TOESLAGPARTNER] as const;
