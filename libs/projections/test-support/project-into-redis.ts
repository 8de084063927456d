/**
 * A worker process for the crash test (I5): projects an embedded event store into Redis until caught up, then exits 0.
 * node -r ./scripts/ts-register.js libs/projections/test-support/project-into-redis.ts <events dir> <redis url> <key prefix> <batch size>
 */
import { LmdbEventStore } from '@libs/event-store';
import { Redis } from 'ioredis';
import { auditReadModel } from './audit-read-model';
import { ProjectionRunner, allReadModels, RedisReadModelStore } from '@libs/projections';

async function main(): Promise<void> {
  const [path, redisUrl, keyPrefix, batchSize] = process.argv.slice(2);
  const eventStore = await LmdbEventStore.open({ path });
  const redis = new Redis(redisUrl);
  const runner = new ProjectionRunner({
    eventStore,
    store: new RedisReadModelStore({ redis, keyPrefix }),
    readModels: [...allReadModels, auditReadModel({ eventId: null })],
    batchSize: Number(batchSize),
    retryDelayMs: 0,
  });
  await runner.start();
  const reached = await runner.waitForPosition(await eventStore.headPosition(), 120_000);
  const { state, position, error } = runner.status();
  await runner.stop();
  await eventStore.close();
  await redis.quit();
  if (!reached) {
    process.stderr.write(`projections did not catch up: ${state} at ${String(position)}: ${String(error)}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
