// GraphQL over HTTP conformance: the graphql-http package's server audits against the running API.
// Every MUST passes; SHOULD and MAY results are listed (deviations are explained in the README and
// in docs: CSRF prevention refuses simple GET requests, a missing token is a 401).
import { serverAudits } from 'graphql-http';
import { personas } from '../support/tokens';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
let authedFetch: typeof fetch;

beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  const token = await app.token(personas.medewerker);
  // The audits need successful requests: every request carries a valid token.
  authedFetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
});
afterAll(async () => {
  await app?.close();
});

it('passes every MUST of the GraphQL over HTTP audits (SHOULD/MAY listed)', async () => {
  const results: Array<{ id: string; name: string; status: string; reason?: string }> = [];
  for (const audit of serverAudits({ url: app.url, fetchFn: authedFetch })) {
    const r = await audit.fn();
    results.push({ id: audit.id, name: audit.name, status: r.status, ...(r.status !== 'ok' ? { reason: r.reason } : {}) });
  }
  const notOk = results.filter((r) => r.status !== 'ok');
  if (notOk.length) {
    // Shown on every run so the list of deliberate deviations stays visible.
    console.info(`graphql-http audits not ok (${notOk.length} of ${results.length}):\n` + notOk.map((r) => `${r.name}: ${r.reason}`).join('\n'));
  }
  const mustFailures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
  expect(mustFailures.map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
  expect(results.length).toBeGreaterThan(30);
});
