import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { OpsAccess } from '@libs/platform';
import { TokensService } from '../auth/tokens.service';

/** In a process that serves the API, a valid staff bearer token (any role) also opens /metrics and the /health details. */
@Injectable()
export class StaffOpsAccess implements OnModuleInit {
  constructor(
    private readonly access: OpsAccess,
    private readonly tokens: TokensService,
  ) {}

  onModuleInit(): void {
    this.access.register((request: Request) => {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      return match !== null && this.tokens.verify(match[1])?.kind === 'staff';
    });
  }
}
