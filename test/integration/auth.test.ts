import { loadJose } from '../../src/auth/jose';
import { ViewerDocument } from '../generated/graphql';
import { codes, startTestApp, type TestApp } from '../support/app';
import { personas, TEST_AUDIENCE, TEST_ISSUER } from '../support/tokens';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
});
afterAll(() => app.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function expectUnauthenticated(auth: string | null) {
  const r = await app.gql(ViewerDocument, {}, auth);
  expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  expect(r.status).toBe(401);
  expect(r.data?.viewer ?? null).toBeNull();
}

describe('authentication', () => {
  it('accepts a valid token for every role and maps its claims to the actor', async () => {
    const expectations = [
      [personas.sanne, { role: 'BURGER', organisationId: null, employeeId: null, gemeentecode: null, lrkNumbers: [] }],
      [personas.intermediair, { role: 'INTERMEDIAIR', organisationId: 'KVK:87654321', employeeId: 'SR-001' }],
      [personas.gemeente, { role: 'GEMEENTE', gemeentecode: '0193' }],
      [personas.koo, { role: 'KOO', organisationId: 'KVK:11223344', lrkNumbers: ['123456789'] }],
      [personas.medewerker, { role: 'MEDEWERKER', employeeId: 'M12345' }],
    ] as const;
    for (const [claims, viewer] of expectations) {
      const r = await app.gql(ViewerDocument, {}, await app.token({ ...claims }));
      expect(r.errors).toBeUndefined();
      expect(r.data?.viewer).toMatchObject(viewer);
    }
  });

  it('refuses a request without a token', () => expectUnauthenticated(null));

  it('refuses an expired token', async () => {
    await expectUnauthenticated(await app.token({ ...personas.sanne }, { expiresIn: -120 }));
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthenticated(await app.token({ ...personas.sanne }, { issuer: 'https://evil.example' }));
  });

  it('refuses a token for another audience', async () => {
    await expectUnauthenticated(await app.token({ ...personas.sanne }, { audience: 'another-api' }));
  });

  it('refuses alg "none" (unsigned token)', async () => {
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const payload = { ...personas.sanne, iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now, exp: now + 600 };
    await expectUnauthenticated(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
  });

  it('refuses a tampered token (payload changed to another BSN, signature kept)', async () => {
    const [header, payload, signature] = (await app.token({ ...personas.sanne })).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    await expectUnauthenticated(`${header}.${b64({ ...claims, sub: personas.jan.sub })}.${signature}`);
  });

  it('refuses a token signed by an unknown key, even with the right kid', async () => {
    const { privateKey } = await (await loadJose()).generateKeyPair('ES256');
    await expectUnauthenticated(await app.token({ ...personas.sanne }, { key: privateKey }));
  });

  it('refuses HS256 signed with the public key as secret (algorithm confusion)', async () => {
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const secret = new TextEncoder().encode(JSON.stringify(app.keys.jwks.keys[0]));
    const forged = await new (await loadJose()).SignJWT({ ...personas.sanne })
      .setProtectedHeader({ alg: 'HS256', kid: app.keys.kid })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime(now + 600)
      .sign(secret);
    await expectUnauthenticated(forged);
  });

  it('refuses a token whose claims do not fit its role', async () => {
    await expectUnauthenticated(await app.token({ role: 'BURGER', sub: '999990018' })); // fails the 11-proef
    await expectUnauthenticated(await app.token({ role: 'ADMIN', sub: 'x' }));
    await expectUnauthenticated(await app.token({ role: 'GEMEENTE', sub: 'g', gemeente: '193' }));
    await expectUnauthenticated(await app.token({ role: 'KOO', sub: 'k', org: 'KVK:1', lrk: [] }));
    await expectUnauthenticated(await app.token({ role: 'INTERMEDIAIR', sub: 'i', org: 'KVK:1' })); // no employee
  });

  it('refuses a token without an expiry', async () => {
    const token = await new (await loadJose()).SignJWT({ ...personas.sanne })
      .setProtectedHeader({ alg: 'ES256', kid: app.keys.kid })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .sign(app.keys.privateKey);
    await expectUnauthenticated(token);
  });

  it('refuses an Authorization header that is not "Bearer <JWT>"', async () => {
    await expectUnauthenticated('Basic dXNlcjpwYXNz');
    await expectUnauthenticated('Bearer not-a-jwt');
  });
});
