import path from 'node:path';

/** Raised for configuration that cannot work; main prints its message as one line and exits non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = 'development' | 'production' | 'test';

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'];

export interface AuthConfig {
  /** Remote JWKS of the identity provider (production). */
  jwksUrl?: string;
  /** Local public key: a PEM (SPKI) file or a JWKS/JWK JSON file. */
  publicKeyFile?: string;
  /** Shared secret, only honoured when an HS* algorithm is explicitly allowed. */
  hsSecret?: string;
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
  /** True when neither a JWKS URL nor a key file is configured: a development key in dataDir is used. */
  useDevKey: boolean;
}

export interface Config {
  env: Environment;
  host: string;
  port: number;
  /** External PostgreSQL; undefined means: start the embedded server. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  dbPoolMax: number;
  migrateOnStart: boolean;
  demoData: boolean;
  auth: AuthConfig;
  /** Key for the keyed HMAC that pseudonymises BSNs in the access log. Undefined: generated in dataDir (development only). */
  pseudonymKey?: string;
  /** PostgreSQL statement_timeout of the API's pool connections, in ms (0 = none). */
  dbStatementTimeoutMs: number;
  /** Maximum JSON request body, in bytes. */
  bodyLimitBytes: number;
  /** Introspection of the schema: on outside production, in production only when GRAPHQL_INTROSPECTION=true. */
  introspection: boolean;
  limits: OperationLimits;
  rateLimit: RateLimitConfig;
}

/** Per-operation limits, checked before anything is resolved (src/server/limits.ts). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Maximum computed cost of one operation (src/server/cost.ts). */
  maxCost: number;
}

export interface BucketSettings {
  /** Most cost points the bucket holds. */
  capacity: number;
  /** Cost points that leak out per second. */
  leakPerSecond: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  /** Leaky bucket per actor, by role (keys are the Role values). */
  roles: Record<'BURGER' | 'INTERMEDIAIR' | 'GEMEENTE' | 'KOO' | 'MEDEWERKER', BucketSettings>;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 15, maxDirectives: 10, maxTokens: 2000, maxCost: 25_000 };
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

/** Defaults per role: capacity in cost points, leak in points per second. */
export const DEFAULT_BUCKETS: RateLimitConfig['roles'] = {
  BURGER: { capacity: 5_000, leakPerSecond: 100 },
  INTERMEDIAIR: { capacity: 50_000, leakPerSecond: 1_000 },
  GEMEENTE: { capacity: 20_000, leakPerSecond: 500 },
  KOO: { capacity: 20_000, leakPerSecond: 500 },
  MEDEWERKER: { capacity: 100_000, leakPerSecond: 2_000 },
};

export const DEV_ISSUER = 'urn:toeslagen:dev-idp';
export const DEFAULT_AUDIENCE = 'toeslagen-api';

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** A byte size such as 1048576, 512kb or 1mb. */
function bytes(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw);
  const n = m ? Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a size from ${min} to ${max} bytes (e.g. 1mb, 512kb), got "${raw}"`);
  }
  return n;
}

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** Reads and validates the environment. Every variable is documented in README.md ("Configuration"). */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const environment = nodeEnv as Environment;
  const production = environment === 'production';

  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const algorithms = (nonEmpty(env, 'AUTH_ALGORITHMS') ?? 'RS256,PS256,ES256,EdDSA')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const alg of algorithms) {
    if (alg.toLowerCase() === 'none') throw new ConfigError('AUTH_ALGORITHMS may never contain "none"');
    if (!ASYMMETRIC_ALGORITHMS.includes(alg) && !HMAC_ALGORITHMS.includes(alg)) {
      throw new ConfigError(`AUTH_ALGORITHMS contains unknown algorithm "${alg}"`);
    }
  }
  const hsSecret = nonEmpty(env, 'AUTH_HS_SECRET');
  const usesHs = algorithms.some((a) => HMAC_ALGORITHMS.includes(a));
  if (usesHs && (!hsSecret || hsSecret.length < 32)) {
    throw new ConfigError('AUTH_ALGORITHMS allows HS*, so AUTH_HS_SECRET must be set (at least 32 characters)');
  }
  if (hsSecret && !usesHs) {
    throw new ConfigError('AUTH_HS_SECRET is set but AUTH_ALGORITHMS allows no HS* algorithm');
  }

  const jwksUrl = nonEmpty(env, 'AUTH_JWKS_URL');
  const publicKeyFile = nonEmpty(env, 'AUTH_PUBLIC_KEY_FILE');
  if (jwksUrl && publicKeyFile) {
    throw new ConfigError('set either AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE, not both');
  }
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new ConfigError('AUTH_JWKS_URL is not a valid URL');
    }
    if (production && url.protocol !== 'https:') throw new ConfigError('AUTH_JWKS_URL must use https in production');
  }
  const useDevKey = !jwksUrl && !publicKeyFile && !usesHs;
  if (production && useDevKey) {
    throw new ConfigError('production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE: the generated development key is never used in production');
  }
  const issuer = nonEmpty(env, 'AUTH_ISSUER') ?? (production ? undefined : DEV_ISSUER);
  if (!issuer) throw new ConfigError('AUTH_ISSUER must be set in production');
  const audience = nonEmpty(env, 'AUTH_AUDIENCE') ?? DEFAULT_AUDIENCE;

  const pseudonymKey = nonEmpty(env, 'PSEUDONYM_KEY');
  if (pseudonymKey && pseudonymKey.length < 32) throw new ConfigError('PSEUDONYM_KEY must be at least 32 characters');
  if (production && !pseudonymKey) throw new ConfigError('PSEUDONYM_KEY must be set in production');

  return {
    env: environment,
    host: nonEmpty(env, 'HOST') ?? (production ? '0.0.0.0' : 'localhost'),
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(cwd, nonEmpty(env, 'DATA_DIR') ?? '.data'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, 1, 500),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    demoData: bool(env, 'DEMO_DATA', !production),
    auth: {
      jwksUrl,
      publicKeyFile: publicKeyFile ? path.resolve(cwd, publicKeyFile) : undefined,
      hsSecret,
      issuer,
      audience,
      algorithms,
      clockToleranceSeconds: int(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
      useDevKey,
    },
    pseudonymKey,
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUT_MS, 0, 3_600_000),
    bodyLimitBytes: bytes(env, 'BODY_LIMIT', DEFAULT_BODY_LIMIT_BYTES, 1024, 100 * 1024 * 1024),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    limits: {
      maxDepth: int(env, 'LIMIT_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 100),
      maxAliases: int(env, 'LIMIT_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 1000),
      maxDirectives: int(env, 'LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 1000),
      maxTokens: int(env, 'LIMIT_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 10, 100_000),
      maxCost: int(env, 'LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 10_000_000),
    },
    rateLimit: {
      enabled: bool(env, 'RATE_LIMIT_ENABLED', true),
      roles: Object.fromEntries(
        Object.entries(DEFAULT_BUCKETS).map(([role, d]) => [
          role,
          {
            capacity: num(env, `RATE_LIMIT_${role}_CAPACITY`, d.capacity, 1, 1e9),
            leakPerSecond: num(env, `RATE_LIMIT_${role}_LEAK_PER_SECOND`, d.leakPerSecond, 0.001, 1e9),
          },
        ]),
      ) as RateLimitConfig['roles'],
    },
  };
}
