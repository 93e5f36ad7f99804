import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { scanDir, describeFindings } = require('./support/log-scan.cjs');

export default async function globalTeardown() {
  const t = globalThis.__TEST_TEMPLATE__;
  if (t && process.env.TEST_DATABASE_URL) {
    const client = new Client({ connectionString: t.adminUrl });
    await client.connect();
    await client.query(`drop database if exists "${t.template}" with (force)`);
    await client.end();
  }
  const e = globalThis.__TEST_PG__;
  if (e) {
    await e.pg.stop();
    await rm(e.dir, { recursive: true, force: true });
  }
  // No BSN in any log line of the whole run: fail it, naming file and line (never the number).
  const logDir = process.env.TEST_LOG_DIR;
  if (logDir) {
    const findings = scanDir(logDir);
    if (findings.length) throw new Error(`${describeFindings(findings)}\n(the logs are kept in ${logDir})`);
    await rm(logDir, { recursive: true, force: true });
  }
}
