import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
// A dependency of @escape.tech/graphql-armor 3.2.0 (installed with it): its lexer-counting parser.
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { OperationLimits } from '../shared/config';

/**
 * `extensions.code` of every refusal by a limit. Depth, aliases, directives and tokens are checked
 * by graphql-armor (validation rules and its token-counting parser), the cost by src/server/cost.ts,
 * the rate by src/server/rate-limit.ts: all before anything is resolved, so no SQL runs for them
 * (the rate limiter's own bucket statement aside).
 */
export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];
export const LIMIT_CODES = new Set<string>(Object.values(LimitCode));

export function limitError(code: LimitCode, message: string, status = 400, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

/**
 * The limit code of an error, also when Apollo has wrapped a validation rule's error in its
 * ValidationError (which overwrites `code` with GRAPHQL_VALIDATION_FAILED but keeps the original).
 */
export function limitErrorCode(error: unknown): LimitCode | undefined {
  for (let e: unknown = error, i = 0; e instanceof GraphQLError && i < 3; e = e.originalError, i++) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && LIMIT_CODES.has(code)) return code as LimitCode;
  }
  return undefined;
}

/** The code an error is reported with: its limit code, or its own `extensions.code`. */
export function errorCode(error: GraphQLError): string {
  return limitErrorCode(error) ?? String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

const reportAs =
  (code: LimitCode) =>
  (ctx: ValidationContext | null, err: GraphQLError): void => {
    // armor prefixes "Syntax Error: "; these are not syntax errors.
    ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
  };

/**
 * graphql-armor's depth, alias and directive rules (its cost rule is off: see cost.ts), each
 * reporting with its own code, plus its field-suggestion masking in production.
 */
export function armorProtection(limits: OperationLimits, production: boolean): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] } {
  const armor = new ApolloArmor({
    costLimit: { enabled: false },
    maxTokens: { enabled: false }, // armor's Apollo token plugin turns every unexpected error into a validation error: see maxTokensPlugin
    blockFieldSuggestion: { enabled: production },
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [reportAs(LimitCode.QUERY_TOO_DEEP)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reportAs(LimitCode.TOO_MANY_ALIASES)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs(LimitCode.TOO_MANY_DIRECTIVES)] },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules: validationRules as ValidationRule[], plugins: plugins as ApolloServerPlugin[] };
}

/**
 * Counts the document's tokens with armor's lexer before Apollo parses it; over the limit the
 * request ends with TOO_MANY_TOKENS (HTTP 400). Thrown from parsingDidStart, the error reaches
 * Apollo's unexpectedErrorProcessingRequest, where this plugin passes it on unchanged (any other
 * unexpected error is left to Apollo, which masks it).
 */
export function maxTokensPlugin<T extends object>(n: number, onReject?: (ctx: T, code: LimitCode) => void): ApolloServerPlugin<T> {
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      if (limitErrorCode(error) === LimitCode.TOO_MANY_TOKENS) throw error;
    },
    async requestDidStart() {
      return {
        async parsingDidStart({ source, contextValue }) {
          if (source === undefined) return;
          let tooMany: GraphQLError | undefined;
          try {
            new MaxTokensParserWLexer(source, {
              n,
              propagateOnRejection: false,
              onReject: [
                (_ctx, err) => {
                  throw (tooMany = limitError(LimitCode.TOO_MANY_TOKENS, err.message.replace(/^Syntax Error: /, '')));
                },
              ],
            }).parseDocument();
          } catch {
            // A syntax error is reported by Apollo's own parse, with its usual code.
          }
          if (tooMany) {
            onReject?.(contextValue, LimitCode.TOO_MANY_TOKENS);
            throw tooMany;
          }
        },
      };
    },
  };
}
