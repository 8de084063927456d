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
  profiles?: string[];
  restart?: string;
  networks?: string[];
  healthcheck?: { test?: string[] };
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean } | null>;
};
const services = compose.services;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
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
});

/** The services `docker compose up` starts: those outside any profile. */
const defaultServices = Object.entries(services).filter(([, service]) => !service.profiles?.length);
const STORES = ['eventstore', 'redis'] as const;

/** `${REDIS_PASSWORD:?…}` as the variable it interpolates. */
const variableOf = (value: string | undefined) => /\$\{([A-Z_]+):\?[^}]*\}/.exec(value ?? '')?.[1];

describe('docker-compose.yml keeps the stores off the network and needs their secrets (issue 12: secrets and defaults)', () => {
  it.each(STORES)('%s publishes no host port and sits only on the internal `stores` network', (name) => {
    expect(services[name].ports ?? []).toEqual([]);
    expect(services[name].networks).toEqual(['stores']);
    expect(compose.networks?.stores?.internal).toBe(true);
  });

  it('the api and the worker are the only default services on the stores network', () => {
    const onStores = defaultServices.filter(([, service]) => service.networks?.includes('stores')).map(([name]) => name);
    expect(onStores.sort()).toEqual(['api', 'eventstore', 'redis', 'worker']);
  });

  it('only a dev-ports profile reaches the stores from the machine, and only on 127.0.0.1', () => {
    const forwarders = Object.entries(services).filter(([, service]) => service.command?.some((part) => /^TCP:(eventstore|redis):/.test(part)));
    expect(forwarders.length).toBeGreaterThan(0);
    for (const [name, service] of forwarders) {
      expect({ name, profiles: service.profiles }).toEqual({ name, profiles: ['dev-ports'] });
      for (const port of service.ports ?? []) expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });

  it('no default service but the api and the worker publishes a port beyond 127.0.0.1', () => {
    const open = defaultServices
      .filter(([name]) => !appServices.includes(name as (typeof appServices)[number]))
      .flatMap(([name, service]) => (service.ports ?? []).filter((port) => !port.startsWith('127.0.0.1:')).map((port) => `${name} ${port}`));
    expect(open).toEqual([]);
  });

  it('Redis requires the password REDIS_URL carries, taken from .env (no default)', () => {
    const redis = services.redis;
    expect(redis.command?.join(' ')).toMatch(/--requirepass "\$\$REDIS_PASSWORD"/);
    expect(variableOf(redis.environment?.REDIS_PASSWORD)).toBe('REDIS_PASSWORD');
    for (const name of appServices) {
      const url = String(services[name].environment?.REDIS_URL);
      expect(url).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
      expect(new URL(loadConfig(interpolate(services[name].environment ?? {})).REDIS_URL as string).password).not.toBe('');
    }
    expect(redis.healthcheck?.test?.join(' ')).toContain('REDISCLI_AUTH="$$REDIS_PASSWORD"');
  });

  it('takes every secret from .env: TOKEN_SECRET and STAFF_ADMIN_PASSWORD have no default in the file', () => {
    for (const name of appServices) {
      expect(variableOf(services[name].environment?.TOKEN_SECRET)).toBe('TOKEN_SECRET');
      expect(variableOf(services[name].environment?.STAFF_ADMIN_PASSWORD)).toBe('STAFF_ADMIN_PASSWORD');
    }
  });

  it.each(appServices)('%s listens on 0.0.0.0 inside its container (the product binds 127.0.0.1 unless HOST says otherwise)', (name) => {
    expect(loadConfig(interpolate(services[name].environment ?? {})).HOST).toBe('0.0.0.0');
  });

  it('every default service restarts unless stopped', () => {
    const restarts = Object.fromEntries(defaultServices.map(([name, service]) => [name, service.restart]));
    expect(restarts).toEqual(Object.fromEntries(defaultServices.map(([name]) => [name, 'unless-stopped'])));
  });

  it.each(appServices)('%s has a healthcheck asking its /health on its PORT', (name) => {
    const test = services[name].healthcheck?.test ?? [];
    expect(test[0]).toBe('CMD');
    expect(test.join(' ')).toMatch(/process\.env\.PORT.*\/health/);
  });

  it('the image creates its data directory owned by node, the user it runs as, and listens on its interfaces', () => {
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/DATA_DIR=\/app\/data/);
    expect(finalStage).toMatch(/mkdir -p \/app\/data && chown node:node \/app\/data/);
    expect(finalStage.indexOf('chown node:node /app/data')).toBeLessThan(finalStage.indexOf('USER node'));
    expect(finalStage).toMatch(/HOST=0\.0\.0\.0/);
  });
});
