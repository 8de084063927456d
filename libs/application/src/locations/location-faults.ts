import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { calendarProblems, locationDecider, streamIds } from '@libs/domain';
import { CommandRunner, ROOT_LOGGER } from '@libs/platform';

export interface LocationFault {
  /** Which library-wide loop met it: `expiry`, `mail`, `pickup-reminders`… */
  part: string;
  error: string;
  /** The last time it was met (the injected clock). */
  at: string;
}

/**
 * One location's calendar that cannot be counted (a closure of years saved before R30 refused them) must not stop
 * a loop over the whole library. The loops leave that location's holds out, report it here and carry on; /health
 * lists it under `locations` (staying up: the other locations work) until the calendar is fixed.
 */
@Injectable()
export class LocationFaults {
  private readonly faults = new Map<string, LocationFault>();
  private readonly logger: Logger;

  constructor(
    private readonly commands: CommandRunner,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'locations' });
  }

  report(locationId: string, part: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error({ locationId, loop: part, err: error }, "a location's calendar cannot be counted; its holds are left out, the other locations go on");
    this.faults.set(locationId, { part, error: message, at: this.commands.clock.now().toISOString() });
  }

  /** The failing locations, after dropping those whose calendar has been fixed since. */
  async failing(): Promise<Record<string, LocationFault>> {
    for (const locationId of [...this.faults.keys()]) {
      const location = await this.commands.load(locationDecider, streamIds.location(locationId));
      if (calendarProblems(location.calendar).length === 0) this.faults.delete(locationId);
    }
    return Object.fromEntries(this.faults);
  }

  async health(): Promise<HealthIndicatorResult> {
    return { locations: { status: 'up', failing: await this.failing() } };
  }
}
