import { startTestApp, type TestApp } from '../support/app';
import { personas } from '../support/tokens';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { LIMIT_MAX_DEPTH: '3' } });
});
afterAll(() => app.close());

const metrics = async () => {
  const res = await fetch(app.url.replace('/graphql', '/metrics'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
};

it('exposes request counts, latency, error codes, pool use and process metrics in Prometheus format', async () => {
  const token = await app.token({ ...personas.medewerker });
  await app.gql('query Who { viewer { role } }', undefined, token);
  await app.gql('query Who { viewer { role } }', undefined, token);
  await app.gql('query Who { viewer { role } }'); // unauthenticated: viewer refuses
  await app.gql('query Deep { households { nodes { schulden { nodes { toeslag { id } } } } } }', undefined, token);
  const text = await metrics();
  expect(text).toMatch(/^graphql_requests_total\{operation="Who",outcome="ok"\} 2$/m);
  expect(text).toMatch(/^graphql_requests_total\{operation="Who",outcome="error"\} 1$/m);
  expect(text).toMatch(/^graphql_requests_total\{operation="Deep",outcome="error"\} 1$/m);
  expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="Who",outcome="ok"\} 2$/m);
  expect(text).toMatch(/^graphql_request_duration_seconds_bucket\{le="0\.1",operation="Who",outcome="ok"\} \d+$/m);
  expect(text).toMatch(/^graphql_errors_total\{code="UNAUTHENTICATED"\} 1$/m);
  expect(text).toMatch(/^graphql_errors_total\{code="QUERY_TOO_DEEP"\} 1$/m);
  expect(text).toMatch(/^db_pool_connections\{state="used"\} \d+$/m);
  expect(text).toMatch(/^db_pool_connections\{state="free"\} \d+$/m);
  expect(text).toMatch(/^db_pool_connections\{state="pending"\} \d+$/m);
  expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
});

it('logs one line per GraphQL request without variables, tokens or BSNs', async () => {
  const token = await app.token({ ...personas.medewerker });
  const trace = 'aaaabbbbccccddddeeeeffff00001111';
  await app.gql('query ByBsn($bsn: Bsn!) { householdByBsn(bsn: $bsn) { id } }', { bsn: '999990044' } as never, token, {
    traceparent: `00-${trace}-00f067aa0ba902b7-01`,
  });
  const lines = (await app.logLines()).filter((l) => l.msg === 'graphql request' && l.traceId === trace);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ operationName: 'ByBsn', operationType: 'query', outcome: 'ok', errorCodes: [], role: 'MEDEWERKER', status: 200 });
  expect(typeof lines[0].durationMs).toBe('number');
  const text = JSON.stringify(lines[0]);
  expect(text).not.toContain('999990044');
  expect(text).not.toContain(token);
  expect(text).not.toMatch(/variables/);
});
