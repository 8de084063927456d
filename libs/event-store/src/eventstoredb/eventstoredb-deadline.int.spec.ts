import { randomUUID } from 'node:crypto';
import { startStandIn, type StandIn } from '../../../../test/support/esdb-stand-in/start';
import { EventStoreUnavailableError } from '../errors';
import type { NewEvent } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Over the real client and gRPC, against the test-only protocol stand-in (not EventStoreDB), made to misbehave.

const CALL_TIMEOUT_MS = 400;

const newEvent = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n: 1 },
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-12-01T09:00:00.000Z' },
});

describe('EventStoreDB adapter: every call has a deadline', () => {
  let standIn: StandIn;
  let store: EventStoreDbEventStore;

  afterEach(async () => {
    standIn.resume();
    await store.close();
    await standIn.stop();
  });

  it('a server that stops answering gives 503 event-store-unavailable after the deadline, not a request hanging for minutes', async () => {
    standIn = await startStandIn();
    store = await EventStoreDbEventStore.connect(standIn.connectionString, { callTimeoutMs: CALL_TIMEOUT_MS });
    const streamId = `deadline-${randomUUID()}`;
    await store.append(streamId, [newEvent('Before')], 'no_stream');

    standIn.pause();
    await expect(store.readStream(streamId)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll({ maxCount: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    // Neither written nor readable: the append is reported unavailable, so the caller's retry decides again.
    await expect(store.append(streamId, [newEvent('During')], 0)).rejects.toBeInstanceOf(EventStoreUnavailableError);

    standIn.resume();
    const events = await store.readStream(streamId);
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['Before']));
  });

  it('an append whose reply is lost is resolved by reading the stream: answered as committed, written once', async () => {
    standIn = await startStandIn({ swallowAppendReplies: true });
    store = await EventStoreDbEventStore.connect(standIn.connectionString, { callTimeoutMs: CALL_TIMEOUT_MS });
    const streamId = `lost-reply-${randomUUID()}`;
    const written = [newEvent('First'), newEvent('Second')];

    const result = await store.append(streamId, written, 'no_stream');

    const events = await store.readStream(streamId);
    expect(events.map((event) => event.id)).toEqual(written.map((event) => event.id));
    expect(result).toEqual({ nextRevision: 1, position: events[1].position });
  });
});
