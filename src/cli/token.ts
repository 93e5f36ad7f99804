import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { InvalidClaimsError } from '../auth/actor';
import { devTokenClaims, signDevToken } from '../auth/dev-tokens';
import { systemClock } from '../shared/clock';
import { fail, parse } from './args';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** '30m', '2h', '1d', '90s' (or plain seconds) as seconds; null when it is none of these. */
function timeSpanSeconds(span: string): number | null {
  const m = /^(\d+)\s*([smhd]?)$/.exec(span.trim());
  return m ? Number(m[1]) * UNIT_SECONDS[m[2] || 's'] : null;
}

const USAGE = `usage: npm run token -- --role ROLE [options]
  --role BURGER       --bsn 999990019
  --role INTERMEDIAIR --org KVK:87654321 --employee SR-001
  --role GEMEENTE     --gemeente 0193
  --role KOO          --org KVK:11223344 --lrk 123456789 [--lrk ...]
  --role MEDEWERKER   --employee M12345
  --ttl 8h            lifetime (default 8h; a number with s, m, h or d: 30m, 2h, 1d)
Prints a JWT signed with the development key in .data/ (never usable in production).`;

async function main() {
  let v;
  try {
    v = parse({
      role: { type: 'string' },
      bsn: { type: 'string' },
      org: { type: 'string' },
      employee: { type: 'string' },
      gemeente: { type: 'string' },
      lrk: { type: 'string', multiple: true },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean' },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (v.help || !v.role) fail(USAGE);
  const config = loadConfig();
  if (!config.auth.useDevKey) fail('tokens can only be minted with the development key (AUTH_JWKS_URL / AUTH_PUBLIC_KEY_FILE is set)');

  let claims: Record<string, unknown>;
  try {
    claims = devTokenClaims({ role: v.role, bsn: v.bsn, org: v.org, employee: v.employee, gemeente: v.gemeente, lrk: v.lrk });
  } catch (err) {
    if (err instanceof InvalidClaimsError) fail(`${err.message}\n${USAGE}`);
    throw err;
  }

  const ttlSeconds = timeSpanSeconds(v.ttl);
  if (ttlSeconds === null) fail(`--ttl ${v.ttl} is not a time span\n${USAGE}`);
  const token = await signDevToken(claims, { dataDir: config.dataDir, auth: config.auth, ttlSeconds, now: systemClock.now() });
  process.stdout.write(token + '\n');
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
