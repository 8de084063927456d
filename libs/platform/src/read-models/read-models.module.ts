import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InMemoryReadModelStore, RedisReadModelStore, type ReadModelStore } from '@libs/projections';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, READ_MODEL_STORE, REDIS } from '../tokens';
import { ConsistentReads } from './consistent-reads';
import { ReadYourWrites } from './read-your-writes';

/** Where the read models live (Redis, or this process's memory) and how a read waits for the writes before it. */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_STORE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): ReadModelStore =>
        config.READ_MODEL_STORE === 'redis' && redis
          ? new RedisReadModelStore({ redis, keyPrefix: `${config.REDIS_KEY_PREFIX}read-models:` })
          : new InMemoryReadModelStore(),
    },
    ReadYourWrites,
    ConsistentReads,
  ],
  exports: [READ_MODEL_STORE, ReadYourWrites, ConsistentReads],
})
export class ReadModelsModule {}
