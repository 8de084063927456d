import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess } from './support/app-process';
import { LibraryClient } from './support/library-client';
import { readEmbeddedLog } from './support/read-log';

/** Whether this process may mount (root where the sandbox allows it): the read-only case needs a real read-only mount. */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'holds-mount-probe-'));
  try {
    execFileSync('mount', ['--bind', probe, probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('fault: the embedded data directory cannot be written (I6)', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'holds-fault-datadir-'));
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it('DATA_DIR inside a regular file: the app says which directory and why, and exits with code 1', async () => {
    const file = join(workDir, 'not-a-directory');
    await writeFile(file, 'a file where the data directory should be');
    const app = await startAppProcess({ env: { DATA_DIR: join(file, 'data') }, waitUntilListening: false });
    const exit = await app.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(app.output()).toContain(`cannot start: cannot create the event store directory ${join(file, 'data', 'events')}`);
    expect(app.output()).toContain('ENOTDIR');
  }, 60_000);

  (canMount() ? it : it.skip)(
    'an existing store mounted read-only: a clear start-up error, exit code 1, and the store is intact afterwards',
    async () => {
      const dataDir = join(workDir, 'store');
      const first = await startAppProcess({ env: { DATA_DIR: dataDir } });
      const client = new LibraryClient(first.baseUrl);
      await client.loginStaff();
      await client.location('central');
      await client.registerPatron('100000001', 'patron-password');
      await first.stop();
      const before = await readEmbeddedLog(join(dataDir, 'events'));
      expect(before.map((event) => event.type)).toEqual(expect.arrayContaining(['LocationRegistered', 'PatronRegistered', 'PasswordSet']));

      const readOnly = join(workDir, 'read-only');
      await mkdir(readOnly);
      execFileSync('mount', ['--bind', dataDir, readOnly]);
      try {
        execFileSync('mount', ['-o', 'remount,bind,ro', readOnly]);
        const app = await startAppProcess({ env: { DATA_DIR: readOnly }, waitUntilListening: false });
        const exit = await app.exited;
        expect(exit).toEqual({ code: 1, signal: null });
        expect(app.output()).toContain(`cannot start: event store directory ${join(readOnly, 'events')} is not writable`);
        expect(app.output()).toContain('EROFS');
      } finally {
        execFileSync('umount', [readOnly]);
      }

      const after = await readEmbeddedLog(join(dataDir, 'events'));
      expect(after).toEqual(before);
      const again = await startAppProcess({ env: { DATA_DIR: dataDir } });
      try {
        expect((await new LibraryClient(again.baseUrl).health()).status).toBe(200);
      } finally {
        await again.stop();
      }
    },
    120_000,
  );
});
