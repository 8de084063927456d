import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { StaffAccountAlreadyExists, staffDecider, streamIds } from '@libs/domain';
import { APP_CONFIG, CommandRunner, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { CreateStaffAccountCommand } from './create-staff-account';

/** The first administrator comes from configuration and is created when the api starts on a store without it. */
@Injectable()
export class FirstAdministrator implements OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandRunner,
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    const staffId = this.config.STAFF_ADMIN_ID;
    if ((await this.commands.load(staffDecider, streamIds.staff(staffId))).exists) return;
    try {
      await this.commandBus.execute(
        new CreateStaffAccountCommand({
          staffId,
          name: 'Administrator',
          roles: ['admin'],
          password: this.config.STAFF_ADMIN_PASSWORD,
          actor: { kind: 'system', id: 'bootstrap' },
        }),
      );
    } catch (error) {
      // Several api processes starting together on one store race to create it: one wins.
      if (error instanceof StaffAccountAlreadyExists) return;
      throw error;
    }
    this.logger.info({ staffId }, 'created the first staff administrator from configuration');
  }
}
