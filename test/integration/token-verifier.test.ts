import { testClock } from '../support/clock';
import { createPublicKey } from 'node:crypto';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/shared/config';
import { createTokenVerifier, TokenRejectedError } from '../../src/auth/token-verifier';
import { createTestKeys, signToken, TEST_AUDIENCE, TEST_ISSUER, personas, type TestKeys } from '../support/tokens';

// The key sources other than the JWKS file used by the app tests: a remote JWKS URL (served here on
// loopback, as an identity provider would) and a PEM public key file.

let keys: TestKeys;
let server: http.Server;
let jwksUrl: string;
let dir: string;
let jwksRequests = 0;

beforeAll(async () => {
  keys = await createTestKeys('idp-key');
  server = http.createServer((req, res) => {
    jwksRequests++;
    if (req.url !== '/.well-known/jwks.json') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.jwks));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'verifier-'));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

const env = { AUTH_ISSUER: TEST_ISSUER, AUTH_AUDIENCE: TEST_AUDIENCE };

it('verifies against a remote JWKS URL and caches the key set', async () => {
  const config = loadConfig({ ...env, AUTH_JWKS_URL: jwksUrl });
  const verifier = await createTokenVerifier(config.auth, dir, testClock());
  const before = jwksRequests;
  for (let i = 0; i < 3; i++) {
    await expect(verifier.verify(await signToken(keys, { ...personas.medewerker }))).resolves.toMatchObject({ role: 'MEDEWERKER', employeeId: 'M12345' });
  }
  expect(jwksRequests - before).toBe(1);
  const other = await createTestKeys('idp-key');
  await expect(verifier.verify(await signToken(other, { ...personas.medewerker }))).rejects.toBeInstanceOf(TokenRejectedError);
});

it('verifies against a PEM (SPKI) public key file', async () => {
  const pem = createPublicKey({ key: keys.jwks.keys[0] as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const file = path.join(dir, 'idp.pem');
  await writeFile(file, pem);
  const verifier = await createTokenVerifier(loadConfig({ ...env, AUTH_PUBLIC_KEY_FILE: file }).auth, dir, testClock());
  await expect(verifier.verify(await signToken(keys, { ...personas.sanne }))).resolves.toMatchObject({ role: 'BURGER', bsn: '999990019' });
  await expect(verifier.verify(await signToken(keys, { ...personas.sanne }, { audience: 'x' }))).rejects.toBeInstanceOf(TokenRejectedError);
});

it('accepts HS256 only when explicitly configured, and then only with that secret', async () => {
  const secret = 's'.repeat(40);
  const verifier = await createTokenVerifier(loadConfig({ ...env, AUTH_ALGORITHMS: 'HS256', AUTH_HS_SECRET: secret }).auth, dir, testClock());
  const { SignJWT } = await import('jose');
  const sign = (s: string) =>
    new SignJWT({ ...personas.jan }).setProtectedHeader({ alg: 'HS256' }).setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime(Math.floor(testClock().now().getTime() / 1000) + 300).sign(new TextEncoder().encode(s));
  await expect(verifier.verify(await sign(secret))).resolves.toMatchObject({ bsn: '999990044' });
  await expect(verifier.verify(await sign('t'.repeat(40)))).rejects.toBeInstanceOf(TokenRejectedError);
  // and an ES256 token is refused by this HS-only verifier
  await expect(verifier.verify(await signToken(keys, { ...personas.jan }))).rejects.toBeInstanceOf(TokenRejectedError);
});

describe('a verified token is reused only while it is valid', () => {
  const pemVerifier = async () => {
    const pem = createPublicKey({ key: keys.jwks.keys[0] as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const file = path.join(dir, 'reuse.pem');
    await writeFile(file, pem);
    return createTokenVerifier(loadConfig({ ...env, AUTH_PUBLIC_KEY_FILE: file, AUTH_CLOCK_TOLERANCE_SECONDS: '0' }).auth, dir, testClock());
  };

  it('refuses a token past its exp even though it was verified before', async () => {
    const verifier = await pemVerifier();
    const token = await signToken(keys, { ...personas.sanne }, { expiresIn: 1 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'BURGER' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'BURGER' });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('gives each token its own claims, and a token with an altered signature or payload is refused', async () => {
    const verifier = await pemVerifier();
    const sanne = await signToken(keys, { ...personas.sanne });
    const jan = await signToken(keys, { ...personas.jan });
    await expect(verifier.verify(sanne)).resolves.toMatchObject({ bsn: '999990019' });
    await expect(verifier.verify(jan)).resolves.toMatchObject({ bsn: '999990044' });
    await expect(verifier.verify(sanne)).resolves.toMatchObject({ bsn: '999990019' });
    const [header, payload, signature] = sanne.split('.');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BA' : 'AA');
    await expect(verifier.verify(`${header}.${payload}.${flipped}`)).rejects.toBeInstanceOf(TokenRejectedError);
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '999990044' })).toString('base64url');
    await expect(verifier.verify(`${header}.${otherPayload}.${signature}`)).rejects.toBeInstanceOf(TokenRejectedError);
  });
});
