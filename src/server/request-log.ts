import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { RequestContext } from '../modules/context';
import { errorCode, LimitCode } from './limits';
import { maskBsns, type Logger } from './logger';
import type { ApiMetrics } from './metrics';
import type { CostReport } from './rate-limit';

/** What one GraphQL HTTP request did, filled in as it goes and logged once when the response is sent. */
export interface RequestRecord {
  started: bigint;
  traceId?: string;
  role?: string;
  operationName?: string | null;
  operationType?: string;
  errorCodes: string[];
  cost?: CostReport;
  /** True once Apollo ran the request pipeline (not for the IDE page, CSRF refusals etc.). */
  graphql: boolean;
}

/**
 * The record rides on the GraphQL context under a symbol: Apollo copies the context object per
 * operation (own properties, symbols included), so a WeakMap keyed by it would miss.
 */
const RECORD = Symbol('requestRecord');
const records = {
  get: (ctx: object) => (ctx as { [RECORD]?: RequestRecord })[RECORD],
  set: (ctx: object, r: RequestRecord) => {
    Object.defineProperty(ctx, RECORD, { value: r, enumerable: true });
  },
};

export function recordOf(res: Response): RequestRecord {
  let r = res.locals.requestRecord as RequestRecord | undefined;
  if (!r) {
    r = { started: process.hrtime.bigint(), errorCodes: [], graphql: false };
    res.locals.requestRecord = r;
  }
  return r;
}

/** Links the request's GraphQL context to its record, for the plugin below. */
export function bindRecord(ctx: object, res: Response): void {
  records.set(ctx, recordOf(res));
}

export function noteError(res: Response, err: unknown): void {
  const code = (err as GraphQLError | undefined)?.extensions?.code;
  recordOf(res).errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
}

/**
 * One JSON log line per GraphQL request (operation name and type, outcome, duration, error codes,
 * role, trace id, cost) and the request metrics. Never variables, tokens or a BSN: the operation
 * name is the client's own text, so its 9-digit runs are masked.
 */
export function requestLog(logger: Logger, metrics: ApiMetrics): RequestHandler {
  return (_req, res, next) => {
    const record = recordOf(res);
    res.on('finish', () => {
      const failed = record.errorCodes.length > 0 || res.statusCode >= 400;
      if (!record.graphql && !failed) return; // not a GraphQL request (e.g. the IDE page)
      const seconds = Number(process.hrtime.bigint() - record.started) / 1e9;
      const outcome = failed ? 'error' : 'ok';
      metrics.observe(record.operationName, outcome, seconds, record.errorCodes);
      logger.info(
        {
          traceId: record.traceId,
          operationName: record.operationName ? maskBsns(record.operationName) : null,
          operationType: record.operationType,
          outcome,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
          errorCodes: record.errorCodes,
          role: record.role ?? null,
          cost: record.cost?.requestedQueryCost,
        },
        'graphql request',
      );
    });
    next();
  };
}

/** Fills the record from Apollo's view of the request. */
export function requestRecordPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = records.get(contextValue);
      if (record) {
        record.graphql = true;
        record.role = contextValue.actor?.role;
        record.traceId = contextValue.trace?.traceId;
      }
      return {
        // Named already for requests refused in validation (before the operation is resolved).
        async validationDidStart({ document, request }) {
          if (!record) return;
          const op = getOperationAST(document, request.operationName);
          record.operationName = op?.name?.value ?? request.operationName ?? null;
          record.operationType = op?.operation;
        },
        async didResolveOperation({ operationName, operation }) {
          if (!record) return;
          record.operationName = operationName;
          record.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          if (record) for (const e of errors) record.errorCodes.push(errorCode(e));
        },
      };
    },
  };
}

export function recordCost(ctx: object, report: CostReport): void {
  const record = records.get(ctx);
  if (record) record.cost = report;
}

export function recordRejection(ctx: object, code: string): void {
  const record = records.get(ctx);
  if (record) record.errorCodes.push(code);
}

/**
 * JSON errors for bodies express.json refuses: too large (413, PAYLOAD_TOO_LARGE) or not JSON
 * (400, BAD_REQUEST), instead of express's HTML error page.
 */
export function bodyErrors(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    const e = err as { type?: string; status?: number; limit?: number };
    if (e?.type === 'entity.too.large') {
      noteError(res, { extensions: { code: LimitCode.PAYLOAD_TOO_LARGE } });
      res.status(413).json({ errors: [{ message: `the request body is larger than ${e.limit} bytes`, extensions: { code: LimitCode.PAYLOAD_TOO_LARGE } }] });
      return;
    }
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string') {
      noteError(res, { extensions: { code: 'BAD_REQUEST' } });
      res.status(e.status).json({ errors: [{ message: 'the request body could not be read as JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next(err);
  };
}
