import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', example: '/problems/hold-limit-reached' },
    title: { type: 'string', example: 'hold-limit-reached (R7)' },
    status: { type: 'integer', example: 409 },
    detail: { type: 'string', example: 'You already have 10 active holds, the most allowed (R7).' },
    rule: { type: 'string', example: 'R7' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } } },
    instance: { type: 'string', example: '/me/holds' },
  },
};

const described: Record<number, string> = {
  400: 'Invalid request: malformed JSON, wrong types, unknown fields (problem+json lists each bad field)',
  401: 'Missing, malformed or expired bearer token',
  403: 'The token may not do this (patron token on a staff endpoint, missing staff role, or a rule forbids it)',
  404: 'Unknown id',
  409: 'Refused by a hold rule or by the current state (the problem names the rule, e.g. R7, R19)',
  413: 'Request body too large',
  422: 'Idempotency-Key reused with another body, or a value the rules reject',
  429: 'Too many failed logins or password-reset requests (Retry-After says when to try again)',
  503: 'Maintenance window (R29), the event store or Redis unreachable, or password hashing busy (Retry-After)',
};

/** Documents the problem+json answers an endpoint can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: described[status] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } }),
    ),
  );
}
