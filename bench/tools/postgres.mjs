// Keeps the benchmark's embedded PostgreSQL running until Ctrl-C / SIGTERM, for running
// `npm run bench -- --pg-admin-url postgres://postgres:postgres@localhost:54339/postgres` and
// bench/tools/profile.mjs against one server. usage: node bench/tools/postgres.mjs [--port 54339]
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values: v } = parseArgs({ options: { port: { type: 'string', default: '54339' }, 'data-dir': { type: 'string', default: path.join(BENCH, 'data') } } });
const { startEmbeddedPostgres } = require(path.join(path.dirname(BENCH), 'dist', 'src', 'db', 'embedded.js'));
const pg = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(v['data-dir']), 'postgres'), port: Number(v.port), persistent: true });
console.log(`PostgreSQL ready: ${pg.url('postgres')}`);
const stop = () => void pg.stop().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
