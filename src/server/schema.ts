import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { BeschikkingResolver } from '../modules/beschikking/beschikking.resolver';
import { BetalingscapaciteitResolver } from '../modules/betalingsregeling/betalingscapaciteit.resolver';
import { BetalingsregelingResolver } from '../modules/betalingsregeling/betalingsregeling.resolver';
import { PersoonlijkeBetalingsregelingResolver } from '../modules/betalingsregeling/persoonlijk.resolver';
import { HouseholdResolver } from '../modules/household/household.resolver';
import { HouseholdKinderopvangResolver, KinderopvangResolver } from '../modules/kinderopvang/kinderopvang.resolver';
import { HouseholdMachtigingenResolver, MachtigingResolver } from '../modules/machtiging/machtiging.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { NormsResolver } from '../modules/norms/norms.resolver';
import { SchuldResolver } from '../modules/schuld/schuld.resolver';
import { ToeslagResolver } from '../modules/toeslag/toeslag.resolver';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { ToegangslogResolver } from '../modules/toegangslog/toegangslog.resolver';
import { HouseholdZakenResolver, ZaakResolver, ZaakVerzoekResolver } from '../modules/zaak/zaak.resolver';
import { HouseholdVroegsignalenResolver, VroegsignaleringResolver } from '../modules/vroegsignalering/vroegsignalering.resolver';
import { BetalingResolver, BetalingsregelingBetalingenResolver } from '../modules/betaling/betaling.resolver';
import { SchuldVerrekeningenResolver, VerrekeningResolver } from '../modules/verrekening/verrekening.resolver';

export const resolvers = [
  ViewerResolver,
  HouseholdResolver,
  NodeResolver,
  ToeslagResolver,
  BeschikkingResolver,
  SchuldResolver,
  BetalingsregelingResolver,
  MachtigingResolver,
  HouseholdMachtigingenResolver,
  ZaakResolver,
  HouseholdZakenResolver,
  ToegangslogResolver,
  NormsResolver,
  BetalingscapaciteitResolver,
  VroegsignaleringResolver,
  HouseholdVroegsignalenResolver,
  BetalingResolver,
  BetalingsregelingBetalingenResolver,
  VerrekeningResolver,
  SchuldVerrekeningenResolver,
  PersoonlijkeBetalingsregelingResolver,
  ZaakVerzoekResolver,
  KinderopvangResolver,
  HouseholdKinderopvangResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...resolvers],
    authChecker,
    // Authorization errors thrown by the checker carry their own codes.
    authMode: 'error',
    validate: false,
  });
  return cached;
}

/** The SDL committed as schema/schema.graphql: sorted, so the file only changes when the API does. */
export async function printCommittedSchema(): Promise<string> {
  const header =
    '# Generated from the code by `npm run schema:generate`. Do not edit: CI fails when this file is stale.\n\n';
  return header + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
