// The raw-SQL floor server: express 5 and node-postgres, one process like our API, one SQL
// statement per request that returns the finished JSON (bench/floor/sql.mjs). No authentication,
// authorization, access log, rate limit or GraphQL: the practical limit for this query shape.
// Env: DATABASE_URL, PORT, DB_POOL_MAX.
import express from 'express';
import pg from 'pg';
import { CLIENTS_PAGE_SQL, HOUSEHOLD_OVERVIEW_SQL } from './sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
// Dates and timestamps stay text: JSON is built in SQL, nothing is parsed here.
const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));

const todayInNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

async function send(res, sql, params) {
  try {
    const { rows } = await pool.query({ text: sql, values: params, rowMode: 'array' });
    if (!rows.length) return res.status(404).json({ error: 'not found' });
    const body = rows[0][0];
    res.type('application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
  } catch (err) {
    res.status(500).json({ error: String(err.message) });
  }
}

// json is parsed by node-postgres (type 114); send it back as text without a second stringify cost
pg.types.setTypeParser(114, (v) => v);

app.post('/household', (req, res) => send(res, HOUSEHOLD_OVERVIEW_SQL, [req.body.id]));
app.post('/clients', (req, res) => send(res, CLIENTS_PAGE_SQL, [req.body.organisationId, req.body.after ?? null, todayInNL()]));
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));

const port = Number(process.env.PORT ?? 4100);
const server = app.listen(port, '127.0.0.1', () => console.log(`floor ready on ${port}`));
const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
