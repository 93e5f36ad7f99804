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
}

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
  };
}
