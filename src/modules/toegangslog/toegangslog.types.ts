import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { MachtigingScope } from '../machtiging/machtiging.enums';

export enum ToegangSoort {
  /** The data were read. */
  READ = 'READ',
  /** Something was changed or submitted. */
  WRITE = 'WRITE',
}
registerEnumType(ToegangSoort, { name: 'ToegangSoort', description: 'READ (looked at) or WRITE (changed or submitted something).' });

@ObjectType('ToegangslogDoel', { description: 'The processing activity from the register: why the data were processed.' })
export class ToegangslogDoelType {
  @Field({ description: 'Name of the processing activity, e.g. "Zaakbehandeling door een medewerker".' })
  naam!: string;

  @Field({ description: 'Its purpose.' })
  omschrijving!: string;
}

@ObjectType('ToegangslogNamens', { description: 'The machtiging under which an intermediary acted for you.' })
export class ToegangslogNamensType {
  @Field({ description: 'The intermediary organisation you gave the machtiging (KvK/OIN).' })
  organisatie!: string;

  @Field(() => MachtigingScope)
  scope!: MachtigingScope;
}

@ObjectType('ToegangslogEntry', {
  description: 'One processing of the household’s data: who looked or acted, when, why and for whom (Logboek Dataverwerkingen).',
})
export class ToegangslogEntryType {
  @Field({ description: 'When the processing started: an ISO 8601 date-time in UTC.' })
  tijdstip!: string;

  @Field({ description: 'Role of who processed the data: BURGER, INTERMEDIAIR, MEDEWERKER or SYSTEEM (an automated process).' })
  actorRol!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The organisation: the intermediary’s KvK/OIN, "Dienst Toeslagen" for a medewerker, "Dienst Toeslagen (automatisch)" for the system; null for a citizen.',
  })
  organisatie!: string | null;

  @Field({ description: 'True when it was you yourself (the citizen viewing this log); a medewerker always sees false.' })
  doorUzelf!: boolean;

  @Field({ description: 'The operation, e.g. "MyHousehold" or "ReferToPersoonlijkeBegeleiding".' })
  handeling!: string;

  @Field(() => ToegangSoort)
  soort!: ToegangSoort;

  @Field(() => [String], { description: 'Which kinds of data were touched, e.g. ["Household", "Schuld"].' })
  gegevens!: string[];

  @Field(() => ToegangslogDoelType)
  doel!: ToegangslogDoelType;

  @Field({ description: 'The legal basis of the processing activity.' })
  grondslag!: string;

  @Field(() => ToegangslogNamensType, { nullable: true, description: 'For an intermediary: the machtiging it acted under; null otherwise.' })
  namens!: ToegangslogNamensType | null;
}

export const ToegangslogConnection = connectionType(ToegangslogEntryType, 'Toegangslog');
