import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainRuleViolation } from '@libs/domain';
import { EventStoreUnavailableError } from '@libs/event-store';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem';
import { isRedisUnavailable } from './redis-unavailable';

const STATUS_OF_KIND: Record<DomainRuleViolation['kind'], number> = {
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Raised by our own code with a ready problem body (validation, auth, idempotency, maintenance). */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}

export function toProblem(error: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
  if (error instanceof ProblemException) return { problem: error.problem, headers: error.headers };
  if (error instanceof DomainRuleViolation) {
    const status = STATUS_OF_KIND[error.kind];
    return {
      problem: {
        type: problemType(error.code),
        title: error.rule ? `${error.code} (${error.rule})` : error.code,
        status,
        detail: error.message,
        ...(error.rule ? { rule: error.rule } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
      headers: {},
    };
  }
  if (error instanceof EventStoreUnavailableError) {
    return {
      problem: {
        type: problemType('event-store-unavailable'),
        title: 'Service unavailable',
        status: 503,
        detail: 'The event store cannot be reached; nothing was changed. Try again shortly.',
      },
      headers: { 'Retry-After': '5' },
    };
  }
  if (isRedisUnavailable(error)) {
    return {
      problem: {
        type: problemType('redis-unavailable'),
        title: 'Service unavailable',
        status: 503,
        detail: 'Redis, which keeps the read models (and login throttling and idempotency keys), cannot be reached. Try again shortly.',
      },
      headers: { 'Retry-After': '5' },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return {
      problem: {
        type: problemType(status === 404 ? 'not-found' : `http-${status}`),
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : String(message ?? error.message),
      },
      headers: {},
    };
  }
  return {
    problem: { type: problemType('internal-error'), title: 'Internal error', status: 500, detail: 'Something went wrong on our side; it has been logged.' },
    headers: {},
  };
}

/** Every error leaves as problem+json; nothing internal (stack, driver message) reaches the client. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/**
 * A 5xx we answer on purpose (the maintenance window R29, a Retry-After refusal) is the service working as
 * designed: one info line naming it, no stack. Anything else at 5xx is a failure, logged in full.
 */
const isDeliberate = (error: unknown) => error instanceof ProblemException || error instanceof DomainRuleViolation;

/** Set on a response that answers a deliberate refusal, so the access log does not report it as a failure. */
export const DELIBERATE_REFUSAL = 'deliberateRefusal';

export function isDeliberateRefusal(response: { locals?: Record<string, unknown> }): boolean {
  return response.locals?.[DELIBERATE_REFUSAL] === true;
}

function sendProblem(error: unknown, request: Request, response: Response, logger: Logger) {
  const { problem, headers } = toProblem(error);
  if (problem.status >= 500 && isDeliberate(error)) {
    response.locals[DELIBERATE_REFUSAL] = true;
    logger.info({ problem: problem.type, status: problem.status, path: request.path }, 'request refused');
  } else if (problem.status >= 500) logger.error({ err: error, path: request.path }, 'request failed');
  if (response.headersSent) return;
  response
    .status(problem.status)
    .set(headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...problem, instance: request.originalUrl ?? request.url }));
}
