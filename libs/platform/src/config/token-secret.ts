import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigurationError } from './load-config';

export interface TokenSecret {
  secret: string;
  /** `configuration`: TOKEN_SECRET; `generated`: created now in the data directory; `stored`: read from there. */
  source: 'configuration' | 'generated' | 'stored';
  /** The file, when the secret lives in the data directory. */
  path?: string;
}

export function tokenSecretPath(config: Pick<AppConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'secrets', 'token-secret');
}

/**
 * The secret that signs tokens: TOKEN_SECRET when set; otherwise the one kept in DATA_DIR/secrets/token-secret,
 * created (random, mode 0600) at the first start and reused after, so tokens survive a restart and no two
 * installations share a secret. A file that others may read is refused: whoever reads it can mint an admin token.
 */
export async function resolveTokenSecret(config: Pick<AppConfig, 'TOKEN_SECRET' | 'DATA_DIR'>): Promise<TokenSecret> {
  if (config.TOKEN_SECRET !== undefined) return { secret: config.TOKEN_SECRET, source: 'configuration' };
  const path = tokenSecretPath(config);
  const stored = await readStoredSecret(path);
  if (stored !== null) return { secret: stored, source: 'stored', path };
  try {
    return await createSecret(path);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new Error(`cannot create the token secret ${path} (make DATA_DIR writable, or set TOKEN_SECRET): ${(error as Error).message}`);
  }
}

async function readStoredSecret(path: string): Promise<string | null> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw refusal(path, `cannot be read (${(error as Error).message})`);
  }
  if ((mode & 0o077) !== 0) {
    throw refusal(path, `is open to other users (mode ${(mode & 0o777).toString(8).padStart(4, '0')}): run \`chmod 600 ${path}\``);
  }
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < 32) throw refusal(path, 'holds fewer than 32 characters: delete it to have a new one generated (every token is then refused)');
  return secret;
}

/** Written to a private temporary file, then linked into place: a concurrent start sees the whole secret or none. */
async function createSecret(path: string): Promise<TokenSecret> {
  const directory = join(path, '..');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(temporary, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stored = await readStoredSecret(path);
    if (stored === null) throw error;
    return { secret: stored, source: 'stored', path };
  } finally {
    await unlink(temporary);
  }
  return { secret, source: 'generated', path };
}

function refusal(path: string, problem: string): ConfigurationError {
  return new ConfigurationError([`TOKEN_SECRET: not set, and the stored secret ${path} ${problem}; or set TOKEN_SECRET`]);
}
