import { codes, startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

// NODE_ENV=production: no introspection, masked errors with a trace id, security headers.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { NODE_ENV: 'production' } });
});
afterAll(() => app.close());

const version = (require('../../package.json') as { version: string }).version;

it('refuses introspection unless GRAPHQL_INTROSPECTION=true', async () => {
  const r = await app.gql('{ __schema { queryType { name } } }', undefined, await app.token({ ...personas.medewerker }));
  expect(r.status).toBe(400);
  expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(r.data).toBeUndefined();

  const open = await startTestApp({ env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, demoData: false });
  try {
    const ok = await open.gql<{ __schema: { queryType: { name: string } } }, never>('{ __schema { queryType { name } } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.__schema.queryType.name).toBe('Query');
  } finally {
    await open.close();
  }
});

it('masks an unexpected error (no stack, no SQL, no detail) but returns its trace id, under which the log has the full error', async () => {
  // Break the database under the API: the next household query fails inside PostgreSQL.
  await app.em().getConnection().execute('alter table household_member rename to household_member_gone');
  try {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const r = await app.gql('{ myHousehold { members { rol } } }', undefined, await app.token({ ...personas.sanne }), {
      traceparent: `00-${trace}-00f067aa0ba902b7-01`,
    });
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    const error = r.errors![0];
    expect(error.message).toBe('internal error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', traceId: trace });
    const text = JSON.stringify(r.errors);
    expect(text).not.toMatch(/household_member|select|stack|relation/i);

    const lines = await app.logLines();
    const logged = lines.find((l) => l.msg === 'unexpected error' && l.traceId === trace) as { err: { message: string } } | undefined;
    expect(logged).toBeDefined();
    expect(logged!.err.message).toMatch(/household_member/);
    // and the request line under the same trace id
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'graphql request', traceId: trace, outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] }));
  } finally {
    await app.em().getConnection().execute('alter table household_member_gone rename to household_member');
  }
});

it('sends the security headers and API-Version on every response', async () => {
  const r = await app.gql('{ viewer { role } }', undefined, await app.token({ ...personas.medewerker }));
  const unauth = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { role } }"}' });
  const metrics = await fetch(app.url.replace('/graphql', '/metrics'));
  const missing = await fetch(app.url.replace('/graphql', '/nothing-here'));
  const health = await fetch(app.url.replace('/graphql', '/healthz'));
  for (const headers of [r.headers, unauth.headers, metrics.headers, health.headers, missing.headers]) {
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    // express's own 404 page replaces the CSP with its stricter "default-src 'none'"
    if (headers !== missing.headers) expect(headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('api-version')).toBe(version);
  }
});

it('keeps CSRF prevention on', async () => {
  const res = await fetch(`${app.url}?query=${encodeURIComponent('{ viewer { role } }')}`);
  expect(res.status).toBe(400);
});
