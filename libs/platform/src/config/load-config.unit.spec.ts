import { ConfigurationError, loadConfig } from './load-config';

/** What `openssl rand -base64 48` prints. */
const STRONG_SECRET = 'q7HfY2vR9kLx0pWm3ZtB8nCe5JuGs1aDo4VyXiK6QhTlNbMrE+PzwUcFjS/g2dOA';

describe('configuration from the environment', () => {
  it('gives the embedded mode with no variables set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, EVENT_STORE: 'lmdb', READ_MODEL_STORE: 'memory', DATA_DIR: './data', MAIL_TRANSPORT: 'outbox' });
  });

  it('binds 127.0.0.1 and has no token secret or admin password unless told (issue 12: nothing public signs or logs in)', () => {
    const config = loadConfig({});
    expect({ HOST: config.HOST, TOKEN_SECRET: config.TOKEN_SECRET, STAFF_ADMIN_PASSWORD: config.STAFF_ADMIN_PASSWORD }).toEqual({
      HOST: '127.0.0.1',
      TOKEN_SECRET: undefined,
      STAFF_ADMIN_PASSWORD: undefined,
    });
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
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

  it('requires the token secret and the admin password in production, naming both', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TOKEN_SECRET: required when NODE_ENV=production.*\n.*STAFF_ADMIN_PASSWORD: required/s);
    const config = loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: 'Quiet-Lantern-Orchard-42' });
    expect(config.NODE_ENV).toBe('production');
  });

  it.each([
    ['40 times the same character', 'x'.repeat(40)],
    ['two characters repeated', 'ab'.repeat(20)],
    ['digits counting up', '0123456789'.repeat(4)],
  ])('refuses a long but predictable TOKEN_SECRET in production (%s), without showing it', (_, secret) => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret, STAFF_ADMIN_PASSWORD: 'Quiet-Lantern-Orchard-42' });
    expect(attempt).toThrow(/TOKEN_SECRET: too weak for NODE_ENV=production \(it is too predictable: about \d+ bits/);
    expect(attempt).not.toThrow(secret);
  });

  it.each([
    ['too short', 'Ab3$efgh12', /it has 10 characters, at least 12 are needed/],
    ['one character', 'a'.repeat(16), /too predictable/],
    ['digits only', '123456789012', /too predictable/],
    ['a short pattern', 'Aa1!Aa1!Aa1!', /too predictable/],
  ])('refuses a weak STAFF_ADMIN_PASSWORD in production (%s)', (_, password, reason) => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: password });
    expect(attempt).toThrow(/STAFF_ADMIN_PASSWORD: too weak for NODE_ENV=production/);
    expect(attempt).toThrow(reason);
    expect(attempt).not.toThrow(/TOKEN_SECRET/);
  });

  it('accepts a weak but long enough secret outside production (development and tests choose their own)', () => {
    expect(loadConfig({ TOKEN_SECRET: 'x'.repeat(40), STAFF_ADMIN_PASSWORD: 'password' }).TOKEN_SECRET).toBe('x'.repeat(40));
  });

  it.each(['development-only-token-secret-change-me!', 'a-random-secret-of-at-least-32-characters'])(
    'refuses the token secret %s, published in this repository, in every mode',
    (secret) => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        expect(() => loadConfig({ NODE_ENV, TOKEN_SECRET: secret, STAFF_ADMIN_PASSWORD: 'Quiet-Lantern-Orchard-42' })).toThrow(
          /TOKEN_SECRET: this value is published in the repository/,
        );
      }
    },
  );

  it.each(['change-me-now', 'Change-Me-Now', 'a-real-admin-password'])(
    'refuses the admin password %s, published in this repository, in every mode',
    (password) => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        expect(() => loadConfig({ NODE_ENV, TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: password })).toThrow(
          /STAFF_ADMIN_PASSWORD: this value is published in the repository/,
        );
      }
    },
  );

  it('hides the value of a bad REDIS_URL: it carries the Redis password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2-redis@redis:6379' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL \(value hidden\)/);
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2-redis@redis:6379' })).not.toThrow(/hunter2/);
  });
});
