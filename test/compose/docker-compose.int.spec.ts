import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@libs/platform/config/load-config';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const appServices = ['api', 'worker'] as const;

/** Compose interpolates `${VAR:?message}` from .env; stand in a valid value for the check. */
function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, String(value).replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'a-production-value-of-at-least-32-characters')]),
  );
}

describe('docker-compose.yml (the production topology), held against the configuration schema', () => {
  it('has EventStoreDB, Redis, the api and the worker', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['eventstore', 'redis', 'api', 'worker']));
  });

  it('pins every image to an exact tag', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.image) expect({ name, tag: service.image.split(':')[1] }).toEqual({ name, tag: expect.stringMatching(/^v?\d+\.\d+\.\d+/) });
    }
  });

  it.each(appServices)('%s sets only variables the app reads, and they pass its validation', (name) => {
    const environment = interpolate(services[name].environment ?? {});
    const unknown = Object.keys(environment).filter((variable) => !CONFIG_VARIABLES.includes(variable));
    expect(unknown).toEqual([]);
    expect(() => loadConfig(environment)).not.toThrow();
  });

  it.each(appServices)('%s reaches EventStoreDB and Redis by their service names and ports', (name) => {
    const config = loadConfig(interpolate(services[name].environment ?? {}));
    expect(config.EVENT_STORE).toBe('eventstoredb');
    expect(new URL(config.EVENTSTORE_CONNECTION_STRING as string).host).toBe('eventstore:2113');
    expect(services.eventstore.ports).toContain('2113:2113');
    expect(config.READ_MODEL_STORE).toBe('redis');
    expect(new URL(config.REDIS_URL as string).host).toBe('redis:6379');
    expect(Object.keys(services[name].depends_on ?? {})).toEqual(expect.arrayContaining(['eventstore', 'redis']));
  });

  it.each(appServices)('%s publishes the port it listens on (PORT)', (name) => {
    const config = loadConfig(interpolate(services[name].environment ?? {}));
    expect(services[name].ports).toContain(`${config.PORT}:${config.PORT}`);
  });

  it('runs the api and the worker from their own entry points, built from one Dockerfile, with APP_ROLE matching each', () => {
    expect(services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    for (const entry of ['apps/api/src/main.ts', 'apps/worker/src/main.ts']) expect(existsSync(join(root, entry))).toBe(true);
    // An entry point refuses an APP_ROLE that names another role (libs/platform/src/run-app.ts).
    expect(services.api.environment?.APP_ROLE).toBe('api');
    expect(services.worker.environment?.APP_ROLE).toBe('worker');
    expect(services.api.build).toEqual(services.worker.build);
  });

  it('refuses to start without production secrets (no default secret in the file)', () => {
    expect(services.api.environment?.TOKEN_SECRET).toMatch(/^\$\{TOKEN_SECRET:\?/);
  });
});
