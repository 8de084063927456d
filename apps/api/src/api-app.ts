import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type express from 'express';
import type { Request, Response } from 'express';
import { CONTENT_SECURITY_POLICY, ProjectionsModule, type AppParts } from '@libs/platform';
import { ApiModule } from './api.module';
import { serveFrontEnd } from './http/front-end';

function docsContentSecurityPolicy(): string {
  const directives = { ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

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
  // The reference page (swagger-ui) writes its own <style> blocks: inline styles there only, scripts still 'self'.
  server.use('/docs', (_request: Request, response: Response, next: () => void) => {
    response.setHeader('Content-Security-Policy', docsContentSecurityPolicy());
    next();
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
