import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadJose } from './jose';

/** The development signing key lives here; it is generated on first start and never used in production. */
export const devKeyFile = (dataDir: string) => path.join(dataDir, 'dev-signing-key.json');
const devPseudonymKeyFile = (dataDir: string) => path.join(dataDir, 'dev-pseudonym.key');

export interface DevKey {
  kid: string;
  alg: 'ES256';
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
}

/** Loads the development ES256 key pair from dataDir, generating it (mode 0600) when absent. */
export async function loadOrCreateDevKey(dataDir: string): Promise<DevKey> {
  const file = devKeyFile(dataDir);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DevKey;
  const jose = await loadJose();
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${randomBytes(6).toString('hex')}`;
  const key: DevKey = {
    kid,
    alg: 'ES256',
    privateJwk: { ...(await jose.exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
    publicJwk: { ...(await jose.exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(key, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err; // another process created it first: use theirs
  });
  return JSON.parse(await readFile(file, 'utf8')) as DevKey;
}

/** Development pseudonymisation key for the access log (PSEUDONYM_KEY in production). */
export async function loadOrCreateDevPseudonymKey(dataDir: string): Promise<string> {
  const file = devPseudonymKeyFile(dataDir);
  if (!existsSync(file)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
  return (await readFile(file, 'utf8')).trim();
}
