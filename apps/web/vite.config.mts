import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const API_TARGET = process.env.API_URL ?? 'http://localhost:3000';
const APPS = ['console', 'patron'];

/** `npm run web:dev`: client routes such as /console/holds/… load their app's page, as the API server does. */
function clientRouteFallback(): Plugin {
  return {
    name: 'client-route-fallback',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const app = APPS.find((name) => request.url?.startsWith(`/${name}`));
        if (app && !request.url?.includes('.')) request.url = `/${app}/index.html`;
        next();
      });
    },
  };
}

/** Two pages, the staff console and the patron page, built into the repository's dist/web beside the API. */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [clientRouteFallback()],
  build: {
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    rolldownOptions: { input: Object.fromEntries(APPS.map((name) => [name, resolve(here, name, 'index.html')])) },
  },
  server: {
    proxy: Object.fromEntries(['/auth', '/me', '/staff', '/health', '/openapi.json'].map((path) => [path, API_TARGET])),
  },
});
