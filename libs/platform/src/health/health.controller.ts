import { Controller, Get, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { EventStore } from '@libs/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, EVENT_STORE, REDIS } from '../tokens';
import { HealthChecks } from './health-checks';
import { OpsAccess } from './ops-access';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly checks: HealthChecks,
    private readonly access: OpsAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Up when `call` answers within the timeout, down with the reason otherwise. */
  private async probe(key: string, call: () => Promise<void>, details: Record<string, unknown>) {
    const session = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        call(),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      return session.up(details);
    } catch (error) {
      return session.down({ ...details, message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  @Get()
  @ApiOperation({
    summary: 'Whether the service is up (200) or not (503)',
    description:
      'Anyone gets `{ status }`. The machine itself (loopback, not through a proxy) and staff tokens also get which adapters are in use, each check and why one is down.',
  })
  @ApiResponse({ status: 200, description: 'Everything answers' })
  @ApiResponse({ status: 503, description: 'Something does not answer; `error` names it (operators)' })
  async check(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const result = await this.details(response);
    return (await this.access.allows(request)) ? result : { status: (result as { status?: string }).status };
  }

  private async details(response: Response) {
    const adapters = {
      eventStore: this.eventStore.adapter,
      readModels: this.config.READ_MODEL_STORE,
      mail: this.config.MAIL_TRANSPORT,
      role: this.config.APP_ROLE,
    };
    const checks = [
      () => this.probe('eventStore', () => this.eventStore.ping(), { adapter: this.eventStore.adapter }),
      ...(this.redis ? [() => this.probe('redis', async () => void (await (this.redis as Redis).ping()), {})] : []),
      ...this.checks.all(),
    ];
    try {
      return { ...(await this.health.check(checks)), adapters };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return { ...(error.getResponse() as object), adapters };
    }
  }
}
