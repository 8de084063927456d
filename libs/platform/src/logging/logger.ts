import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { requestContext } from '../request-context';

/** Names of fields that hold a secret, wherever they appear in a logged object. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'newPasswordHash',
  'token',
  'rawToken',
  'tokenHash',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
];

/**
 * What pino replaces with "[Redacted]" in every line: request credentials, and any secret-looking field at the top
 * of a logged object or up to three levels into it (a body, an event's data, a mail request).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]),
];

/**
 * A URL as logged: the path, and each query parameter's name with its value replaced (a reset link's `?token=`
 * must never reach a log).
 */
export function redactedUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const names = [...new URLSearchParams(url.slice(start + 1)).keys()];
  return `${url.slice(0, start)}?${names.map((name) => `${encodeURIComponent(name)}=[Redacted]`).join('&')}`;
}

/** Structured JSON logs; every line written inside a request carries its correlation id. */
export function createRootLogger(level: string): Logger {
  return pino({
    level,
    redact: REDACTED_LOG_PATHS,
    base: { service: 'library-holds' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = requestContext.current();
      return context ? { correlationId: context.correlationId } : {};
    },
  });
}

/** Nest's own log lines (start-up, routes, errors) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
