import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent } from '@libs/domain';
import { EventStoreDbEventStore, type RecordedEvent } from '@libs/event-store';
import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { appendEvents } from '../../libs/projections/test-support/append-events';
import { events as e } from '../../libs/projections/test-support/domain-events';
import { startStandIn, type StandIn } from '../support/esdb-stand-in/start';
import { startAppProcess, type AppProcess } from './support/app-process';
import { eventually } from './support/eventually';
import { LibraryClient, inParallel, seedLibrary } from './support/library-client';
import { startRedisProcess, type RedisProcess } from './support/redis-process';

const PATRONS = 12;
const OVERDUE_HOLDS = 6;

const day = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
const dataOf = (event: RecordedEvent) => event.data as { holdId?: string; copyId?: string; cardNumber?: string };

/** Ready holds whose pickup window ended weeks ago, as a worker that was down would find them (I3). */
function overdueReadyHolds(): DomainEvent[] {
  return Array.from({ length: OVERDUE_HOLDS }, (_, i) => {
    const card = String(590000000 + i);
    const titleId = `OLD${i}`;
    const holdId = `old-hold-${i}`;
    return [
      e.patronRegistered(card),
      e.titleCatalogued(titleId),
      e.copyAdded(titleId, `${titleId}-c1`, 'central'),
      { type: 'HoldSlotClaimed', data: { cardNumber: card, holdId, titleId } } as DomainEvent,
      e.holdPlaced(titleId, holdId, card, 'central', 'none'),
      e.holdReady(titleId, holdId, card, `${titleId}-c1`, 'central', day(-40), { contactMethod: 'none', lastPickupDay: day(-28) }),
    ];
  }).flat();
}

/** Each (type, hold or copy) once: a command carried out twice would show up as a second event. */
function duplicates(log: RecordedEvent[], types: string[]): string[] {
  const seen = new Map<string, number>();
  for (const event of log.filter((candidate) => types.includes(candidate.type))) {
    const key = `${event.type} ${dataOf(event).holdId ?? dataOf(event).copyId ?? dataOf(event).cardNumber}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`);
}

/**
 * The production topology on one machine: two api and two worker processes on one private Redis and one event
 * store (the EventStoreDB client over the test-only protocol stand-in), mails to a real SMTP server.
 */
describe('fault: two apis and two workers share one Redis and one event store (I2, I3, I6)', () => {
  let workDir: string;
  let standIn: StandIn;
  let redis: RedisProcess;
  let smtp: SmtpTestServer;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'holds-fault-topology-'));
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await standIn?.stop();
    await redis?.stop();
    await smtp?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('each command is recorded once, each mail sent once, each overdue ready hold expired once', async () => {
    [standIn, redis, smtp] = await Promise.all([startStandIn(), startRedisProcess(), SmtpTestServer.start()]);
    const shared = {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: standIn.connectionString,
      READ_MODEL_STORE: 'redis',
      REDIS_URL: redis.url,
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    };
    // Started together, as replicas are; each one that comes up is stopped after the test even if another fails.
    const startTogether = async (role: 'api' | 'worker') => {
      const started = await Promise.allSettled(
        [1, 2].map((n) => startAppProcess({ env: { ...shared, APP_ROLE: role, DATA_DIR: join(workDir, `${role}-${n}`) } })),
      );
      for (const result of started) if (result.status === 'fulfilled') processes.push(result.value);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      return started.map((result) => (result as PromiseFulfilledResult<AppProcess>).value);
    };
    const [api1, api2] = await startTogether('api');
    const clients = [new LibraryClient(api1.baseUrl), new LibraryClient(api2.baseUrl)];
    await Promise.all(clients.map((client) => client.loginStaff()));
    const library = await seedLibrary(clients[0], { locationId: 'central', titles: PATRONS, patrons: PATRONS, firstCard: 500000000 });
    const store = await EventStoreDbEventStore.connect(standIn.connectionString);
    try {
      await appendEvents(store, overdueReadyHolds(), new Date(Date.now() - 40 * 86_400_000).toISOString());
    } finally {
      await store.close();
    }
    // Both workers start together: each catches up, and each runs its start-up expiry sweep at once.
    await startTogether('worker');

    // Patron i registers an e-mail address and holds title i through one api; its copy comes back through the other.
    const holdIds: string[] = [];
    await inParallel(library.tokens, 6, async (token, i) => {
      const client = clients[i % 2];
      await client.expectOk('PUT', '/me/email', { token, body: { email: `patron${i}@example.jp` } });
      const placed = await client.expectOk<{ holdId: string }>('POST', '/me/holds', {
        token,
        body: { titleId: library.titleIds[i], pickupLocationId: 'central', contactMethod: 'email' },
      });
      holdIds[i] = placed.holdId;
      const checkin = await clients[(i + 1) % 2].checkin(library.copyIds[i], 'central');
      expect(checkin.body.outcome).toMatchObject({ action: 'hold-shelf', holdId: placed.holdId });
    });
    // And staff ask both apis to sweep at the same moment, on top of the workers' own sweeps.
    const sweeps = await Promise.all(clients.map((client) => client.call('POST', '/staff/expiry/sweep', { token: client.staff() })));
    expect(sweeps.map((sweep) => sweep.status).every((status) => status === 200 || status === 409)).toBe(true);

    const reader = await EventStoreDbEventStore.connect(standIn.connectionString);
    let log: RecordedEvent[] = [];
    try {
      await eventually(async () => {
        log = await reader.readAll();
        expect(log.filter((event) => event.type === 'PickupExpired')).toHaveLength(OVERDUE_HOLDS);
      }, 60_000);
      // Mails: a registration confirmation and a hold-ready notice per patron (placed-hold confirmations are optional).
      await eventually(async () => {
        const kinds = smtp.received.map((mail) => mail.headers['x-library-mail-kind'] ?? mail.subject);
        expect(kinds.length).toBeGreaterThanOrEqual(2 * PATRONS);
      }, 60_000);
      // Give a second worker time to send anything twice, then look.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      log = await reader.readAll();
    } finally {
      await reader.close();
    }

    const subjects = [...new Set(smtp.received.map((mail) => mail.subject))];
    process.stdout.write(
      `${log.length} events, ${smtp.received.length} mails (${subjects.length} distinct subjects), sweeps answered ${sweeps.map((sweep) => sweep.status).join(' and ')}\n`,
    );
    expect(new Set(log.map((event) => event.id)).size).toBe(log.length);
    expect(duplicates(log, ['HoldSlotClaimed', 'HoldPlaced', 'HoldReady', 'CopyReturned', 'PickupExpired', 'HoldSlotReleased', 'EmailRegistered'])).toEqual([]);
    for (const holdId of holdIds) expect(log.filter((event) => event.type === 'HoldPlaced' && dataOf(event).holdId === holdId)).toHaveLength(1);
    const released = new Set(log.filter((event) => event.type === 'HoldSlotReleased').map((event) => dataOf(event).holdId));
    for (let i = 0; i < OVERDUE_HOLDS; i++) expect(released).toContain(`old-hold-${i}`);

    const messageIds = smtp.received.map((mail) => mail.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    for (let i = 0; i < PATRONS; i++) {
      const to = smtp.received.filter((mail) => mail.to.includes(`patron${i}@example.jp`));
      const subjects = to.map((mail) => mail.subject);
      expect({ i, distinct: new Set(subjects).size }).toEqual({ i, distinct: subjects.length });
      expect(to.length).toBeGreaterThanOrEqual(2);
    }
  }, 300_000);
});
