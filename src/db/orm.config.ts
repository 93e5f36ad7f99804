import path from 'node:path';
import { defineConfig, type LoggerNamespace, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { AccessLogEntry } from '../modules/accesslog/access-log-entry.entity';
import { ProcessingActivity } from '../modules/accesslog/processing-activity.entity';
import { Betalingsregeling } from '../modules/betalingsregeling/betalingsregeling.entity';
import { Termijn } from '../modules/betalingsregeling/termijn.entity';
import { BetalingsregelingSchuld } from '../modules/betalingsregeling/betalingsregeling-schuld.entity';
import { Beschikking } from '../modules/beschikking/beschikking.entity';
import { InvorderingRun } from '../modules/invordering/invordering-run.entity';
import { KooBetalingAanKoo, KooConvenantBetaling, KooConvenanttegoed } from '../modules/kinderopvang/convenant.entity';
import { KooLocatie, KooOrganisatie } from '../modules/kinderopvang/koo.entity';
import { KooLevering, KooLeveringChunk, KooLeveringFout, KooRecord, KooStagingRecord } from '../modules/kinderopvang/levering.entity';
import { KooMutatievoorstel, KooOpgave } from '../modules/kinderopvang/mutatie.entity';
import { Machtiging } from '../modules/machtiging/machtiging.entity';
import { Zaak } from '../modules/zaak/zaak.entity';
import { Vroegsignaal, VroegsignaleringDeelname } from '../modules/vroegsignalering/vroegsignaal.entity';
import { Norm } from '../modules/norms/norm.entity';
import { RateLimitBucket } from '../modules/ratelimit/rate-limit-bucket.entity';
import { SchuldEvent } from '../modules/schuld/schuld-event.entity';
import { Household } from '../modules/household/household.entity';
import { HouseholdMember } from '../modules/household/household-member.entity';
import { Person } from '../modules/household/person.entity';
import { Schuld } from '../modules/schuld/schuld.entity';
import { Toeslag } from '../modules/toeslag/toeslag.entity';
import { Betaling } from '../modules/betaling/betaling.entity';
import { BeslagvrijeVoetVaststelling } from '../modules/verrekening/beslagvrije-voet.entity';
import { Verrekening } from '../modules/verrekening/verrekening.entity';
import { projectRoot, runningTs } from '../shared/paths';

/** Every entity, listed explicitly (no folder scanning: the same list works from src/ and dist/). */
export const entities = [
  Person,
  Household,
  HouseholdMember,
  Toeslag,
  Beschikking,
  Schuld,
  SchuldEvent,
  Betalingsregeling,
  BetalingsregelingSchuld,
  Termijn,
  Norm,
  InvorderingRun,
  Machtiging,
  Zaak,
  Vroegsignaal,
  VroegsignaleringDeelname,
  RateLimitBucket,
  KooOrganisatie,
  KooLocatie,
  KooLevering,
  KooLeveringChunk,
  KooStagingRecord,
  KooRecord,
  KooLeveringFout,
  KooOpgave,
  KooMutatievoorstel,
  KooBetalingAanKoo,
  KooConvenantBetaling,
  KooConvenanttegoed,
  ProcessingActivity,
  AccessLogEntry,
  Betaling,
  BeslagvrijeVoetVaststelling,
  Verrekening,
];

export interface OrmOptions {
  clientUrl: string;
  poolMax?: number;
  debug?: boolean | LoggerNamespace[];
  logger?: (message: string) => void;
  /**
   * PostgreSQL statement_timeout of every pool connection, in ms (sent as a start-up parameter, so
   * it holds for every statement on the connection). Only the API sets it (DB_STATEMENT_TIMEOUT_MS);
   * undefined or 0 = no timeout, for CLI commands such as the bulk seed whose index builds run long.
   */
  statementTimeoutMs?: number;
}

/** MikroORM settings shared by the server, the CLI commands and the tests. */
export function ormConfig(o: OrmOptions): Options {
  return defineConfig({
    clientUrl: o.clientUrl,
    entities,
    extensions: [Migrator],
    // Entities declare their column types explicitly; reflect-metadata only supplies the rest.
    discovery: { requireEntitiesArray: true },
    // Never let code use the global EntityManager: each request and command forks its own.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Waiting for a connection gives up after 3 s (knex's default is 60 s): when PostgreSQL is gone
    // or the pool is exhausted, requests fail fast with SERVICE_UNAVAILABLE instead of hanging.
    pool: { min: 0, max: o.poolMax ?? 10, acquireTimeoutMillis: 3000 },
    driverOptions: {
      connection: {
        ...(o.statementTimeoutMs ? { statement_timeout: o.statementTimeoutMs } : {}),
        // The hand-written statements of the hot read paths (src/data/raw-query.ts) are prepared once per
        // connection. With the default plan_cache_mode (auto) PostgreSQL kept planning them afresh on
        // every execution (a custom plan looks cheaper than a generic one for `= any($1::uuid[])`):
        // about 1.4 ms of planning for a 0.3 ms household overview. Their plans do not
        // depend on the values (ids, a page size, the policy's parameters). MikroORM's own statements
        // are sent with their values inlined, so this setting does not touch them.
        options: '-c plan_cache_mode=force_generic_plan',
      },
    },
    preferTs: runningTs,
    debug: o.debug ?? false,
    logger: o.logger,
    migrations: {
      path: path.join(projectRoot, 'dist', 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      // New migrations are diffed against a really migrated database, never a snapshot file.
      snapshot: false,
      emit: 'ts',
    },
  });
}
