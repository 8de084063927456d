import 'reflect-metadata';
import { ConfigurationError, createRootLogger, loadConfig, SystemClock } from '@libs/platform';
import { createApp } from './create-app';

/**
 * Starts the product in the role APP_ROLE names (the worker entry point passes 'worker' as the default).
 * A configuration error stops it with exit code 78 and a message naming each bad variable.
 */
export async function bootstrap(defaultRole?: 'worker') {
  let config;
  try {
    config = loadConfig(defaultRole && !process.env.APP_ROLE ? { ...process.env, APP_ROLE: defaultRole } : process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  try {
    const app = await createApp({ config, clock: new SystemClock(), logger });
    await app.listen(config.PORT, config.HOST);
    const serves = config.APP_ROLE === 'worker' ? 'HTTP: /health and /metrics only' : `http://localhost:${config.PORT}`;
    logger.info({ port: config.PORT, role: config.APP_ROLE }, `running as ${config.APP_ROLE} (${serves})`);
  } catch (error) {
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

