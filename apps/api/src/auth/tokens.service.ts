import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { StaffRole } from '@libs/domain';
import { APP_CONFIG, Clock, type AppConfig } from '@libs/platform';
import { TOKEN_SIGNING_KEY } from './token-signing-key';

export type Principal = { kind: 'patron'; cardNumber: string } | { kind: 'staff'; staffId: string; roles: StaffRole[] };

interface TokenClaims {
  sub: string;
  kind: 'patron' | 'staff';
  roles?: StaffRole[];
  iat?: unknown;
  exp?: unknown;
}

/**
 * Signed bearer tokens (HS256 with the key built once at start: token-signing-key.ts), expiring after TOKEN_TTL_SECONDS by the injected clock. A token is accepted only with
 * both `iat` and `exp` and a lifetime (exp - iat) of at most TOKEN_TTL_SECONDS: a token without an end, or one made
 * to outlive the configured lifetime, is refused even when its signature holds.
 */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_SIGNING_KEY) private readonly key: KeyObject,
    private readonly clock: Clock,
  ) {}

  issue(principal: Principal): { accessToken: string; expiresAt: string } {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.TOKEN_TTL_SECONDS;
    const claims: TokenClaims =
      principal.kind === 'patron' ? { sub: principal.cardNumber, kind: 'patron' } : { sub: principal.staffId, kind: 'staff', roles: principal.roles };
    const accessToken = jwt.sign({ ...claims, iat: issuedAt, exp: expiresAt }, this.key, { algorithm: 'HS256' });
    return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /** The principal of a valid token, or null for a missing, forged, malformed, expired or unbounded one. */
  verify(token: string): Principal | null {
    let claims: TokenClaims;
    try {
      claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as TokenClaims;
    } catch {
      return null;
    }
    if (!this.hasBoundedLifetime(claims)) return null;
    if (claims.kind === 'patron' && typeof claims.sub === 'string') return { kind: 'patron', cardNumber: claims.sub };
    if (claims.kind === 'staff' && typeof claims.sub === 'string' && Array.isArray(claims.roles)) {
      return { kind: 'staff', staffId: claims.sub, roles: claims.roles };
    }
    return null;
  }

  private hasBoundedLifetime({ iat, exp }: TokenClaims): boolean {
    if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return false;
    const lifetime = exp - iat;
    return lifetime > 0 && lifetime <= this.config.TOKEN_TTL_SECONDS;
  }
}
