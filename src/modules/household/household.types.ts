import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { toGlobalId } from '../../shared/global-id';
import { BsnScalar, DateScalar, GemeentecodeScalar } from '../../shared/scalars';
import { Node } from '../../shared/node';
import type { Adres, Household } from './household.entity';
import type { EntityRow } from '../../data/row-mapper';
import type { HouseholdMember } from './household-member.entity';
import type { Person } from './person.entity';

/** A member with its person, as entities or as plain rows (household.loaders membersLoader). */
export type MemberWithPerson = Omit<EntityRow<HouseholdMember>, 'person'> & { person: EntityRow<Person> };
import { MemberRol } from './household.enums';

@ObjectType('Adres')
export class AdresType {
  @Field()
  straat!: string;

  @Field(() => Int)
  huisnummer!: number;

  @Field(() => String, { nullable: true })
  huisnummertoevoeging!: string | null;

  @Field()
  postcode!: string;

  @Field()
  woonplaats!: string;

  static from(a: Adres): AdresType {
    return Object.assign(new AdresType(), {
      straat: a.straat,
      huisnummer: a.huisnummer,
      huisnummertoevoeging: a.huisnummertoevoeging ?? null,
      postcode: a.postcode,
      woonplaats: a.woonplaats,
    });
  }
}

@ObjectType('Person')
export class PersonType {
  @Field(() => BsnScalar)
  bsn!: string;

  @Field()
  voornamen!: string;

  @Field(() => String, { nullable: true })
  tussenvoegsel!: string | null;

  @Field()
  achternaam!: string;

  @Field(() => DateScalar, { nullable: true })
  geboortedatum!: string | null;
}

@ObjectType('HouseholdMember', { description: 'A person’s current place in the household.' })
export class HouseholdMemberType {
  @Field(() => MemberRol)
  rol!: MemberRol;

  @Field(() => DateScalar)
  vanaf!: string;

  @Field(() => PersonType)
  person!: PersonType;

  static from(m: MemberWithPerson): HouseholdMemberType {
    const p = m.person;
    return Object.assign(new HouseholdMemberType(), {
      rol: m.rol,
      vanaf: m.vanaf,
      person: Object.assign(new PersonType(), {
        bsn: p.bsn,
        voornamen: p.voornamen,
        tussenvoegsel: p.tussenvoegsel ?? null,
        achternaam: p.achternaam,
        geboortedatum: p.geboortedatum ?? null,
      }),
    });
  }
}

@ObjectType('Household', { implements: Node, description: 'A huishouden: the unit toeslagen, schulden and betalingsregelingen belong to.' })
export class HouseholdNode extends Node {
  /** Database id, for field resolvers; not exposed. */
  dbId!: string;

  @Field(() => GemeentecodeScalar)
  gemeentecode!: string;

  @Field(() => AdresType)
  adres!: AdresType;

  @Field({ description: 'Registered with UHT (herstel operation): all collection is paused.' })
  uhtGeregistreerd!: boolean;

  static from(h: EntityRow<Household>): HouseholdNode {
    return Object.assign(new HouseholdNode(), {
      id: toGlobalId('Household', h.id),
      dbId: h.id,
      gemeentecode: h.gemeentecode,
      adres: AdresType.from(h.adres),
      uhtGeregistreerd: h.uhtGeregistreerd,
    });
  }
}

export const HouseholdConnection = connectionType(HouseholdNode, 'Household');

@InputType('HouseholdFilter', { description: 'All given conditions must hold; an absent one does not filter.' })
export class HouseholdFilter {
  @Field(() => GemeentecodeScalar, { nullable: true, description: 'Households living in this gemeente.' })
  gemeentecode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Registered with UHT (true) or not (false).' })
  uhtGeregistreerd?: boolean | null;
}
