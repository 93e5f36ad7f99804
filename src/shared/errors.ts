import { GraphQLError } from 'graphql';

/**
 * Failure codes carried in `extensions.code` of GraphQL errors. Expected business outcomes of a
 * mutation are not errors: they go in the payload's `userErrors`.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** A GEMEENTE whose gemeente does not take part in the vroegsignalering experiment today (domain.md §4). */
  GEMEENTE_NEEMT_NIET_DEEL = 'GEMEENTE_NEEMT_NIET_DEEL',
  /**
   * A calculation query for a date before the first version of a norm it needs; extensions carry
   * `field`, `beschikbaarVanaf` (the first possible date, or null) and `normen` (the missing codes).
   * Mutations report the same case as the userError NORM_ONBEKEND.
   */
  NORM_ONBEKEND = 'NORM_ONBEKEND',
}

const HTTP_STATUS: Record<ErrorCode, number | undefined> = {
  // A bad or missing token is answered with 401 so clients know to re-authenticate.
  [ErrorCode.UNAUTHENTICATED]: 401,
  // The others are field-level outcomes inside a 200 response (GraphQL over HTTP, application/json).
  [ErrorCode.FORBIDDEN]: undefined,
  [ErrorCode.NOT_FOUND]: undefined,
  [ErrorCode.BAD_USER_INPUT]: undefined,
  [ErrorCode.INTERNAL_SERVER_ERROR]: undefined,
  [ErrorCode.GEMEENTE_NEEMT_NIET_DEEL]: undefined,
  [ErrorCode.NORM_ONBEKEND]: undefined,
};

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
  }
}

export const unauthenticated = (message = 'a valid bearer token is required') =>
  new ApiError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string) => new ApiError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: string) => new ApiError(ErrorCode.NOT_FOUND, message);
export const badInput = (message: string, field?: string) =>
  new ApiError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const gemeenteNeemtNietDeel = (message: string) => new ApiError(ErrorCode.GEMEENTE_NEEMT_NIET_DEEL, message);
