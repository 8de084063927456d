import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { StaffAccountAlreadyExists, staffDecider, streamIds } from '@libs/domain';
import { APP_CONFIG, CommandRunner, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { CreateStaffAccountCommand } from './create-staff-account';

/**
 * The first administrator is created when the api starts on a store without it: with STAFF_ADMIN_PASSWORD, or else
 * with a random password printed once, on stdout, by the process that created the account. No password is known in
 * advance (the repository is public), and it is never printed again.
 */
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
    const configured = this.config.STAFF_ADMIN_PASSWORD;
    const password = configured ?? randomBytes(18).toString('base64url');
    try {
      await this.commandBus.execute(
        new CreateStaffAccountCommand({ staffId, name: 'Administrator', roles: ['admin'], password, actor: { kind: 'system', id: 'bootstrap' } }),
      );
    } catch (error) {
      // Several api processes starting together on one store race to create it: one wins, and only it prints.
      if (error instanceof StaffAccountAlreadyExists) return;
      throw error;
    }
    if (configured !== undefined) {
      this.logger.info({ staffId }, 'created the first staff administrator with STAFF_ADMIN_PASSWORD');
      return;
    }
    this.logger.warn({ staffId }, 'created the first staff administrator with a generated password, printed once on stdout');
    // Not through the logger: LOG_LEVEL must not hide it, and the log's fields must not carry it.
    process.stdout.write(
      `\nFirst staff administrator: ${staffId}, password: ${password}\n` +
        'Store it now: it is shown only this once. (Set STAFF_ADMIN_PASSWORD before the first start to choose it.)\n\n',
    );
  }
}
