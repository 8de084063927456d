import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../request-context';

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Every request runs in a context carrying its correlation id (taken from X-Correlation-Id when the caller
 * sends a sane one) into log lines and into the metadata of every event it appends.
 */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction) {
  const given = request.header('x-correlation-id');
  const requestId = randomUUID();
  const correlationId = given && ID_PATTERN.test(given) ? given : requestId;
  response.setHeader('X-Correlation-Id', correlationId);
  requestContext.run({ correlationId, requestId }, next);
}
