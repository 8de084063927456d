import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { CoreModule, type CoreOptions } from '../core/core.module';
import { HealthModule } from '../health/health.module';
import { PinoNestLogger } from '../logging/logger';
import { ReadModelsModule } from '../read-models/read-models.module';
import { bodyDepthLimit } from './body-depth';
import { bodyParserErrors } from './body-parser-errors';
import { answerClientErrorsAsProblems } from './client-errors';
import { correlationMiddleware } from './correlation.middleware';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

/** What a process runs: the modules its entry point composes, and what it adds to the HTTP server (docs, pages). */
export interface AppParts {
  modules: (options: CoreOptions) => DynamicModule[];
  http?: (app: NestExpressApplication) => void;
}

@Module({})
class RootModule {}

/**
 * Builds one Nest application from the parts an entry point names, with the product's HTTP conventions (correlation
 * ids, JSON logs, problem+json errors, body limits, validation) and the shared core, read models and /health.
 */
export async function createHttpApp(parts: AppParts, options: CoreOptions): Promise<NestExpressApplication> {
  const { config, logger } = options;
  const root: DynamicModule = {
    module: RootModule,
    imports: [CoreModule.register(options), HealthModule, ReadModelsModule, ...parts.modules(options)],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, { bodyParser: false, logger: new PinoNestLogger(logger), abortOnError: false });
  answerClientErrorsAsProblems(app.getHttpServer());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (request) => request.url === '/health' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.use(helmet({ contentSecurityPolicy: false }));
  // Any JSON value parses; a body that is not an object is a validation problem (validation.pipe.ts).
  app.use(express.json({ limit: config.BODY_LIMIT_BYTES, strict: false, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
  app.use(bodyDepthLimit);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.enableShutdownHooks();
  parts.http?.(app);
  await app.init();
  return app;
}
