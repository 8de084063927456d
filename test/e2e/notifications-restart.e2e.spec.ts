import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { AdjustableClock } from '@libs/platform';
import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { bearer, deleteRedisKeys, LibraryFixture, REDIS_URL } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';
import { mailsOf, positionOf, reactorReached, startMailApp, waitForMailOf } from './notifications-harness';

/**
 * Where the mail reactor keeps its checkpoint and the delivery ledger its records: files under DATA_DIR
 * (embedded), or Redis (production). Either way a restart or a replay from position 0 mails nothing twice.
 */
const modes = [
  { mode: 'files', env: () => ({}) },
  { mode: 'redis', env: (prefix: string) => ({ REDIS_URL, REDIS_KEY_PREFIX: prefix }) },
] as const;

describe.each(modes)('no mail twice across restarts ($mode)', ({ mode, env }) => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  const prefix = `test:notifications-restart:${process.pid}:${randomUUID()}:`;
  const clock = new AdjustableClock('2026-11-23T01:00:00Z');
  let server: SmtpTestServer;
  let dataDir: string;
  let app: TestApp | null = null;

  const start = async () => {
    app = await startMailApp(server, { dataDir, clock, env: env(prefix) });
    return app;
  };
  const stop = async () => {
    await app?.close();
    app = null;
  };

  /** What a replay would find: the mail reactor's checkpoint, gone. */
  const forgetCheckpoint = async () => {
    if (mode === 'files') await rm(join(dataDir, 'checkpoints', 'notifications.checkpoint'));
    else expect(await redis.del(`${prefix}reactor-checkpoint:notifications`)).toBe(1);
  };

  /** A new event the reactor must handle: once its mail is out, the reactor has handled everything before it. */
  const newAddress = async (running: TestApp, cardNumber: string, email: string) => {
    const library = await LibraryFixture.create(running);
    const token = await library.patron(cardNumber);
    await running.http().put('/me/email').set(bearer(token)).send({ email }).expect(204);
    await waitForMailOf(server, 'email-registered', email);
  };

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    dataDir = await mkdtemp(join(tmpdir(), 'holds-restart-'));
  });
  afterAll(async () => {
    await stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
    redis.disconnect();
  });

  it('R17: one hold-ready mail, after a restart that catches up from the checkpoint and after a replay from position 0', async () => {
    const first = await start();
    const library = await LibraryFixture.create(first);
    await library.location('central', '中央図書館');
    await library.title('T-1', 'book', '吾輩は猫である');
    await library.copy('C-1', 'T-1', 'central');
    await library.patron('100000001');
    await library.checkout('C-1', '100000001');
    const patron = await library.patron('100000002');
    await first.http().put('/me/email').set(bearer(patron)).send({ email: 'ready@example.jp' }).expect(204);
    await first.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'email' }).expect(201);
    const checkin = await first.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'C-1', locationId: 'central' }).expect(201);
    await waitForMailOf(server, 'hold-ready', 'ready@example.jp');
    await reactorReached(first, 'notifications', positionOf(checkin));
    const mailsBefore = server.received.length;
    await stop();

    // A new process on the same data: the reactor resumes after its checkpoint.
    const second = await start();
    await newAddress(second, '100000003', 'after-restart@example.jp');
    expect(mailsOf(server, 'hold-ready', 'ready@example.jp')).toHaveLength(1);
    expect(server.received).toHaveLength(mailsBefore + 1);
    await stop();

    // The checkpoint lost: the reactor reads the log from the start, and the ledger stops every repeat.
    await forgetCheckpoint();
    const third = await start();
    await newAddress(third, '100000004', 'after-replay@example.jp');
    expect(mailsOf(server, 'hold-ready', 'ready@example.jp')).toHaveLength(1);
    expect(mailsOf(server, 'email-registered', 'ready@example.jp')).toHaveLength(1);
    expect(mailsOf(server, 'hold-placed', 'ready@example.jp')).toHaveLength(1);
    expect(server.received).toHaveLength(mailsBefore + 2);
  });
});
