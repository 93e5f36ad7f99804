import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadJose, type Jose } from '../../src/auth/jose';
import { testClock } from './clock';

export const TEST_ISSUER = 'https://idp.test.example';
export const TEST_AUDIENCE = 'toeslagen-api-test';

export type SigningKey = Awaited<ReturnType<Jose['generateKeyPair']>>['privateKey'];

export interface TestKeys {
  jwks: { keys: Record<string, unknown>[] };
  privateKey: SigningKey;
  kid: string;
}

export async function createTestKeys(kid = 'test-key-1'): Promise<TestKeys> {
  const jose = await loadJose();
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  return { jwks: { keys: [{ ...(await jose.exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }, privateKey, kid };
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  key?: SigningKey;
  kid?: string;
  /** Signed as of this moment (the test app's clock); default the test's pinned date. */
  now?: Date;
}

export async function signToken(keys: TestKeys, claims: JWTPayload, o: SignOptions = {}): Promise<string> {
  const jose = await loadJose();
  const now = Math.floor((o.now ?? testClock().now()).getTime() / 1000);
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? keys.kid, typ: 'JWT' })
    .setIssuer(o.issuer ?? TEST_ISSUER)
    .setAudience(o.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expiresIn ?? 600))
    .sign(o.key ?? keys.privateKey);
}

/** The claims of each role's demo persona (src/db/demo-data.ts). */
export const personas = {
  sanne: { role: 'BURGER', sub: '999990019' },
  ahmed: { role: 'BURGER', sub: '999990020' },
  jan: { role: 'BURGER', sub: '999990044' },
  fatima: { role: 'BURGER', sub: '999990056' },
  /** A valid BSN that belongs to no household. */
  stranger: { role: 'BURGER', sub: '999990068' },
  medewerker: { role: 'MEDEWERKER', sub: 'M12345', employee: 'M12345' },
  intermediair: { role: 'INTERMEDIAIR', sub: 'SR-001', org: 'KVK:87654321', employee: 'SR-001' },
  gemeente: { role: 'GEMEENTE', sub: 'gemeente-0193', gemeente: '0193' },
  koo: { role: 'KOO', sub: 'KVK:11223344', org: 'KVK:11223344', lrk: ['123456789'] },
} as const;
