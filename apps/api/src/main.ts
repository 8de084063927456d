import 'reflect-metadata';
import { ConfigurationError, createRootLogger, loadConfig, SystemClock } from '@libs/platform';
import { createApp } from './create-app';

async function main() {
  let config;
  try {
    config = loadConfig();
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
    if (config.APP_ROLE === 'worker') {
      await app.listen(config.PORT, config.HOST);
      logger.info({ role: config.APP_ROLE }, 'worker running (HTTP: /health and /metrics only)');
      return;
    }
    await app.listen(config.PORT, config.HOST);
    logger.info({ port: config.PORT, role: config.APP_ROLE }, `listening on http://localhost:${config.PORT}`);
  } catch (error) {
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
