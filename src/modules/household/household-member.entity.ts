import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MemberRol } from './household.enums';
import type { Household } from './household.entity';
import { Person } from './person.entity';

/** Membership of a person in a household over time; `tot` null means current. */
@Entity({ tableName: 'household_member' })
@Index({ properties: ['person', 'tot'] })
// For a KOO delivery's commit (docs/adr/0029), both answered from the index alone: a parent's current
// households as aanvrager or toeslagpartner, and a household's current aanvrager.
@Index({
  name: 'household_member_current_parent_index',
  expression: `create index "household_member_current_parent_index" on "household_member" ("person_id") include ("household_id") where "tot" is null and "rol" in ('AANVRAGER', 'TOESLAGPARTNER')`,
})
@Index({
  name: 'household_member_current_aanvrager_index',
  expression: `create index "household_member_current_aanvrager_index" on "household_member" ("household_id") include ("person_id") where "tot" is null and "rol" = 'AANVRAGER'`,
})
export class HouseholdMember extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Person)
  person!: Person;

  @Enum({ items: () => MemberRol })
  rol!: MemberRol;

  @Property({ type: 'date' })
  vanaf!: string;

  @Property({ type: 'date', nullable: true })
  tot?: string | null;
}
