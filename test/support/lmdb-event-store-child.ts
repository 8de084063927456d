// A second process for the lmdb adapter's multi-process tests, run as
// `node -r ./scripts/ts-register.js test/support/lmdb-event-store-child.ts <mode> <directory>`.
// It reports on stdout, one JSON object per line (stdout to a pipe is synchronous on Linux, so a line
// is in the pipe before the next step starts). It exits when stdin closes, so a crashed test leaves
// no process behind.
//   open:  tries to open the store; prints {"opened":pid} or {"refused":message}, then exits.
//   hold:  opens the store and keeps it open: prints {"opened":pid}.
//   burst: opens the store and appends without end; prints {"ack":…} after every acknowledged append.
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, LmdbEventStore, type ExpectedRevision, type NewEvent } from '@libs/event-store';

export interface BurstAck {
  streamId: string;
  /** Revision and position of the last event of the acknowledged batch. */
  nextRevision: number;
  position: string;
  batchSize: number;
}

export interface BurstEventData {
  writer: number;
  batch: number;
  index: number;
  batchSize: number;
}

export type ChildMessage = { opened: number } | { refused: string } | { ack: BurstAck };

const BURST_WRITERS = 8;

function report(message: ChildMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main(mode: string, directory: string): Promise<void> {
  process.stdin.on('end', () => process.exit(0)).resume();
  let store: LmdbEventStore;
  try {
    store = await LmdbEventStore.open({ path: directory });
  } catch (error) {
    if (!(error instanceof EventStoreUnavailableError)) throw error;
    report({ refused: error.message });
    process.exit(1);
  }
  report({ opened: process.pid });
  switch (mode) {
    case 'open':
      await store.close();
      process.exit(0);
      break;
    case 'hold':
      break;
    case 'burst':
      await Promise.all(Array.from({ length: BURST_WRITERS }, (_, writer) => appendForever(store, writer)));
      break;
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

/** Each writer owns a stream and appends batches of 1 to 4 events, with the revision it expects. */
async function appendForever(store: LmdbEventStore, writer: number): Promise<never> {
  const streamId = `burst-${writer}`;
  let expected: ExpectedRevision = 'no_stream';
  for (let batch = 0; ; batch++) {
    const batchSize = 1 + (batch % 4);
    const events = Array.from({ length: batchSize }, (_, index): NewEvent => ({
      id: randomUUID(),
      type: 'BurstEvent',
      data: { writer, batch, index, batchSize } satisfies BurstEventData,
      metadata: {
        correlationId: randomUUID(),
        causationId: randomUUID(),
        actor: { kind: 'system', id: 'burst' },
        occurredAt: new Date().toISOString(),
      },
    }));
    const { nextRevision, position } = await store.append(streamId, events, expected);
    expected = nextRevision;
    report({ ack: { streamId, nextRevision, position: position.toString(), batchSize } });
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
