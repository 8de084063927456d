import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import type { StaffRole } from '@libs/domain';
import { APP_CONFIG, Clock, type AppConfig } from '@libs/platform';

export type Principal = { kind: 'patron'; cardNumber: string } | { kind: 'staff'; staffId: string; roles: StaffRole[] };

interface TokenClaims {
  sub: string;
  kind: 'patron' | 'staff';
  roles?: StaffRole[];
}

/** Signed bearer tokens (HS256 with TOKEN_SECRET), expiring after TOKEN_TTL_SECONDS by the injected clock. */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  issue(principal: Principal): { accessToken: string; expiresAt: string } {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.TOKEN_TTL_SECONDS;
    const claims: TokenClaims =
      principal.kind === 'patron' ? { sub: principal.cardNumber, kind: 'patron' } : { sub: principal.staffId, kind: 'staff', roles: principal.roles };
    const accessToken = jwt.sign({ ...claims, iat: issuedAt, exp: expiresAt }, this.config.TOKEN_SECRET, { algorithm: 'HS256' });
    return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /** The principal of a valid token, or null for a missing, forged, malformed or expired one. */
  verify(token: string): Principal | null {
    try {
      const claims = jwt.verify(token, this.config.TOKEN_SECRET, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as TokenClaims;
      if (claims.kind === 'patron' && typeof claims.sub === 'string') return { kind: 'patron', cardNumber: claims.sub };
      if (claims.kind === 'staff' && typeof claims.sub === 'string' && Array.isArray(claims.roles)) {
        return { kind: 'staff', staffId: claims.sub, roles: claims.roles };
      }
      return null;
    } catch {
      return null;
    }
  }
}
