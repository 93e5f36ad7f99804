import 'reflect-metadata';
import { loadConfig } from '../config';
import { InvalidClaimsError } from '../auth/actor';
import { devTokenClaims, signDevToken } from '../auth/dev-tokens';
import { fail, parse } from './args';

const USAGE = `usage: npm run token -- --role ROLE [options]
  --role BURGER       --bsn 999990019
  --role INTERMEDIAIR --org KVK:87654321 --employee SR-001
  --role GEMEENTE     --gemeente 0193
  --role KOO          --org KVK:11223344 --lrk 123456789 [--lrk ...]
  --role MEDEWERKER   --employee M12345
  --ttl 8h            lifetime (default 8h; jose time span: 30m, 2h, 1d)
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

  const token = await signDevToken(claims, { dataDir: config.dataDir, auth: config.auth, ttl: v.ttl });
  process.stdout.write(token + '\n');
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
