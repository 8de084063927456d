import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HoldCancelled } from '@libs/domain';
import type { NewEvent } from '@libs/event-store';
import { AdjustableClock } from '@libs/platform';
import { bearer, eventStoreOf, LibraryFixture, patronToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { positionOf, reactorReached } from './notifications-harness';

/** What a crash right after a cancellation leaves behind: the HoldCancelled, without the slot release that follows it. */
async function cancelWithoutRelease(app: TestApp, data: HoldCancelled['data']): Promise<{ id: string; position: bigint }> {
  const event: NewEvent = {
    id: randomUUID(),
    type: 'HoldCancelled',
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'staff', id: 'admin' },
      occurredAt: app.clock.now().toISOString(),
      reason: data.reason ?? undefined,
    },
  };
  const { position } = await eventStoreOf(app).append(`title-${data.titleId}`, [event], 'any');
  return { id: event.id, position };
}

describe('the hold-slot reactor (R7, I1)', () => {
  const clock = new AdjustableClock('2026-11-23T01:00:00Z');
  let dataDir: string;
  let app: TestApp | null = null;

  const activeHolds = async (running: TestApp, staff: string, cardNumber: string) =>
    (await running.http().get(`/staff/patrons/${cardNumber}`).set(bearer(staff)).expect(200)).body.activeHolds as number;

  const releases = async (running: TestApp, staff: string, cardNumber: string) =>
    (
      (await running.http().get(`/staff/patrons/${cardNumber}/history`).set(bearer(staff)).expect(200)).body.items as {
        type: string;
        actor: object;
        causationId: string;
        data: { holdId: string };
      }[]
    ).filter((entry) => entry.type === 'HoldSlotReleased');

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-slots-'));
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('a cancellation whose slot release was lost frees the slot once the worker runs', async () => {
    // An API-only process: the handlers release slots themselves, but no reactor runs here.
    app = await startTestApp({ dataDir, clock, env: { APP_ROLE: 'api' } });
    const library = await LibraryFixture.create(app);
    await library.location('central');
    await library.title('T-1');
    await library.copy('C-1', 'T-1', 'central');
    await library.patron('100000001');
    await library.checkout('C-1', '100000001');
    const patron = await library.patron('100000002');
    const hold = await app
      .http()
      .post('/me/holds')
      .set(bearer(patron))
      .send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'none' })
      .expect(201);
    const holdId = hold.body.holdId as string;
    expect(await activeHolds(app, library.staff, '100000002')).toBe(1);

    const cancelled = await cancelWithoutRelease(app, {
      titleId: 'T-1',
      holdId,
      cardNumber: '100000002',
      by: 'staff',
      reason: 'crash test',
      copyId: null,
      previousStatus: 'waiting',
    });
    expect(await activeHolds(app, library.staff, '100000002')).toBe(1);
    await app.close();

    // The worker starts (here API and worker in one process) and catches up from the start of the log.
    app = await startTestApp({ dataDir, clock });
    await reactorReached(app, 'hold-slots', cancelled.position);
    const staff = (await LibraryFixture.create(app)).staff;
    expect(await activeHolds(app, staff, '100000002')).toBe(0);
    expect(await releases(app, staff, '100000002')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ holdId }), actor: { kind: 'system', id: 'hold-slots' }, causationId: cancelled.id }),
    ]);
  });

  it('a hold ended through the API is released once, whether the handler or the reactor gets there first', async () => {
    app = await startTestApp({ dataDir, clock });
    const library = await LibraryFixture.create(app);
    await library.title('T-2');
    await library.copy('C-2', 'T-2', 'central');
    await library.checkout('C-2', '100000001');
    const patron = await patronToken(app, '100000002', 'patron-password');
    const hold = await app
      .http()
      .post('/me/holds')
      .set(bearer(patron))
      .send({ titleId: 'T-2', pickupLocationId: 'central', contactMethod: 'none' })
      .expect(201);
    const cancel = await app.http().delete(`/me/holds/${hold.body.holdId}`).set(bearer(patron)).expect(204);
    await reactorReached(app, 'hold-slots', positionOf(cancel));
    expect(await activeHolds(app, library.staff, '100000002')).toBe(0);
    expect((await releases(app, library.staff, '100000002')).filter((entry) => entry.data.holdId === hold.body.holdId)).toHaveLength(1);
  });
});
