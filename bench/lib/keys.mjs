// A key pair for the benchmark's production-mode API: the public key goes to the API as
// AUTH_PUBLIC_KEY_FILE (PEM), tokens are signed here with the private key. Generated per run.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';

export const BENCH_ISSUER = 'urn:toeslagen:bench-idp';
export const BENCH_AUDIENCE = 'toeslagen-api';

export async function createKeys(dir) {
  await mkdir(dir, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyFile = path.join(dir, 'bench-public.pem');
  await writeFile(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  const pseudonymKey = randomBytes(32).toString('hex');
  return {
    publicKeyFile,
    pseudonymKey,
    /** Signs claims ({ role, sub, ... }) as the identity provider would. */
    sign: (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setIssuer(BENCH_ISSUER)
        .setAudience(BENCH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(privateKey),
  };
}

/** Claims per role, as src/auth/dev-tokens.ts builds them. */
export const claims = {
  medewerker: (employee) => ({ role: 'MEDEWERKER', sub: employee, employee }),
  intermediair: (org, employee) => ({ role: 'INTERMEDIAIR', sub: employee, org, employee }),
  gemeente: (code) => ({ role: 'GEMEENTE', sub: `gemeente-${code}`, gemeente: code }),
  koo: (org, lrk) => ({ role: 'KOO', sub: org, org, lrk }),
};
