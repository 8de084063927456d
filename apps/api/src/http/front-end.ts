import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from '@libs/platform';

/** The pages the web build makes (apps/web), each a client-routed app under its own path. */
const FRONT_END_APPS = ['console', 'patron'] as const;

/**
 * The web build sits in the repository's dist/web, beside the compiled API, so one `dist` holds all that
 * runs (the container image copies only dist). The repository root is the first folder above this file
 * with a package.json, from the sources (apps/api/src) as from the build (dist/apps/api/src).
 */
export function frontEndDirectory(from = __dirname): string {
  let directory = from;
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  return join(directory, 'dist', 'web');
}

function frontEndMissing(request: Request, response: Response) {
  response
    .status(503)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemType('front-end-not-built'),
        title: 'Front end not built',
        status: 503,
        detail: 'The staff console and the patron page are not built on this server: run `npm run build`.',
        instance: request.originalUrl,
      }),
    );
}

/**
 * Serves the staff console at /console and the patron page at /patron. A path that is no file is one of
 * the app's own routes (/console/holds/…): its index.html answers, and the app draws the route.
 */
export function serveFrontEnd(server: Express, directory = frontEndDirectory()): void {
  server.use('/assets', express.static(join(directory, 'assets'), { immutable: true, maxAge: '1y' }));
  for (const app of FRONT_END_APPS) {
    const index = join(directory, app, 'index.html');
    server.use(`/${app}`, express.static(join(directory, app), { index: false, redirect: false }));
    server.get([`/${app}`, `/${app}/*route`], (request, response) => {
      if (!existsSync(index)) return frontEndMissing(request, response);
      response.set('Cache-Control', 'no-cache').sendFile(index);
    });
  }
}
