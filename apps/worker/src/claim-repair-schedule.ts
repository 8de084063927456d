import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ClaimRepair } from '@libs/application';
import { ROOT_LOGGER } from '@libs/platform';

const EVERY_MS = 5 * 60_000;

/** Runs the claim repair (R7, I1: slots whose placement died between its two appends) at start and every five minutes. */
@Injectable()
export class ClaimRepairSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly repair: ClaimRepair,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'claim-repair' });
  }

  onApplicationBootstrap(): void {
    const runQuietly = () => {
      this.pass = this.repair.run().catch((error: unknown) => this.logger.error({ err: error }, 'claim repair failed'));
    };
    runQuietly();
    this.timer = setInterval(runQuietly, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }
}
