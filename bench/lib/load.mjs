// One measurement with autocannon: fixed concurrency, a warm-up that is not counted, then
// `duration` seconds; every response body is checked for GraphQL errors (counted as mismatches).
import autocannon from 'autocannon';

/**
 * url is the origin; request(i) gives { path, headers?, body } for request number i, so the load
 * rotates over many ids and identities. Returns latency percentiles (ms), throughput and counts.
 */
export function measure({ url, path, request, connections, duration, warmup }) {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: url + path,
        connections,
        duration,
        warmup: warmup > 0 ? { connections, duration: warmup } : undefined,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const r = request(i++);
              return { ...req, path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
            },
          },
        ],
        verifyBody: (b) => !b.includes('"errors"'),
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          connections,
          durationSeconds: r.duration,
          requests: r.requests.total,
          throughputRps: r.requests.average,
          latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
          bytesPerSecond: r.throughput.average,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          graphqlErrors: r.mismatches,
        });
      },
    );
    instance.on('error', reject);
  });
}

/** A rotating picker over a list (request i gets item i mod n). */
export function rotate(items) {
  let i = 0;
  return () => items[i++ % items.length];
}
