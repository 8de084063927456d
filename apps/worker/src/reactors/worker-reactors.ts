import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EventStore } from '@libs/event-store';
import type { NotificationReactor } from '@libs/notifications';
import { HoldSlotLedger } from '@libs/application';
import { EVENT_STORE, HealthChecks, ROOT_LOGGER } from '@libs/platform';
import { holdSlotReactor } from './hold-slot-reactor';
import { mailReactor } from './mail-reactor';
import type { ReactorCheckpoints } from './reactor-checkpoints';
import { ReactorRunner } from './reactor-runner';
import { NOTIFICATION_REACTOR } from '@libs/application';

export const REACTOR_CHECKPOINTS = Symbol('REACTOR_CHECKPOINTS');

/**
 * The worker's reactors, each on its own subscription and checkpoint: the mails and the hold-slot releases.
 * Each shows on /health, down while it keeps failing.
 */
@Injectable()
export class WorkerReactors implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly runners: ReactorRunner[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(REACTOR_CHECKPOINTS) checkpoints: ReactorCheckpoints,
    @Inject(NOTIFICATION_REACTOR) mails: NotificationReactor,
    @Inject(ROOT_LOGGER) logger: Logger,
    ledger: HoldSlotLedger,
    checks: HealthChecks,
  ) {
    const reactions = [mailReactor(mails), holdSlotReactor(ledger)];
    this.runners = reactions.map((reaction) => new ReactorRunner(store, checkpoints, reaction, logger.child({ part: `reactor:${reaction.name}` })));
    for (const runner of this.runners) {
      checks.register(async () => {
        const { state, ...details } = runner.status();
        return { [`reactor:${runner.name}`]: { status: state === 'running' ? 'up' : 'down', state, ...details } };
      });
    }
  }

  /** A reactor by name, for its status. */
  runner(name: string): ReactorRunner | undefined {
    return this.runners.find((runner) => runner.name === name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  /** Before the shutdown hooks close the event store and Redis under them. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
