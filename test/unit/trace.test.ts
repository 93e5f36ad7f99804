import { toTraceparent, traceFromHeader } from '../../src/shared/trace';

describe('trace ids', () => {
  it('are fresh, well-formed and never repeat across pool refills', () => {
    const traces = Array.from({ length: 2000 }, () => traceFromHeader(undefined)); // 48 KB of ids: many pool refills
    expect(new Set(traces.map((t) => t.traceId)).size).toBe(traces.length);
    expect(new Set(traces.map((t) => t.spanId)).size).toBe(traces.length);
    for (const t of traces) expect(toTraceparent(t)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('continue a valid incoming trace with a new span, and ignore invalid ones', () => {
    const t = traceFromHeader('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(t).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7', sampled: true });
    expect(t.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.spanId).not.toBe('00f067aa0ba902b7');
    for (const bad of ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', 'garbage']) {
      expect(traceFromHeader(bad).parentSpanId).toBeNull();
    }
  });
});
