import { raw, type FilterQuery } from '@mikro-orm/core';

/** Appends a bind parameter and returns its placeholder (`Params#p`: `$n`). */
export interface Binder {
  p(value: unknown, cast?: string): string;
}

/**
 * A condition on rows, written once as SQL with bind parameters over one key column (a household
 * id, a gemeentecode, a KOO organisation id): the single form in which reach is expressed. Hand-written
 * statements render it with `sql` (`$n` placeholders through `Params`); MikroORM queries take the same
 * text as a raw where-condition through `filter`, so there is no second form to keep equal.
 * Values always travel as bind parameters, never in the SQL text.
 */
export class RowCondition {
  /** Every row (an unrestricted reach). */
  static readonly ALL = new RowCondition(() => 'true');
  /** No row. */
  static readonly NONE = new RowCondition(() => 'false');

  constructor(private readonly render: (column: string, bind: Binder) => string) {}

  /** The condition on `column` (an SQL expression, e.g. `e.household_id`), its values added to `params`. */
  sql(column: string, params: Binder): string {
    return this.render(column, params);
  }

  /**
   * A binder for statements run through MikroORM/knex (`?` placeholders), its values appended to
   * `values`. MikroORM spreads an array parameter into a list, so an array travels as one array
   * literal instead (cast it, e.g. `::text[]`, as every array placeholder here is).
   */
  static questionMarks(values: unknown[]): Binder {
    return { p: (value, cast) => (values.push(Array.isArray(value) ? arrayLiteral(value) : value), cast ? `?::${cast}` : '?') };
  }

  /**
   * The same condition as a MikroORM filter on the queried entity, over `column` of its own table
   * (qualified with the query's alias by MikroORM). Combine with `$and`.
   */
  filter<T = unknown>(column: string): FilterQuery<T> {
    const values: unknown[] = [];
    const text = this.render('\u0000', RowCondition.questionMarks(values));
    const [before, ...rest] = text.split('\u0000');
    const fragment = raw((alias: string) => [before, ...rest].join(`${alias}.${column}`), values);
    return { [fragment]: [] } as unknown as FilterQuery<T>;
  }
}

/** A PostgreSQL array literal (`{"a","b"}`) of scalar values; cast it (e.g. `::text[]`) where it is used. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
