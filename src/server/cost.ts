import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../shared/connection';

/**
 * The cost of an operation (GitHub/Shopify style), computed from the validated document before
 * anything is resolved:
 * - a leaf field (scalar, enum) and `__typename` cost 0;
 * - an object (or list of objects) field costs 1 plus the cost of its selection;
 * - a connection, any field with a `first` argument, costs 1 plus `first` times the cost of its
 *   selection (`first` from the literal, the variables or the argument's default; absent means the
 *   default page size of 20, as src/shared/connection.ts pages).
 * Nested connections therefore multiply: `households(first: 100) { nodes { schulden(first: 100) {
 * nodes { id } } } }` costs 1 + 100 × (1 + 1 + 100 × (1 + 1)) = 20,201.
 * Fragments and inline fragments are counted as if written in place; `@skip`/`@include` are
 * ignored (an upper bound). armor's cost-limit cannot do this: it reads `first` only from literals,
 * has no default page size and weighs depth instead.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  defaultPageSize = DEFAULT_PAGE_SIZE,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  const selectionCost = (type: GraphQLCompositeType, set: SelectionSetNode, visiting: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        total += fieldCost(type, sel, visiting);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (cond && isCompositeType(cond)) total += selectionCost(cond, sel.selectionSet, visiting);
      } else {
        const frag = fragments.get(sel.name.value);
        // Validation rejects fragment cycles; the guard only keeps a bad document from looping.
        if (!frag || visiting.has(frag.name.value)) continue;
        const cond = schema.getType(frag.typeCondition.name.value);
        if (cond && isCompositeType(cond)) {
          visiting.add(frag.name.value);
          total += selectionCost(cond, frag.selectionSet, visiting);
          visiting.delete(frag.name.value);
        }
      }
    }
    return total;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode, visiting: Set<string>): number => {
    const name = node.name.value;
    if (name === '__typename' || !node.selectionSet) return 0;
    const def = fieldDef(schema, parent, name);
    if (!def) return 0;
    const type = getNamedType(def.type);
    if (!isCompositeType(type)) return 0;
    const inner = selectionCost(type, node.selectionSet, visiting);
    const firstArg = def.args.find((a) => a.name === 'first');
    if (!firstArg) return 1 + inner;
    const given = node.arguments?.find((a) => a.name.value === 'first');
    const value = given ? valueFromAST(given.value, firstArg.type, variables) : firstArg.defaultValue;
    const first = typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : defaultPageSize;
    return 1 + first * inner;
  };

  return selectionCost(root, operation.selectionSet, new Set());
}

function fieldDef(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === '__type' && parent === schema.getQueryType()) return TypeMetaFieldDef as GraphQLField<unknown, unknown>;
  // Objects and interfaces have fields; unions only __typename (handled by the caller).
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}
