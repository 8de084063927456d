import { Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Policy } from '@libs/domain';
import { NOTIFICATION_REACTOR } from '@libs/application';
import type { NotificationReactor } from '@libs/notifications';
import type { ReadModelStore } from '@libs/projections';
import { CommandRunner, ConsistentReads, POLICY, READ_MODEL_STORE, ROOT_LOGGER } from '@libs/platform';
import type { SweepReport } from './sweep-report';

/** What a daily reminder sweep needs: the mail reactor, the read models (settled first), the policy, today. */
export abstract class ReminderSweep {
  private childLogger: Logger | undefined;

  constructor(
    @Inject(NOTIFICATION_REACTOR) protected readonly mails: NotificationReactor,
    @Inject(READ_MODEL_STORE) protected readonly readModels: ReadModelStore,
    @Inject(POLICY) protected readonly policy: Policy,
    @Inject(ROOT_LOGGER) private readonly rootLogger: Logger,
    protected readonly commands: CommandRunner,
    protected readonly reads: ConsistentReads,
  ) {}

  /** The `part` of its log lines. */
  protected abstract get logPart(): string;

  protected get logger(): Logger {
    this.childLogger ??= this.rootLogger.child({ part: this.logPart });
    return this.childLogger;
  }

  abstract run(): Promise<SweepReport>;
}
