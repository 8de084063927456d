import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { addDays, localDate } from '@libs/domain';
import { LmdbEventStore } from '@libs/event-store';
import { startTestApp } from '../support/test-app';
import { ExpiryLibrary, tokyo, type ReadyHold } from './expiry-fixture';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** The CLI as an operator runs it: its own process, the system clock, the configured (embedded) store. */
async function expireHolds(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', './scripts/ts-register.js', 'apps/cli/src/expire-holds.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', LIBRARY_POLICY: 'library-b' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run holds:expire (R18, I3)', () => {
  // Real days: the CLI judges by the system clock, so the holds are made ready weeks ago.
  const today = localDate(new Date(), 'Asia/Tokyo');
  const longAgo = addDays(today, -30);
  const yesterday = addDays(today, -1);
  let dataDir: string;
  let due: ReadyHold;
  let notDue: ReadyHold;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-expiry-cli-'));
    const app = await startTestApp({ dataDir, now: tokyo(addDays(today, -31)) });
    try {
      const world = new ExpiryLibrary(app);
      await world.location('central');
      due = await world.readyHold('T-cli-due', 'central', longAgo);
      notDue = await world.readyHold('T-cli-later', 'central', yesterday);
    } finally {
      await app.close();
    }
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('--dry-run lists each due hold with its title, card, pickup location, notice, last pickup and expiry days, and changes nothing', async () => {
    const listed = await expireHolds(dataDir, '--dry-run');
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toBe(`1 ready hold(s) due for expiry on ${today}`);
    expect(lines[1].split(/\s{2,}/)).toEqual(['HOLD', 'TITLE', 'CARD', 'PICKUP AT', 'NOTICE DAY', 'LAST PICKUP DAY', 'EXPIRY DAY']);
    expect(lines[2].split(/\s{2,}/)).toEqual([
      due.holdId,
      'Title T-cli-due (T-cli-due)',
      due.cardNumber,
      'central',
      longAgo,
      addDays(longAgo, 10),
      addDays(longAgo, 11),
    ]);
    expect(lines).toHaveLength(3);

    const later = await expireHolds(dataDir, '--dry-run', '--on', addDays(yesterday, 11));
    expect(later.stdout).toContain(notDue.holdId);

    const store = await LmdbEventStore.open({ path: join(dataDir, 'events') });
    try {
      expect((await store.readStream('title-T-cli-due')).map((event) => event.type)).not.toContain('PickupExpired');
    } finally {
      await store.close();
    }
  });

  it('refuses --on without --dry-run: a real sweep judges by today', async () => {
    expect(await expireHolds(dataDir, '--on', '2030-01-01')).toMatchObject({ code: 64, stdout: '' });
  });

  it('without --dry-run expires the due holds once, and a second run finds nothing', async () => {
    const swept = await expireHolds(dataDir);
    expect(swept.code).toBe(0);
    const lines = swept.stdout.trim().split('\n');
    expect(lines[0]).toBe(`1 hold(s) expired on ${today}`);
    expect(lines[2].split(/\s{2,}/)).toEqual([
      due.holdId,
      'Title T-cli-due (T-cli-due)',
      due.cardNumber,
      'central',
      longAgo,
      addDays(longAgo, 10),
      today,
      due.copyId,
      'clearance',
    ]);

    expect((await expireHolds(dataDir)).stdout.trim()).toBe(`0 hold(s) expired on ${today}`);

    const store = await LmdbEventStore.open({ path: join(dataDir, 'events') });
    try {
      const expired = (await store.readStream('title-T-cli-due')).filter((event) => event.type === 'PickupExpired');
      expect(expired).toHaveLength(1);
      expect(expired[0].metadata.actor).toEqual({ kind: 'system', id: 'expiry-cli' });
      expect((await store.readStream('title-T-cli-later')).map((event) => event.type)).not.toContain('PickupExpired');
    } finally {
      await store.close();
    }
  });

  it('says so when the app holds the embedded store, and exits non-zero', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const refused = await expireHolds(dataDir, '--dry-run');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process \d+/);
    } finally {
      await app.close();
    }
  });
});
