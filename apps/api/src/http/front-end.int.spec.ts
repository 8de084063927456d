import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { frontEndDirectory, serveFrontEnd } from './front-end';

describe('the built front end served beside the API', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'holds-web-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const serverOn = (web: string) => {
    const server = express();
    serveFrontEnd(server, web);
    return request(server);
  };

  it('answers a client route of each app with its index.html, and serves the shared assets', async () => {
    for (const app of ['console', 'patron']) {
      await mkdir(join(directory, app));
      await writeFile(join(directory, app, 'index.html'), `<title>${app}</title>`);
    }
    await mkdir(join(directory, 'assets'));
    await writeFile(join(directory, 'assets', 'app.js'), 'export {};');
    const http = serverOn(directory);

    for (const path of ['/console', '/console/', '/console/holds/abc', '/console/patrons/123456789']) {
      const page = await http.get(path).expect(200);
      expect(page.text).toBe('<title>console</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await http.get('/patron/favourites').expect(200)).text).toBe('<title>patron</title>');
    const asset = await http.get('/assets/app.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('says clearly, as a 503 problem, that the front end is not built when it is missing', async () => {
    const http = serverOn(join(directory, 'missing'));
    const answer = await http.get('/console/holds/abc').expect(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.text)).toMatchObject({ type: '/problems/front-end-not-built', status: 503, instance: '/console/holds/abc' });
  });

  it('finds dist/web at the repository root from the sources and from the compiled API alike', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    expect(frontEndDirectory(__dirname)).toBe(join(root, 'dist', 'web'));
    expect(frontEndDirectory(join(root, 'dist', 'apps', 'api', 'src', 'http'))).toBe(join(root, 'dist', 'web'));
  });
});
