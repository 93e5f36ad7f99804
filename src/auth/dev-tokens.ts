import type { AuthConfig } from '../shared/config';
import { DEMO } from '../db/demo-data';
import { actorFromClaims, Role } from './actor';
import { loadOrCreateDevKey } from './dev-keys';
import { loadJose } from './jose';

/** What `npm run token` takes on the command line. */
export interface DevTokenRequest {
  role: string;
  bsn?: string;
  org?: string;
  employee?: string;
  gemeente?: string;
  lrk?: string[];
}

/**
 * The JWT claims for a development token, validated exactly as the server validates them
 * (throws InvalidClaimsError on a bad combination).
 */
export function devTokenClaims(r: DevTokenRequest): Record<string, unknown> {
  const role = r.role.toUpperCase();
  const sub = role === Role.BURGER ? r.bsn : role === Role.GEMEENTE ? `gemeente-${r.gemeente}` : role === Role.KOO ? r.org : r.employee;
  const claims: Record<string, unknown> = { role, sub };
  if (r.org) claims.org = r.org;
  if (r.employee) claims.employee = r.employee;
  if (r.gemeente) claims.gemeente = r.gemeente;
  if (r.lrk) claims.lrk = r.lrk;
  actorFromClaims(claims); // the same validation the server applies
  return claims;
}

/**
 * Signs claims with the development key in dataDir (generated on first use). Only for
 * development: production never accepts this key (src/config.ts refuses useDevKey there).
 */
export async function signDevToken(
  claims: Record<string, unknown>,
  o: { dataDir: string; auth: Pick<AuthConfig, 'issuer' | 'audience'>; ttlSeconds: number; now: Date },
): Promise<string> {
  const iat = Math.floor(o.now.getTime() / 1000);
  const jose = await loadJose();
  const key = await loadOrCreateDevKey(o.dataDir);
  const privateKey = await jose.importJWK(key.privateJwk as never, key.alg);
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(o.auth.issuer)
    .setAudience(o.auth.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + o.ttlSeconds)
    .sign(privateKey);
}

export interface DevPersona {
  id: string;
  label: string;
  role: string;
  request: DevTokenRequest;
}

/** The demo personas of README.md ("Demo personas"), for the IDE's role switcher. */
export const DEV_PERSONAS: readonly DevPersona[] = [
  { id: 'sanne', label: `${DEMO.sanne.name} (BURGER, aanvrager)`, role: 'BURGER', request: { role: 'BURGER', bsn: DEMO.sanne.bsn } },
  { id: 'ahmed', label: `${DEMO.ahmed.name} (BURGER, toeslagpartner)`, role: 'BURGER', request: { role: 'BURGER', bsn: DEMO.ahmed.bsn } },
  { id: 'jan', label: `${DEMO.jan.name} (BURGER)`, role: 'BURGER', request: { role: 'BURGER', bsn: DEMO.jan.bsn } },
  { id: 'fatima', label: `${DEMO.fatima.name} (BURGER)`, role: 'BURGER', request: { role: 'BURGER', bsn: DEMO.fatima.bsn } },
  {
    id: 'medewerker',
    label: `medewerker ${DEMO.medewerker.employee} (MEDEWERKER)`,
    role: 'MEDEWERKER',
    request: { role: 'MEDEWERKER', employee: DEMO.medewerker.employee },
  },
  {
    id: 'intermediair',
    label: 'schuldhulp Zwolle (INTERMEDIAIR)',
    role: 'INTERMEDIAIR',
    request: { role: 'INTERMEDIAIR', org: DEMO.intermediair.org, employee: DEMO.intermediair.employee },
  },
  { id: 'gemeente', label: 'gemeente Zwolle (GEMEENTE)', role: 'GEMEENTE', request: { role: 'GEMEENTE', gemeente: DEMO.gemeente.gemeente } },
  { id: 'koo', label: 'KOO (KOO)', role: 'KOO', request: { role: 'KOO', org: DEMO.koo.org, lrk: [DEMO.koo.lrk] } },
];

export interface PersonaToken {
  id: string;
  label: string;
  role: string;
  token: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** Short-lived tokens for every demo persona, signed with the development key. */
export async function mintPersonaTokens(
  o: { dataDir: string; auth: Pick<AuthConfig, 'issuer' | 'audience'>; now: Date },
  ttlSeconds = 15 * 60,
): Promise<PersonaToken[]> {
  const expiresAt = Math.floor(o.now.getTime() / 1000) + ttlSeconds;
  return Promise.all(
    DEV_PERSONAS.map(async (p) => ({
      id: p.id,
      label: p.label,
      role: p.role,
      token: await signDevToken(devTokenClaims(p.request), { ...o, ttlSeconds }),
      expiresAt,
    })),
  );
}
