// Starts ONE PostgreSQL for the whole run (embedded, unless TEST_DATABASE_URL points to a server we
// may create databases on), migrates a template database with the real migrations, and tells the
// test files where it is. Uses the compiled dist/ (npm test builds first: see "pretest").
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { startEmbeddedPostgres } = require('../dist/src/db/embedded.js');
const { Client } = require('pg');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function admin(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  const template = `toeslagen_test_template_${process.pid}`;
  let adminUrl;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toeslagen-test-pg-'));
    await chmod(dir, 0o755); // as root, postgres runs as its own user and must enter this folder
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
    globalThis.__TEST_PG__ = { pg, dir };
    adminUrl = pg.url('postgres');
  }
  await admin(adminUrl, `drop database if exists "${template}"`);
  await admin(adminUrl, `create database "${template}"`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  // Migrate in a child process with the real `migrate` command: MikroORM must not be initialised in
  // jest's own process (mikro-orm/mikro-orm#3783: later inits in the test realms then fail).
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  execFileSync(process.execPath, [path.join(root, 'dist/src/cli/migrate.js')], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: templateUrl.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  globalThis.__TEST_TEMPLATE__ = { adminUrl, template };
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
  // Every test app logs at debug level into this folder; global-teardown.mjs scans it for BSNs.
  const logDir = path.join(os.tmpdir(), `toeslagen-test-logs-${process.pid}`);
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  process.env.TEST_LOG_DIR = logDir;
}
