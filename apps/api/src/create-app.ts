import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { PinoNestLogger } from '@libs/platform';
import { AppModule } from './app.module';
import type { CoreOptions } from './core/core.module';
import { correlationMiddleware } from './http/correlation.middleware';
import { bodyDepthLimit } from './http/body-depth';
import { bodyParserErrors } from './http/body-parser-errors';
import { answerClientErrorsAsProblems } from './http/client-errors';
import { serveFrontEnd } from './http/front-end';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';

/** Builds the Nest application with the HTTP conventions of the product; main.ts and the e2e tests both use it. */
export async function createApp(options: CoreOptions): Promise<NestExpressApplication> {
  const { config, logger } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
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

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Library holds')
      .setDescription('Holds (reservations) for public libraries: patron and staff API. Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  (app.getHttpAdapter().getInstance() as express.Express).get('/openapi.json', (_request: Request, response: Response) => {
    response.json(openApi);
  });
  SwaggerModule.setup('docs', app, openApi);
  serveFrontEnd(app.getHttpAdapter().getInstance() as express.Express);

  await app.init();
  return app;
}
