import type { Clock } from '../shared/clock';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type { AuthConfig } from '../shared/config';
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
export async function createTokenVerifier(auth: AuthConfig, dataDir: string, clock: Clock): Promise<TokenVerifier> {
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

  /**
   * Tokens whose signature and claims were verified in the last VERIFIED_TTL_MS, by their exact text:
   * a portal sends the same token with every request until it expires, and the ES256/RS256 signature
   * check was about 5 % of the API's CPU per request. A hit is only taken while the token's
   * own `exp` (with the clock tolerance) has not passed, so it is refused exactly when re-verifying
   * would refuse it; what a hit can add is at most VERIFIED_TTL_MS of trust in a key just removed from
   * the key set, well inside the 10 minutes the remote JWKS itself is cached. Bounded in size.
   */
  const verified = new Map<string, { payload: Record<string, unknown>; until: number }>();

  return {
    async verify(token: string): Promise<Actor> {
      const now = clock.now().getTime();
      const hit = verified.get(token);
      if (hit && hit.until > now) return toActor(hit.payload);
      if (hit) verified.delete(token);
      let payload: Record<string, unknown>;
      try {
        const result = await jose.jwtVerify(token, key as never, {
          issuer: auth.issuer,
          audience: auth.audience,
          algorithms: auth.algorithms,
          clockTolerance: auth.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
          currentDate: new Date(now),
        });
        payload = result.payload;
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'ERR_JWT_INVALID';
        throw new TokenRejectedError(code);
      }
      const actor = toActor(payload);
      // `exp` is required and was checked; a hit must end when the token does.
      const until = Math.min(now + VERIFIED_TTL_MS, ((payload.exp as number) + auth.clockToleranceSeconds) * 1000);
      if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
      verified.set(token, { payload, until });
      return actor;
    },
  };
}

/** How long, and for how many tokens, a verification is reused (createTokenVerifier). */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

function toActor(payload: Record<string, unknown>): Actor {
  try {
    return actorFromClaims(payload);
  } catch (err) {
    if (err instanceof InvalidClaimsError) throw new TokenRejectedError(`ERR_CLAIMS: ${err.message}`);
    throw err;
  }
}
