import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { LmdbEventStore, type RecordedEvent } from '@libs/event-store';
import { AdjustableClock } from '@libs/platform';
import { deleteKeys } from '../../libs/projections/test-support/stores';
import { ExpiryScheduler } from '../../apps/worker/src/expiry/expiry-scheduler';
import { LocationsService } from '../../libs/application/src/locations/locations.service';
import { wasSkipped } from '../../libs/application/src/expiry/sweep-report';
import { bearer } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { testRedisUrl } from '../support/test-redis';
import { ExpiryLibrary, tokyo, type ReadyHold } from './expiry-fixture';

const REDIS_URL = testRedisUrl();

const expiredHoldIds = (events: RecordedEvent[]) =>
  events.filter((event) => event.type === 'PickupExpired').map((event) => (event.data as { holdId: string }).holdId);

describe('a worker that was down for days catches up at start (I3)', () => {
  let dataDir: string;
  let app: TestApp | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-expiry-catch-up-'));
  });
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the sweep at start expires everything that fell due while it was down, each once, oldest notice first, copies handed on (I3, I4)', async () => {
    app = await startTestApp({ dataDir, now: tokyo('2026-11-30') });
    const world = new ExpiryLibrary(app);
    await world.location('central');
    // One title, two copies: the first-noticed hold's copy must go to the patron waiting next.
    const [copy1, copy2] = await world.titleOnLoan('T-catch-up', 'central', 2);
    const early = await world.waitingHold('T-catch-up', 'central');
    const later = await world.waitingHold('T-catch-up', 'central');
    const next = await world.waitingHold('T-catch-up', 'central');
    world.on('2026-12-01');
    await world.checkIn(copy2, 'central');
    world.on('2026-12-03');
    await world.checkIn(copy1, 'central');
    const other = await world.readyHold('T-other', 'central', '2026-12-02');
    const notDue = await world.readyHold('T-not-due', 'central', '2026-12-10');

    // The last sweep before the outage, on 12/11: nothing due yet (open every day: the 12/01 notice expires 12/12).
    expect(await world.sweepOn('2026-12-11')).toEqual([]);
    await app.close();

    // Back five days later.
    app = await startTestApp({ dataDir, now: tokyo('2026-12-16', '08:00') });
    await app.app.get(ExpiryScheduler).startupSweep;
    const back = new ExpiryLibrary(app);

    const log = await back.titleEvents('T-catch-up');
    expect(expiredHoldIds(log)).toEqual([early.holdId, later.holdId]);
    for (const event of log.filter((e) => e.type === 'PickupExpired')) expect(event.data).toMatchObject({ expiredOn: '2026-12-16' });
    expect(log.find((event) => event.type === 'PickupExpired' && (event.data as ReadyHold).holdId === early.holdId)?.data).toMatchObject({
      copyId: copy2,
      lastPickupDay: '2026-12-11',
    });
    // The patron waiting next gets the copy of the hold noticed first, with a fresh window from today.
    expect(await back.readyList(next.cardNumber)).toEqual([
      expect.objectContaining({ holdId: next.holdId, copyId: copy2, noticeDay: '2026-12-16', lastPickupDay: '2026-12-26' }),
    ]);
    expect((await back.clearance('central')).map(({ holdId, copyId }) => ({ holdId, copyId }))).toEqual(
      [
        { holdId: other.holdId, copyId: other.copyId },
        { holdId: later.holdId, copyId: copy1 },
      ].sort((a, b) => (a.holdId < b.holdId ? -1 : 1)),
    );

    expect(expiredHoldIds(await back.titleEvents('T-other'))).toEqual([other.holdId]);
    expect(expiredHoldIds(await back.titleEvents('T-not-due'))).toEqual([]);
    expect(await back.readyList(notDue.cardNumber)).toHaveLength(1);

    const health = await app.http().get('/health').expect(200);
    expect(health.body.info.expiry).toEqual({ status: 'up', lastSweep: expect.objectContaining({ today: '2026-12-16', result: 'succeeded', expired: 3 }) });

    // Once more, late or doubled: nothing appended twice.
    const head = await back.events.headPosition();
    expect((await back.sweep()).expired).toEqual([]);
    expect(await back.events.headPosition()).toBe(head);
  });
});

