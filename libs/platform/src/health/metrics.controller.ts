import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../http/problem-details.filter';
import { problemType } from '../http/problem';
import { OpsAccess } from './ops-access';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

/** Prometheus metrics: process figures and the projections' lag (events and seconds behind the head). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly access: OpsAccess,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(@Req() request: Request): Promise<string> {
    if (!(await this.access.allows(request))) {
      throw new ProblemException({
        type: problemType('operators-only'),
        title: 'Operators only',
        status: 403,
        detail: 'Metrics are served to this machine itself (not through a proxy) or to a staff bearer token.',
      });
    }
    return this.registry.metrics();
  }
}
