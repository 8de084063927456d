import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { CoreModule, type CoreOptions } from '../core/core.module';
import { HealthModule } from '../health/health.module';
import { PinoNestLogger, REDACTED_LOG_PATHS, redactedUrl } from '../logging/logger';
import { ReadModelsModule } from '../read-models/read-models.module';
import { bodyDepthLimit } from './body-depth';
import { bodyParserErrors } from './body-parser-errors';
import { answerClientErrorsAsProblems } from './client-errors';
import { correlationMiddleware } from './correlation.middleware';
import { isDeliberateRefusal, ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

/** What a process runs: the modules its entry point composes, and what it adds to the HTTP server (docs, pages). */
export interface AppParts {
  modules: (options: CoreOptions) => DynamicModule[];
  http?: (app: NestExpressApplication) => void;
}

@Module({})
class RootModule {}

/**
 * The Content-Security-Policy of every answer. The pages (apps/web, built by Vite) load only their own module
 * scripts, stylesheets and API calls from this origin, with no inline script or style, so nothing else may run
 * or be loaded; JSON answers get the same policy, which denies them everything a browser could do with them.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/** HSTS tells browsers to use HTTPS only: sent only on an HTTPS request (directly, or from a trusted proxy's X-Forwarded-Proto). */
const HSTS = 'max-age=31536000; includeSubDomains';

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
      redact: REDACTED_LOG_PATHS,
      // Query strings carry reset tokens (?token=…) and such: their values never reach a log line.
      // A deliberate 503 (the maintenance window) is the service working: no made-up error with a stack beside it.
      customErrorObject: (_request, response, _error, logged) =>
        isDeliberateRefusal(response as unknown as express.Response) ? { res: logged.res, responseTime: logged.responseTime } : logged,
      customErrorMessage: (_request, response) => (isDeliberateRefusal(response as unknown as express.Response) ? 'request completed' : 'request errored'),
      serializers: {
        req: (request: { url?: string; query?: unknown }) => ({
          ...request,
          url: request.url === undefined ? undefined : redactedUrl(request.url),
          query: undefined,
        }),
      },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, strictTransportSecurity: false }));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.secure) response.setHeader('Strict-Transport-Security', HSTS);
    next();
  });
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
