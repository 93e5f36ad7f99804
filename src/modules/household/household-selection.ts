import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { HouseholdPrefetch, PageArgs } from './household.service';

/**
 * The child fields of the household being resolved that can be prefetched with it
 * (household.service.ts prefetchHouseholdFields), read from the operation. Selections through
 * fragments on Household count; a selection with a directive or a filter argument, or with invalid
 * arguments, is left to its resolver, which then loads on its own (and reports the error).
 */
export function householdPrefetches(info: GraphQLResolveInfo): HouseholdPrefetch[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  const fields = type.getFields();
  // The household's field selections, through fragment spreads and inline fragments on the type.
  const nodes: FieldNode[] = [];
  const collect = (set: SelectionSetNode | undefined, depth: number) => {
    for (const node of set?.selections ?? []) {
      if (node.directives?.length || depth > 10) continue;
      if (node.kind === Kind.FIELD) nodes.push(node);
      else if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[node.name.value];
        if (fragment?.typeCondition.name.value === type.name) collect(fragment.selectionSet, depth + 1);
      } else if (!node.typeCondition || node.typeCondition.name.value === type.name) collect(node.selectionSet, depth + 1);
    }
  };
  for (const fieldNode of info.fieldNodes) collect(fieldNode.selectionSet, 0);
  const prefetch: HouseholdPrefetch[] = [];
  for (const node of nodes) {
    const field = fields[node.name.value];
    if (!field) continue;
    let args: PageArgs & { filter?: unknown };
    try {
      args = getArgumentValues(field, node, info.variableValues) as PageArgs & { filter?: unknown };
    } catch {
      continue;
    }
    if (args.filter != null) continue;
    const page = { first: args.first, after: args.after };
    switch (field.name) {
      case 'members':
      case 'schuldenOverzicht':
        prefetch.push({ field: field.name });
        break;
      case 'toeslagen':
      case 'schulden':
      case 'betalingsregelingen':
        prefetch.push({ field: field.name, page });
        break;
    }
  }
  return prefetch;
}
