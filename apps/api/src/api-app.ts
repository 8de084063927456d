import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type express from 'express';
import type { Request, Response } from 'express';
import { ProjectionsModule, type AppParts } from '@libs/platform';
import { ApiModule } from './api.module';
import { serveFrontEnd } from './http/front-end';

/** The API's additions to the HTTP server: the OpenAPI reference (/docs, /openapi.json) and the two web pages. */
export function serveApiExtras(app: NestExpressApplication): void {
  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Library holds')
      .setDescription('Holds (reservations) for public libraries: patron and staff API. Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.get('/openapi.json', (_request: Request, response: Response) => {
    response.json(openApi);
  });
  SwaggerModule.setup('docs', app, openApi);
  serveFrontEnd(server);
}

/**
 * The api process of a split deployment. Read models in Redis are kept by the worker; read models in this process's
 * memory can only be kept by this process, so it projects them itself.
 */
export const apiApp: AppParts = {
  modules: ({ config }) => [{ module: ApiModule }, ...(config.READ_MODEL_STORE === 'memory' ? [{ module: ProjectionsModule }] : [])],
  http: serveApiExtras,
};
