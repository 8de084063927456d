import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** One named check that /health runs; parts of the app register theirs here. */
export type HealthCheck = () => Promise<HealthIndicatorResult>;

@Injectable()
export class HealthChecks {
  private readonly checks: HealthCheck[] = [];

  register(check: HealthCheck): void {
    this.checks.push(check);
  }

  all(): HealthCheck[] {
    return [...this.checks];
  }
}
