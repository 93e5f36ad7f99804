import type { Client } from 'pg';

/**
 * Bulk-load DDL, the way pg_restore loads a dump: rows first, then the secondary indexes and the
 * foreign keys. Building an index once is much cheaper than maintaining it row by row, and adding a
 * foreign key checks all rows with one join instead of one lookup per row. The definitions are read
 * from the catalog (pg_get_indexdef / pg_get_constraintdef), so whatever the migrations define is
 * restored exactly, under the same names. Everything runs inside the seed's transaction: nobody
 * sees the tables without their constraints, and a violation aborts the whole seed.
 * Primary keys and unique constraints stay in place throughout.
 */
export interface DeferredDdl {
  indexes: { name: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
}

export async function dropSecondaryIndexesAndForeignKeys(client: Client, tables: readonly string[]): Promise<DeferredDdl> {
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as "table", quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.contype = 'f' and c.conrelid = any($1::regclass[])
      order by 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
      order by 1`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const ix of indexes) await client.query(`drop index ${ix.name}`);
  return { indexes, foreignKeys };
}

export async function restoreIndexesAndForeignKeys(client: Client, ddl: DeferredDdl, log: (line: string) => void): Promise<void> {
  for (const ix of ddl.indexes) {
    const t0 = performance.now();
    await client.query(ix.def);
    log(`  index ${ix.name} (${Math.round(performance.now() - t0)} ms)`);
  }
  for (const fk of ddl.foreignKeys) {
    const t0 = performance.now();
    await client.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.def}`);
    log(`  foreign key ${fk.name} (${Math.round(performance.now() - t0)} ms)`);
  }
}
