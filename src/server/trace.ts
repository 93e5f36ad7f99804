import { randomBytes } from 'node:crypto';

/** W3C Trace Context for one request: the caller's trace is continued when a valid traceparent comes in. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function traceFromHeader(header: string | undefined): TraceContext {
  const spanId = randomBytes(8).toString('hex');
  const m = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  // Version ff is invalid; all-zero trace or parent ids are invalid (W3C Trace Context §3.2).
  if (m && m[1] !== 'ff' && !/^0+$/.test(m[2]) && !/^0+$/.test(m[3])) {
    return { traceId: m[2], spanId, parentSpanId: m[3], sampled: (parseInt(m[4], 16) & 1) === 1 };
  }
  return { traceId: randomBytes(16).toString('hex'), spanId, parentSpanId: null, sampled: false };
}

/** The traceparent of this request's own span, returned to the caller. */
export function toTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}
