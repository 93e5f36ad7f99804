import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../shared/paths';
import { printCommittedSchema } from '../server/schema';
import { fail, parse } from './args';

export const SCHEMA_FILE = path.join(projectRoot, 'schema', 'schema.graphql');

async function main() {
  const v = parse({ write: { type: 'boolean' }, check: { type: 'boolean' } });
  const sdl = await printCommittedSchema();
  if (v.write) {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(projectRoot, SCHEMA_FILE)}`);
    return;
  }
  if (v.check) {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== sdl) fail('schema/schema.graphql is stale: run `npm run schema:generate` and commit the result');
    console.log('schema/schema.graphql is up to date');
    return;
  }
  fail('usage: schema.js --write | --check');
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
