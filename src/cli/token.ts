import 'reflect-metadata';
import { loadConfig } from '../config';
import { actorFromClaims, InvalidClaimsError, Role } from '../auth/actor';
import { loadOrCreateDevKey } from '../auth/dev-keys';
import { loadJose } from '../auth/jose';
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

  const role = v.role.toUpperCase();
  const sub =
    role === Role.BURGER ? v.bsn : role === Role.GEMEENTE ? `gemeente-${v.gemeente}` : role === Role.KOO ? v.org : v.employee;
  const claims: Record<string, unknown> = { role, sub };
  if (v.org) claims.org = v.org;
  if (v.employee) claims.employee = v.employee;
  if (v.gemeente) claims.gemeente = v.gemeente;
  if (v.lrk) claims.lrk = v.lrk;
  try {
    actorFromClaims(claims); // the same validation the server applies
  } catch (err) {
    if (err instanceof InvalidClaimsError) fail(`${err.message}\n${USAGE}`);
    throw err;
  }

  const jose = await loadJose();
  const key = await loadOrCreateDevKey(config.dataDir);
  const privateKey = await jose.importJWK(key.privateJwk as never, key.alg);
  const token = await new jose.SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt()
    .setExpirationTime(v.ttl)
    .sign(privateKey);
  process.stdout.write(token + '\n');
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
