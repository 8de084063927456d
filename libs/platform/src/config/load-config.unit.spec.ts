import { ConfigurationError, loadConfig } from './load-config';

describe('configuration from the environment', () => {
  it('gives the embedded mode with no variables set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, EVENT_STORE: 'lmdb', READ_MODEL_STORE: 'memory', DATA_DIR: './data', MAIL_TRANSPORT: 'outbox' });
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', SMTP_SECURE: 'true', SMTP_PORT: '465' });
    expect(config.PORT).toBe(8080);
    expect(config.SMTP_SECURE).toBe(true);
    expect(config.SMTP_PORT).toBe(465);
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/EVENT_STORE/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LIBRARY_POLICY: 'library-z', SMTP_SECURE: 'maybe' });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const names = (error as ConfigurationError).problems.map((problem) => problem.split(':')[0]);
      expect(names).toEqual(expect.arrayContaining(['PORT', 'LIBRARY_POLICY', 'SMTP_SECURE']));
    }
  });

  it('requires the connection settings of the chosen adapters', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
    expect(() => loadConfig({ READ_MODEL_STORE: 'redis' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_HOST/);
  });

  it('refuses the development token secret and admin password in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TOKEN_SECRET.*\n.*STAFF_ADMIN_PASSWORD/s);
    const config = loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40), STAFF_ADMIN_PASSWORD: 'a-real-password' });
    expect(config.NODE_ENV).toBe('production');
  });
});
