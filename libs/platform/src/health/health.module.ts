import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { HealthChecks } from './health-checks';
import { HealthController } from './health.controller';
import { METRICS_REGISTRY } from './metrics-registry';
import { MetricsController } from './metrics.controller';
import { OpsAccess } from './ops-access';

/** /health (every adapter, and each part that registers a check) and /metrics, in every process; the details for operators only (OpsAccess). */
@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [
    HealthChecks,
    OpsAccess,
    {
      provide: METRICS_REGISTRY,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
  ],
  exports: [HealthChecks, OpsAccess, METRICS_REGISTRY],
})
export class HealthModule {}
