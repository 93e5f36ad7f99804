import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MemberRol } from './household.enums';
import type { Household } from './household.entity';
import { Person } from './person.entity';

/** Membership of a person in a household over time; `tot` null means current. */
@Entity({ tableName: 'household_member' })
@Index({ properties: ['person', 'tot'] })
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
