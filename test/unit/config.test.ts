import { ConfigError, loadConfig } from '../../src/shared/config';

const prod = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', PSEUDONYM_KEY: 'k'.repeat(32) };

describe('configuration', () => {
  it('defaults to development with the embedded database and the dev key', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ env: 'development', port: 4000, databaseUrl: undefined, migrateOnStart: true, demoData: true, dataDir: '/srv/app/.data' });
    expect(c.auth).toMatchObject({ useDevKey: true, algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] });
  });

  it('accepts a complete production configuration and turns demo data off', () => {
    const c = loadConfig(prod);
    expect(c.demoData).toBe(false);
    expect(c.auth.useDevKey).toBe(false);
  });

  it.each([
    [{ AUTH_ALGORITHMS: 'none' }, 'never contain "none"'],
    [{ AUTH_ALGORITHMS: 'RS256,NONE' }, 'never contain "none"'],
    [{ AUTH_ALGORITHMS: 'HS256' }, 'AUTH_HS_SECRET must be set'],
    [{ AUTH_HS_SECRET: 's'.repeat(40) }, 'allows no HS* algorithm'],
    [{ AUTH_ALGORITHMS: 'XX1' }, 'unknown algorithm'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ AUTH_JWKS_URL: 'https://a/jwks', AUTH_PUBLIC_KEY_FILE: 'k.pem' }, 'not both'],
    [{ NODE_ENV: 'production' }, 'production needs AUTH_JWKS_URL'],
    [{ ...prod, AUTH_ISSUER: '' }, 'AUTH_ISSUER'],
    [{ ...prod, PSEUDONYM_KEY: undefined }, 'PSEUDONYM_KEY'],
    [{ ...prod, AUTH_JWKS_URL: 'http://idp.example/jwks' }, 'https'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });

  it('allows HS256 only when explicitly configured with a long secret', () => {
    const c = loadConfig({ AUTH_ALGORITHMS: 'HS256', AUTH_HS_SECRET: 's'.repeat(40) });
    expect(c.auth.algorithms).toEqual(['HS256']);
    expect(c.auth.useDevKey).toBe(false);
  });
});
