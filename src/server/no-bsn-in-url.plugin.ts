import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { BsnScalar } from '../shared/scalars';

const BSN = BsnScalar.name;

/** True when a Bsn can be inside a value of this type (directly, in a list or in an input object's fields). */
function carriesBsn(type: GraphQLNamedType, seen = new Set<string>()): boolean {
  if (type.name === BSN) return true;
  if (!isInputObjectType(type) || seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((f) => carriesBsn(getNamedType(f.type), seen));
}

/** Does the operation take a Bsn: a variable whose type can hold one, or a literal where a Bsn is expected? */
export function operationUsesBsn(schema: GraphQLSchema, document: Parameters<typeof visit>[0]): boolean {
  let found = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type as never) as GraphQLInputType | undefined;
        if (type && carriesBsn(getNamedType(type))) found = true;
      },
      StringValue() {
        const type = typeInfo.getInputType();
        if (type && getNamedType(type).name === BSN) found = true;
      },
    }),
  );
  return found;
}

/**
 * No BSN in a URL (NL API Design Rules: no sensitive data in URIs; URLs end up in proxy and access
 * logs and browser history). A GET request whose operation takes a Bsn, as a variable or as a literal
 * argument, is refused with BAD_REQUEST before anything is resolved; send it in a POST body instead.
 */
export function noBsnInUrlPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== 'GET') return;
      return {
        async didResolveOperation({ schema, document }) {
          if (operationUsesBsn(schema, document)) {
            throw new GraphQLError('a BSN must not be sent in a URL: send this operation with POST, the BSN in the request body', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
