import type { Response } from 'express';
import type { Actor } from '@libs/event-store';
import type { AuthenticatedRequest } from '../auth/auth.guards';
import type { Principal } from '../auth/tokens.service';

/** Every command answers with the global position of its last event, for read-your-writes (`?after=`). */
export function withPosition(response: Response, position: bigint | null): void {
  if (position !== null) response.setHeader('X-Event-Position', position.toString());
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
