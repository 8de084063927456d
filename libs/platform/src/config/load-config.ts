import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { ADMIN_PASSWORD_STRENGTH, isPublishedValue, TOKEN_SECRET_STRENGTH, weakness } from './secret-strength';

/** Thrown at start when the environment is wrong; the message names every variable to fix. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The variable names the product reads: the docker-compose test holds the compose file against this list. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(new AppConfig());

/**
 * Their values never go to stderr or the logs, even when they are wrong (a short secret is still a secret; the URLs
 * carry the stores' passwords).
 */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['TOKEN_SECRET', 'STAFF_ADMIN_PASSWORD', 'SMTP_PASSWORD', 'REDIS_URL', 'EVENTSTORE_CONNECTION_STRING']);

function describe(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  const got = SECRET_VARIABLES.has(error.property) ? 'value hidden' : `got ${JSON.stringify(error.value)}`;
  return `${error.property}: ${messages.join('; ')} (${got})`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(CONFIG_VARIABLES.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
  const config = plainToInstance(AppConfig, known);
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = errors.map(describe);

  if (config.EVENT_STORE === 'eventstoredb' && !config.EVENTSTORE_CONNECTION_STRING) {
    problems.push('EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb');
  }
  if (config.READ_MODEL_STORE === 'redis' && !config.REDIS_URL) {
    problems.push('REDIS_URL: required when READ_MODEL_STORE=redis');
  }
  if (config.MAIL_TRANSPORT === 'smtp' && !config.SMTP_HOST) {
    problems.push('SMTP_HOST: required when MAIL_TRANSPORT=smtp');
  }
  problems.push(...secretProblems(config, new Set(errors.map((error) => error.property))));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

/**
 * A value this repository published is refused in every mode. With NODE_ENV=production both secrets must be given (a
 * generated token secret would differ between api processes; a generated admin password would only be in a log) and
 * strong: long enough and not predictable.
 */
function secretProblems(config: AppConfig, alreadyWrong: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const secrets = [
    { name: 'TOKEN_SECRET', value: config.TOKEN_SECRET, rule: TOKEN_SECRET_STRENGTH, make: 'generate one with `openssl rand -base64 48`' },
    {
      name: 'STAFF_ADMIN_PASSWORD',
      value: config.STAFF_ADMIN_PASSWORD,
      rule: ADMIN_PASSWORD_STRENGTH,
      make: 'use a long passphrase or `openssl rand -base64 18`',
    },
  ];
  for (const { name, value, rule, make } of secrets) {
    if (alreadyWrong.has(name)) continue;
    if (value !== undefined && isPublishedValue(value)) {
      problems.push(`${name}: this value is published in the repository, so anyone can know it; ${make}`);
      continue;
    }
    if (config.NODE_ENV !== 'production') continue;
    if (value === undefined) {
      problems.push(`${name}: required when NODE_ENV=production; ${make}`);
      continue;
    }
    const reason = weakness(value, rule);
    if (reason) problems.push(`${name}: too weak for NODE_ENV=production (${reason}); ${make} (value hidden)`);
  }
  return problems;
}
