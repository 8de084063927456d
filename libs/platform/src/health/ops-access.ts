import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

/** A way to prove operator access beyond the loopback rule (the api registers "a staff bearer token"). */
export type OpsCredentialCheck = (request: Request) => boolean | Promise<boolean>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics and the details of /health (which adapters, which part is failing and why, which
 * location's calendar is broken): the machine itself (a connection from loopback that no proxy forwarded, as a
 * container healthcheck, a sidecar scraper or an operator's curl on the host make), or a caller a registered check
 * accepts. Anyone else gets only whether the service is up.
 */
@Injectable()
export class OpsAccess {
  private readonly checks: OpsCredentialCheck[] = [];

  register(check: OpsCredentialCheck): void {
    this.checks.push(check);
  }

  async allows(request: Request): Promise<boolean> {
    if (isLocalUnforwarded(request)) return true;
    for (const check of this.checks) if (await check(request)) return true;
    return false;
  }
}

/** Straight from this machine: a loopback peer, and no proxy header saying it speaks for someone else. */
function isLocalUnforwarded(request: Request): boolean {
  const peer = request.socket.remoteAddress ?? '';
  return LOOPBACK.test(peer) && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}
