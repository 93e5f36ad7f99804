// Small helpers over an introspection result (graphql's introspectionFromSchema shape).

export function typeByName(introspection, name) {
  return introspection.__schema.types.find((t) => t.name === name) ?? null;
}

export function rootType(introspection, kind) {
  const name = kind === 'Mutation' ? introspection.__schema.mutationType?.name : introspection.__schema.queryType?.name;
  return name ? typeByName(introspection, name) : null;
}

/** The root field `field` (a name, or a RegExp matched against the names) of Query or Mutation, or null. */
export function rootField(introspection, kind, field) {
  const root = rootType(introspection, kind);
  if (!root?.fields) return null;
  return root.fields.find((f) => (field instanceof RegExp ? field.test(f.name) : f.name === field)) ?? null;
}

/** The named type under NON_NULL / LIST wrappers, and whether a LIST was passed. */
export function unwrap(ref) {
  let list = false;
  while (ref.ofType) {
    if (ref.kind === 'LIST') list = true;
    ref = ref.ofType;
  }
  return { name: ref.name, kind: ref.kind, list };
}

const isLeaf = (kind) => kind === 'SCALAR' || kind === 'ENUM';
const needsArgs = (f) => f.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);

/**
 * A selection of every field of an object type that needs no arguments: leaves directly, objects
 * (and lists of objects) with their own leaves, `depth` levels deep. Used by the optional
 * scenarios, whose types are defined by other modules than this benchmark.
 */
export function selectAll(introspection, typeName, depth = 1) {
  const type = typeByName(introspection, typeName);
  const parts = [];
  for (const f of type?.fields ?? []) {
    if (needsArgs(f)) continue;
    const t = unwrap(f.type);
    if (isLeaf(t.kind)) parts.push(f.name);
    else if (depth > 0 && t.kind === 'OBJECT') {
      const inner = selectAll(introspection, t.name, depth - 1);
      if (inner) parts.push(`${f.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}
