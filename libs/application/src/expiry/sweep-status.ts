import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { LocalDate } from '@libs/domain';
import { wasSkipped, type SweepOutcome } from './sweep-report';

export interface LastSweep {
  /** When it ended (the injected clock). */
  at: string;
  today: LocalDate;
  result: 'succeeded' | 'failed' | 'skipped';
  expired: number;
  error: string | null;
}

/** The last sweep this process ran, for /health: down when it failed, until a later one succeeds. */
@Injectable()
export class SweepStatus {
  private last: LastSweep | null = null;

  succeeded(outcome: SweepOutcome, at: Date, today: LocalDate): void {
    this.last = wasSkipped(outcome)
      ? { at: at.toISOString(), today, result: 'skipped', expired: 0, error: null }
      : { at: at.toISOString(), today, result: 'succeeded', expired: outcome.expired.length, error: null };
  }

  failed(error: unknown, at: Date, today: LocalDate): void {
    this.last = { at: at.toISOString(), today, result: 'failed', expired: 0, error: error instanceof Error ? error.message : String(error) };
  }

  lastSweep(): LastSweep | null {
    return this.last;
  }

  health(): HealthIndicatorResult {
    return { expiry: { status: this.last?.result === 'failed' ? 'down' : 'up', lastSweep: this.last } };
  }
}
