import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { LmdbEventStore } from '@libs/event-store';
import { AdjustableClock, loadConfig, requestContext } from '@libs/platform';
import { createApp } from '../../../apps/server/src/server-app';
import type { TestApp } from '../../support/test-app';
import { TEST_SECRETS_ENV } from '../../support/test-secrets';
import { FailingEventStore } from './failing-event-store';

export interface LoggedApp extends TestApp {
  /** Every log line the app wrote, at every level, as written. */
  logLines: string[];
  store: FailingEventStore;
}

/** The real app with its logs captured at trace level and a store the test can make fail. */
export async function startLoggedApp(options: { env?: Record<string, string>; now?: string } = {}): Promise<LoggedApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holds-logged-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'trace', NODE_ENV: 'test', ...TEST_SECRETS_ENV, ...options.env });
  const clock = new AdjustableClock(options.now ?? '2026-11-23T01:00:00Z');
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const inner = await LmdbEventStore.open({ path: join(dataDir, 'events') });
  const store = new FailingEventStore(inner);
  // Like the production root logger: each line written inside a request carries its correlation id.
  const logger = pino({ level: 'trace', mixin: () => ({ correlationId: requestContext.current()?.correlationId }) }, sink);
  const app = await createApp({ config, clock, logger, eventStore: store });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    clock,
    config,
    dataDir,
    logLines,
    store,
    close: async () => {
      await app.close();
      await inner.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
