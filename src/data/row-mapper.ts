import { ReferenceKind, type Collection, type EntityMetadata, type EntityName, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;
type Mapper = (row: Row, prefix: string) => Record<string, unknown>;

const mappers = new WeakMap<EntityMetadata, Mapper>();

/**
 * A read-only view of an entity built from a plain database row: every persisted scalar property
 * under its property name, converted as MikroORM's hydration converts it (custom types such as
 * MoneyType → Decimal), embeddables as plain objects, and each many-to-one / owning one-to-one as
 * `{ id }`. No entity instance, no identity map, no change tracking: for read paths that only turn
 * rows into GraphQL objects (the `XNode.from` functions read properties and relation ids only).
 * `test/integration/row-mapper.test.ts` checks it against `em.map` for the entities it is used on.
 *
 * `prefix` selects columns selected as `<prefix><column>` (see `columnList`), for joined rows.
 */
export function mapRow<T>(em: EntityManager, entity: EntityName<T>, row: Row, prefix = ''): EntityRow<T> {
  const meta = em.getMetadata().find(entity)!;
  let mapper = mappers.get(meta);
  if (!mapper) {
    mapper = compile(meta, em.getPlatform());
    mappers.set(meta, mapper);
  }
  return mapper(row, prefix) as EntityRow<T>;
}

/** `alias.col as <prefix>col, …` for every column `mapRow` reads of the entity. */
export function columnList<T>(em: EntityManager, entity: EntityName<T>, alias: string, prefix = ''): string {
  const meta = em.getMetadata().find(entity)!;
  let lists = columnLists.get(meta);
  if (!lists) columnLists.set(meta, (lists = new Map()));
  const key = `${alias} ${prefix}`;
  let list = lists.get(key);
  if (list === undefined) {
    // numeric and bigint as text: exact in a JSON-aggregated batch too (raw-query.ts), never a JS number.
    list = columnsOf(meta)
      .map(([c, type]) => (/^(numeric|decimal|bigint|int8)/i.test(type) ? `${alias}.${c}::text as ${prefix}${c}` : prefix ? `${alias}.${c} as ${prefix}${c}` : `${alias}.${c}`))
      .join(', ');
    lists.set(key, list);
  }
  return list;
}

const columnLists = new WeakMap<EntityMetadata, Map<string, string>>();

function persisted(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter(
    (p) =>
      p.persist !== false &&
      !p.formula &&
      !p.embedded && // flattened children of an embeddable: handled through their parent
      (p.kind === ReferenceKind.SCALAR ||
        p.kind === ReferenceKind.EMBEDDED ||
        p.kind === ReferenceKind.MANY_TO_ONE ||
        (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
  );
}

/** [column, column type] of every column `mapRow` reads. */
function columnsOf(meta: EntityMetadata): Array<[string, string]> {
  const column = (p: EntityProperty): [string, string] => [p.fieldNames[0], String(p.columnTypes?.[0] ?? '')];
  return persisted(meta).flatMap((p) => (p.kind === ReferenceKind.EMBEDDED ? Object.values(p.embeddedProps).map(column) : [column(p)]));
}

/** The conversions of MikroORM's ObjectHydrator for a scalar read from the database (no timezone option set). */
function scalar(p: EntityProperty, platform: Platform): (v: unknown) => unknown {
  const type = p.customType;
  if (type) return (v) => (v === null || v === undefined ? v : type.convertToJSValue(v, platform, { mode: 'serialization' }));
  if (p.runtimeType === 'boolean') return (v) => (v === null || v === undefined ? v : !!v);
  if (p.runtimeType === 'Date') return (v) => (v === null || v === undefined || v instanceof Date ? v : new Date(v as string));
  return (v) => v;
}

function compile(meta: EntityMetadata, platform: Platform): Mapper {
  const steps: Array<(row: Row, prefix: string, out: Record<string, unknown>) => void> = [];
  for (const p of persisted(meta)) {
    if (p.kind === ReferenceKind.EMBEDDED) {
      const children = Object.values(p.embeddedProps).map((c) => ({ name: c.embedded?.[1] ?? c.name, column: c.fieldNames[0], convert: scalar(c, platform) }));
      const nullable = !!p.nullable;
      steps.push((row, prefix, out) => {
        const value: Record<string, unknown> = {};
        let any = false;
        for (const c of children) {
          const v = row[prefix + c.column];
          if (v !== null && v !== undefined) any = true;
          value[c.name] = c.convert(v);
        }
        out[p.name] = nullable && !any ? null : value;
      });
    } else if (p.kind === ReferenceKind.SCALAR) {
      const column = p.fieldNames[0];
      const convert = scalar(p, platform);
      steps.push((row, prefix, out) => {
        out[p.name] = convert(row[prefix + column]);
      });
    } else {
      const column = p.fieldNames[0];
      steps.push((row, prefix, out) => {
        const id = row[prefix + column];
        out[p.name] = id === null || id === undefined ? null : { id };
      });
    }
  }
  return (row, prefix) => {
    const out: Record<string, unknown> = {};
    for (const step of steps) step(row, prefix, out);
    return out;
  };
}

/**
 * The type of what `mapRow` returns for entity T: its properties, each relation as `{ id }`, no
 * collections or methods. An entity instance is assignable to it, so functions that take an
 * `EntityRow<T>` accept both.
 */
export type EntityRow<T> = {
  [K in keyof T as T[K] extends Collection<any> | ((...args: any[]) => any) ? never : K]: NonNullable<T[K]> extends { id: string }
    ? { id: string } | Extract<T[K], null | undefined>
    : T[K];
};
