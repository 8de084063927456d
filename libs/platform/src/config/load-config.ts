import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, DEFAULT_STAFF_ADMIN_PASSWORD, DEFAULT_TOKEN_SECRET } from './app-config';

/** Thrown at start when the environment is wrong; the message names every variable to fix. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The variable names the product reads: the docker-compose test holds the compose file against this list. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(new AppConfig());

/** Their values never go to stderr or the logs, even when they are wrong (a short secret is still a secret). */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['TOKEN_SECRET', 'STAFF_ADMIN_PASSWORD', 'SMTP_PASSWORD']);

function describe(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  const got = SECRET_VARIABLES.has(error.property) ? 'value hidden' : `got ${JSON.stringify(error.value)}`;
  return `${error.property}: ${messages.join('; ')} (${got})`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(CONFIG_VARIABLES.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
  const config = plainToInstance(AppConfig, known);
  const problems = validateSync(config, { forbidUnknownValues: true }).map(describe);

  if (config.EVENT_STORE === 'eventstoredb' && !config.EVENTSTORE_CONNECTION_STRING) {
    problems.push('EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb');
  }
  if (config.READ_MODEL_STORE === 'redis' && !config.REDIS_URL) {
    problems.push('REDIS_URL: required when READ_MODEL_STORE=redis');
  }
  if (config.MAIL_TRANSPORT === 'smtp' && !config.SMTP_HOST) {
    problems.push('SMTP_HOST: required when MAIL_TRANSPORT=smtp');
  }
  if (config.NODE_ENV === 'production') {
    if (config.TOKEN_SECRET === DEFAULT_TOKEN_SECRET) {
      problems.push('TOKEN_SECRET: the development default is refused when NODE_ENV=production');
    }
    if (config.STAFF_ADMIN_PASSWORD === DEFAULT_STAFF_ADMIN_PASSWORD) {
      problems.push('STAFF_ADMIN_PASSWORD: the development default is refused when NODE_ENV=production');
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}
