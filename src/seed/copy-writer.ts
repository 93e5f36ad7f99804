import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { TABLES, type TableName } from './copy-format';

/** CopyData messages of at most this size, so PostgreSQL can start on a table while the rest arrives. */
const PIECE = 256 * 1024;

/**
 * Streams one table's rows (COPY text format) into PostgreSQL; resolves with the row count the
 * server reports. With `freeze`, rows are written frozen (the table must have been truncated in
 * this transaction): no hint-bit rewrite or freeze vacuum of the whole data set later.
 */
export function copyRows(client: Client, table: TableName, data: Buffer, freeze: boolean): Promise<number> {
  const columns = TABLES[table].map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`));
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve(stream.rowCount));
    for (let at = 0; at < data.length; at += PIECE) stream.write(data.subarray(at, Math.min(at + PIECE, data.length)));
    stream.end();
  });
}
