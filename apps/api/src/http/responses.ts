import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.guards';
import type { Principal } from '../auth/tokens.service';
import type { Actor } from '@libs/platform';

/** Every command answers with the global position of its last event, for read-your-writes (`?after=`). */
export function withPosition(response: Response, position: bigint | null): void {
  if (position !== null) response.setHeader('X-Event-Position', position.toString());
}

/** Sets X-Event-Position from a command's result and answers with the rest of it. */
export function answerWithPosition<T extends { position: bigint | null }>(response: Response, result: T): Omit<T, 'position'> {
  withPosition(response, result.position);
  const { position: _position, ...answer } = result;
  return answer;
}

/** A read that waited for the read models in vain says so (`X-Read-Models-Behind: true`). */
export function markIfBehind(response: Response, caughtUp: boolean): void {
  if (!caughtUp) response.setHeader('X-Read-Models-Behind', 'true');
}

export function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('route is missing its authentication guard');
  return request.principal;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'patron' ? { kind: 'patron', id: principal.cardNumber } : { kind: 'staff', id: principal.staffId };
}

export function cardOf(request: AuthenticatedRequest): string {
  const principal = principalOf(request);
  if (principal.kind !== 'patron') throw new Error('patron route reached without a patron token');
  return principal.cardNumber;
}
