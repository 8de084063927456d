import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../support/esdb-stand-in/start';
import { startAppProcess, type AppProcess } from './support/app-process';
import { LibraryClient, seedLibrary } from './support/library-client';
import { eventually } from './support/eventually';

/**
 * The EventStoreDB client over the test-only protocol stand-in (not EventStoreDB): the stand-in is killed while the
 * app runs, then restarted on the same port with the same data file.
 */
describe('fault: the event store goes away and comes back (I6)', () => {
  let workDir: string;
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'holds-fault-esdb-'));
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('commands answer 503 event-store-unavailable, nothing is written, and the app recovers by itself', async () => {
    const dataFile = join(workDir, 'events.jsonl');
    standIn = await startStandIn({ dataFile });
    app = await startAppProcess({ env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: standIn.connectionString, DATA_DIR: workDir } });
    const client = new LibraryClient(app.baseUrl);
    await client.loginStaff();
    const library = await seedLibrary(client, { locationId: 'central', titles: 3, patrons: 2, firstCard: 200000000 });
    const [alice, bob] = library.tokens;
    expect((await client.placeHold(alice, 'T0', 'central')).status).toBe(201);
    const before = await standIn.stats();

    standIn.kill();
    await standIn.exited;

    const placement = await client.placeHold(bob, 'T1', 'central');
    expect(placement.status).toBe(503);
    expect(placement.body).toMatchObject({ type: '/problems/event-store-unavailable', status: 503 });
    expect(placement.headers.get('retry-after')).toBe('5');
    const checkin = await client.checkin(library.copyIds[2], 'central');
    expect(checkin.status).toBe(503);
    expect(checkin.body).toMatchObject({ type: '/problems/event-store-unavailable' });
    const health = await client.health();
    expect(health.status).toBe(503);
    expect(health.body.error?.eventStore).toMatchObject({ status: 'down' });

    standIn = await startStandIn({ port: standIn.port, dataFile });
    // Nothing of the refused commands reached the store: not a claimed slot, not a returned copy.
    expect((await standIn.stats()).events).toBe(before.events);

    const placed = await eventually(async () => {
      const answer = await client.placeHold(bob, 'T1', 'central');
      if (answer.status !== 201) throw new Error(`still ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    }, 60_000);
    await eventually(async () => expect((await client.health()).status).toBe(200), 60_000);
    await eventually(async () => {
      const holds = await client.list(bob, '/me/holds');
      expect(holds.body.items.map((item) => item.holdId)).toEqual([placed.holdId]);
    }, 60_000);
    expect((await client.checkin(library.copyIds[0], 'central')).status).toBe(201);
    const ready = await client.list(alice, '/me/holds/ready');
    expect(ready.body.items).toHaveLength(1);
  }, 180_000);
});
