import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { SystemClock } from './clock';
import type { AppConfig } from './config/app-config';
import { ConfigurationError, loadConfig } from './config/load-config';
import { createHttpApp, type AppParts } from './http/create-http-app';
import { createRootLogger } from './logging/logger';

/**
 * Starts one entry point's process: the api, the worker, or both in one (`npm start`). The role is the entry point's,
 * not a variable: configuration may not contradict it. A configuration error stops it with exit code 78 and a
 * message naming each bad variable. It listens on HOST (127.0.0.1 unless set) and logs the address it is bound to.
 */
export async function runApp(role: AppConfig['APP_ROLE'], parts: AppParts): Promise<void> {
  const asked = process.env.APP_ROLE;
  if (asked && asked !== role) {
    process.stderr.write(
      `APP_ROLE=${asked} contradicts this entry point, which runs the ${role} role: start the ${asked} entry point instead, or unset APP_ROLE.\n`,
    );
    process.exit(78);
  }
  let config: AppConfig;
  try {
    config = loadConfig({ ...process.env, APP_ROLE: role });
  } catch (error) {
    exitOnConfigurationError(error);
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  try {
    const app = await createHttpApp(parts, { config, clock: new SystemClock(), logger });
    await app.listen(config.PORT, config.HOST);
    const { address, port } = app.getHttpServer().address() as AddressInfo;
    const serves = role === 'worker' ? 'HTTP: /health and /metrics only' : `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
    logger.info({ address, port, role }, `running as ${role} (${serves})`);
  } catch (error) {
    // What start-up itself finds wrong (an unreadable stored secret, a bad POLICY_FILE) is configuration too.
    exitOnConfigurationError(error);
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

function exitOnConfigurationError(error: unknown): void {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
