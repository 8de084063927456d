import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { StaffRole } from '@libs/domain';
import { TokensService, type Principal } from './tokens.service';
import { ProblemException, problemType } from '@libs/platform';

export type AuthenticatedRequest = Request & { principal?: Principal };

const ROLES = 'staff-roles';
/** Staff roles allowed on a handler; with none listed, any staff member may call it. */
export const StaffRoles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

function bearer(request: Request): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}

const unauthenticated = () =>
  new ProblemException(
    {
      type: problemType('unauthenticated'),
      title: 'Authentication required',
      status: 401,
      detail: 'Send a valid, unexpired bearer token (Authorization: Bearer …).',
    },
    { 'WWW-Authenticate': 'Bearer' },
  );
const forbidden = (detail: string) => new ProblemException({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail });

function authenticate(tokens: TokensService, request: AuthenticatedRequest): Principal {
  const token = bearer(request);
  const principal = token ? tokens.verify(token) : null;
  if (!principal) throw unauthenticated();
  request.principal = principal;
  return principal;
}

/** Patron endpoints (/me…): a patron token; the patron is whoever the token names (I7). */
@Injectable()
export class PatronGuard implements CanActivate {
  constructor(private readonly tokens: TokensService) {}
  canActivate(context: ExecutionContext): boolean {
    const principal = authenticate(this.tokens, context.switchToHttp().getRequest());
    if (principal.kind !== 'patron') throw forbidden('This endpoint is for patrons; staff use the /staff endpoints.');
    return true;
  }
}

/** Staff endpoints: a staff token, with one of the handler's roles when it names any (admin may do everything). */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly tokens: TokensService,
    private readonly reflector: Reflector,
  ) {}
  canActivate(context: ExecutionContext): boolean {
    const principal = authenticate(this.tokens, context.switchToHttp().getRequest());
    if (principal.kind !== 'staff') throw forbidden('This endpoint needs a staff credential.');
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]) ?? [];
    if (roles.length > 0 && !principal.roles.includes('admin') && !roles.some((role) => principal.roles.includes(role))) {
      throw forbidden(`This action needs one of the staff roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