/** Several workers over one event store (two app instances in this process sharing it: lmdb allows one process per directory). */
describe.each([
  ['with the Redis lease', true],
  ['without a lease', false],
])('two workers sweep at once %s: every hold expires exactly once (I3)', (_name, withRedis) => {
  let directory: string;
  let store: LmdbEventStore;
  let prefix: string;
  let apps: TestApp[];
  const clock = new AdjustableClock(tokyo('2026-11-30'));

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'holds-expiry-two-workers-'));
    store = await LmdbEventStore.open({ path: directory });
    prefix = `test:e2e:expiry:${randomUUID()}:`;
    const env: Record<string, string> = withRedis ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {};
    apps = [await startTestApp({ eventStore: store, clock, env }), await startTestApp({ eventStore: store, clock, env })];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await store.close();
    await rm(directory, { recursive: true, force: true });
    if (withRedis) {
      const redis = new Redis(REDIS_URL);
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('ten due holds, half with a patron waiting next, swept by both workers together', async () => {
    const [worldA, worldB] = apps.map((app) => new ExpiryLibrary(app));
    await worldA.location('central');
    const holds: ReadyHold[] = [];
    const nextInLine: string[] = [];
    for (let i = 0; i < 10; i++) {
      const titleId = `T-race-${i}`;
      const [copyId] = await worldA.titleOnLoan(titleId, 'central');
      const hold = await worldA.waitingHold(titleId, 'central');
      if (i % 2 === 0) nextInLine.push((await worldA.waitingHold(titleId, 'central')).holdId);
      worldA.on(`2026-12-0${1 + (i % 3)}`);
      await worldA.checkIn(copyId, 'central');
      holds.push({ ...hold, copyId });
    }

    clock.set(tokyo('2026-12-20', '00:05'));
    const outcomes = await Promise.all([worldA.sweeper.sweep(), worldB.sweeper.sweep()]);

    for (const hold of holds) expect(await worldA.expiries(hold.titleId, hold.holdId)).toBe(1);
    const reports = outcomes.filter((outcome) => !wasSkipped(outcome));
    expect(reports.flatMap((report) => (wasSkipped(report) ? [] : report.expired.map((expired) => expired.holdId))).sort()).toEqual(
      holds.map((hold) => hold.holdId).sort(),
    );
    if (withRedis) expect(outcomes.filter(wasSkipped)).toEqual([{ skipped: 'another-process-is-sweeping' }]);

    // The patrons waiting next got the copies, once each (I2, I4), as both workers' read models show.
    for (const world of [worldA, worldB]) {
      const handedOn = (await Promise.all(holds.map((hold) => world.titleEvents(hold.titleId))))
        .flat()
        .filter((event) => event.type === 'HoldReady' && nextInLine.includes((event.data as { holdId: string }).holdId));
      expect(handedOn).toHaveLength(nextInLine.length);
    }
  });

  if (withRedis) {
    it('a staff sweep while another worker holds the lease answers 409 and changes nothing', async () => {
      const world = new ExpiryLibrary(apps[1]);
      const redis = new Redis(REDIS_URL);
      try {
        await redis.set(`${prefix}expiry:sweep-lease`, 'another-worker', 'PX', 60_000);
        const head = await store.headPosition();
        const refused = await apps[1]
          .http()
          .post('/staff/expiry/sweep')
          .set(bearer(await world.staff()))
          .expect(409);
        expect(refused.body).toMatchObject({ type: '/problems/expiry-sweep-running', status: 409 });
        expect(await store.headPosition()).toBe(head);
      } finally {
        await redis.del(`${prefix}expiry:sweep-lease`);
        await redis.quit();
      }
      await apps[1]
        .http()
        .post('/staff/expiry/sweep')
        .set(bearer(await world.staff()))
        .expect(200);
    });
  }
});

describe('the expiry check on /health', () => {
  let app: TestApp;
  afterAll(() => app.close());

  it('is down with the reason after a failed sweep, which expired nothing half-way, and up again after the next one (I3)', async () => {
    app = await startTestApp();
    await app.app.get(ExpiryScheduler).startupSweep;
    expect((await app.http().get('/health').expect(200)).body.info.expiry).toMatchObject({ status: 'up', lastSweep: { result: 'succeeded', expired: 0 } });

    const world = new ExpiryLibrary(app);
    await world.location('central');
    const hold = await world.readyHold('T-health', 'central', '2026-12-01');
    world.on('2026-12-12', '00:05');
    const calendars = jest.spyOn(app.app.get(LocationsService), 'calendars').mockRejectedValueOnce(new Error('location stream unreadable'));
    await expect(world.sweeper.sweep()).rejects.toThrow('location stream unreadable');
    calendars.mockRestore();

    const down = await app.http().get('/health').expect(503);
    expect(down.body.error.expiry).toEqual({
      status: 'down',
      lastSweep: expect.objectContaining({ today: '2026-12-12', result: 'failed', error: 'location stream unreadable' }),
    });
    expect(await world.readyList(hold.cardNumber)).toHaveLength(1);

    expect((await world.sweep()).expired.map((expired) => expired.holdId)).toEqual([hold.holdId]);
    expect((await app.http().get('/health').expect(200)).body.info.expiry).toMatchObject({ status: 'up', lastSweep: { result: 'succeeded', expired: 1 } });
  });
});
