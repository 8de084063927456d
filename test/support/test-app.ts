import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import request from 'supertest';
import type { EventStore } from '@libs/event-store';
import { AdjustableClock, loadConfig, type AppConfig } from '@libs/platform';
import { createApp } from '../../apps/server/src/server-app';
import { TEST_SECRETS_ENV } from './test-secrets';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  clock: AdjustableClock;
  config: AppConfig;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Start time; default a Monday morning in Tokyo. */
  now?: string;
  dataDir?: string;
  eventStore?: EventStore;
  clock?: AdjustableClock;
}

/** The real app (real HTTP stack, real lmdb store in a temp directory), with a clock the test moves. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'holds-e2e-')));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...TEST_SECRETS_ENV, ...options.env });
  const clock = options.clock ?? new AdjustableClock(options.now ?? '2026-11-23T01:00:00Z');
  const logger = pino({ level: 'silent' });
  const app = await createApp({ config, clock, logger, eventStore: options.eventStore });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    clock,
    config,
    dataDir,
    close: async () => {
      await app.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
