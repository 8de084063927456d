/**
 * npm run projections:rebuild: rebuilds every read model from position 0 into a new generation and swaps it in.
 * Readers keep seeing the previous generation, complete, until the swap (I5). See README "Operations".
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { EventStore } from '@libs/event-store';
import { RedisReadModelStore, rebuildReadModels, type RebuildProgress } from '@libs/projections';
import { loadConfig, openEventStore, type AppConfig } from '@libs/platform';
import { CommandFailure, ExitCode } from './support/exit-codes';
import { progressBar, ratePerSecond } from './support/progress-bar';
import { redactUrl } from './support/redact-url';
import { reasonOf, runCommand } from './support/run-command';

const USAGE = `Usage: npm run projections:rebuild

Rebuilds the read models in Redis from the whole event log and swaps them in at once; the app keeps
answering from the previous read models meanwhile. Configured by the app's environment variables
(EVENT_STORE, DATA_DIR or EVENTSTORE_CONNECTION_STRING, READ_MODEL_STORE, REDIS_URL, REDIS_KEY_PREFIX).

Exit codes: 0 rebuilt (or nothing to rebuild), 1 failed (the live read models are unchanged),
64 bad arguments, 78 bad configuration.`;

/** The app's read models live under this prefix (apps/api/src/read-side/read-models.module.ts). */
function readModelKeyPrefix(config: AppConfig): string {
  return `${config.REDIS_KEY_PREFIX}read-models:`;
}

async function connectRedis(url: string): Promise<Redis> {
  // A few quick reconnects ride out a blip during a long rebuild; the first connection must succeed.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    retryStrategy: (times) => (times > 5 ? null : 200 * times),
  });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new CommandFailure(`Cannot reach Redis at ${redactUrl(url)} (REDIS_URL): ${lastError?.message ?? reasonOf(error)}`, ExitCode.failed);
  }
  return redis;
}

function describeEventStore(config: AppConfig): string {
  return config.EVENT_STORE === 'lmdb' ? `lmdb in ${config.DATA_DIR}/events` : `EventStoreDB at ${redactUrl(config.EVENTSTORE_CONNECTION_STRING as string)}`;
}

async function connectEventStore(config: AppConfig): Promise<EventStore> {
  let eventStore: EventStore | undefined;
  try {
    eventStore = await openEventStore(config);
    await eventStore.ping();
    return eventStore;
  } catch (error) {
    await eventStore?.close().catch(() => undefined);
    const reason = reasonOf(error);
    // The lmdb adapter refuses a directory another live process holds (DataDirLock): say what to do about it.
    const locked = config.EVENT_STORE === 'lmdb' && /in use by process/.test(reason);
    const hint = locked
      ? `\nThe embedded event store can be open in one process at a time, and the app holding DATA_DIR=${config.DATA_DIR} has it. ` +
        'Stop the app, run the rebuild, start the app again (the read models in Redis stay readable meanwhile). ' +
        'With EVENT_STORE=eventstoredb the rebuild runs beside the live app.'
      : '';
    throw new CommandFailure(`Cannot open the event store (${describeEventStore(config)}): ${reason}${hint}`, ExitCode.failed);
  }
}

async function main(): Promise<ExitCode> {
  try {
    const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return ExitCode.ok;
    }
  } catch (error) {
    throw new CommandFailure(`${reasonOf(error)}\n\n${USAGE}`, ExitCode.usage);
  }

  const config = loadConfig();
  if (config.READ_MODEL_STORE === 'memory') {
    process.stdout.write(
      'Nothing to rebuild: the read models are in memory (READ_MODEL_STORE=memory), and the embedded mode rebuilds them ' +
        'from the event log at every start. Restart the app to rebuild them.\n',
    );
    return ExitCode.ok;
  }

  const redis = await connectRedis(config.REDIS_URL as string);
  let eventStore: EventStore | undefined;
  const bar = progressBar('rebuilding read models');
  try {
    eventStore = await connectEventStore(config);
    const keyPrefix = readModelKeyPrefix(config);
    process.stderr.write(
      `Rebuilding the read models from ${describeEventStore(config)} into Redis ${redactUrl(config.REDIS_URL as string)} (keys ${keyPrefix}*)\n`,
    );
    const startedAt = Date.now();
    // Positions are not dense (EventStoreDB's are byte offsets), so the bar runs over positions and the detail counts events.
    const onProgress = ({ position, head, events }: RebuildProgress) =>
      bar.update(
        Number(position),
        Math.max(Number(head), Number(position)),
        `${events} events | position ${position}/${head} | ${ratePerSecond(events, startedAt)} events/s`,
      );
    const result = await rebuildReadModels(eventStore, new RedisReadModelStore({ redis, keyPrefix }), { onProgress }).catch((error: unknown) => {
      throw new CommandFailure(`The rebuild failed: ${reasonOf(error)}\nThe live read models were left as they were.`, ExitCode.failed);
    });
    bar.stop();
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    process.stdout.write(
      result.position === null
        ? 'The event log is empty: swapped in empty read models.\n'
        : `Rebuilt the read models from ${result.events} events (up to position ${result.position}) in ${seconds} s and swapped them in.\n`,
    );
    return ExitCode.ok;
  } finally {
    bar.stop();
    await eventStore?.close().catch(() => undefined);
    redis.disconnect();
  }
}

runCommand(main);
