import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError, loadConfig } from '@libs/platform';

const ROOT = resolve(__dirname, '../..');
const STRONG_SECRET = 'a-production-secret-that-is-long-enough-0123456789';
const ADMIN_PASSWORD = 'Quiet-Lantern-Orchard-42';

/** Runs an entry point as operators do (TypeScript through the repository's require hook), with only the given environment. */
function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', './scripts/ts-register.js', entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

describe('production refuses to start without its own secrets', () => {
  it('loadConfig throws a ConfigurationError naming TOKEN_SECRET when NODE_ENV=production has none', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', STAFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/TOKEN_SECRET: required when NODE_ENV=production/);
    expect(attempt).not.toThrow(/STAFF_ADMIN_PASSWORD/);
  });

  it('a short TOKEN_SECRET or admin password is refused in every mode, without writing the value into the message', () => {
    const attempt = () => loadConfig({ TOKEN_SECRET: 'short-but-secret', STAFF_ADMIN_PASSWORD: 'hunter2' });
    expect(attempt).toThrow(/TOKEN_SECRET must be at least 32 characters \(value hidden\)/);
    expect(attempt).toThrow(/STAFF_ADMIN_PASSWORD must be at least 8 characters \(value hidden\)/);
    expect(attempt).not.toThrow(/short-but-secret|hunter2/);
  });

  it('a strong secret and a real admin password start in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: ADMIN_PASSWORD }).NODE_ENV).toBe('production');
  });

  describe.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])('the process %s', (entry) => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'holds-prod-config-'));
    });
    afterAll(() => rm(dataDir, { recursive: true, force: true }));

    it('exits 78 naming TOKEN_SECRET when started with NODE_ENV=production and no TOKEN_SECRET', async () => {
      const { code, stderr } = await run(entry, { NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', STAFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
      expect({ code, namesTheSecret: stderr.includes('TOKEN_SECRET') }).toEqual({ code: 78, namesTheSecret: true });
      expect(stderr).not.toContain('development-only-token-secret');
    }, 60_000);

    it('exits 78 naming STAFF_ADMIN_PASSWORD when only the secret is set', async () => {
      const { code, stderr } = await run(entry, { NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', TOKEN_SECRET: STRONG_SECRET });
      expect({ code, namesThePassword: stderr.includes('STAFF_ADMIN_PASSWORD'), namesTheSecret: stderr.includes('TOKEN_SECRET') }).toEqual({
        code: 78,
        namesThePassword: true,
        namesTheSecret: false,
      });
    }, 60_000);
  });
});
