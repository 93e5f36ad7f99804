import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type { AuthConfig } from '../config';
import { actorFromClaims, InvalidClaimsError, type Actor } from './actor';
import { loadOrCreateDevKey } from './dev-keys';
import { loadJose } from './jose';

/** Why a token was refused. Clients only ever see UNAUTHENTICATED; the reason goes to the server log. */
export class TokenRejectedError extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

type KeySource = KeyObject | JWTVerifyGetKey;

/**
 * Verifies `Authorization: Bearer` JWTs: signature (JWKS URL, key file, dev key, or an explicitly
 * allowed HS* secret), issuer, audience, expiry and an algorithm allow-list. `alg: none` is never
 * accepted: jose's jwtVerify refuses unsecured tokens and the allow-list cannot contain it.
 */
export async function createTokenVerifier(auth: AuthConfig, dataDir: string): Promise<TokenVerifier> {
  const jose = await loadJose();
  let key: KeySource;
  if (auth.jwksUrl) {
    key = jose.createRemoteJWKSet(new URL(auth.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  } else if (auth.publicKeyFile) {
    const text = await readFile(auth.publicKeyFile, 'utf8');
    if (text.trimStart().startsWith('{')) {
      const json = JSON.parse(text) as { keys?: unknown[] };
      key = jose.createLocalJWKSet((json.keys ? json : { keys: [json] }) as Parameters<typeof jose.createLocalJWKSet>[0]);
    } else {
      key = createPublicKey(text);
    }
  } else if (auth.hsSecret) {
    key = createSecretKey(Buffer.from(auth.hsSecret, 'utf8'));
  } else {
    const dev = await loadOrCreateDevKey(dataDir);
    key = jose.createLocalJWKSet({ keys: [dev.publicJwk as never] });
  }

  return {
    async verify(token: string): Promise<Actor> {
      let payload: Record<string, unknown>;
      try {
        const result = await jose.jwtVerify(token, key as never, {
          issuer: auth.issuer,
          audience: auth.audience,
          algorithms: auth.algorithms,
          clockTolerance: auth.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        });
        payload = result.payload;
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'ERR_JWT_INVALID';
        throw new TokenRejectedError(code);
      }
      try {
        return actorFromClaims(payload);
      } catch (err) {
        if (err instanceof InvalidClaimsError) throw new TokenRejectedError(`ERR_CLAIMS: ${err.message}`);
        throw err;
      }
    },
  };
}
