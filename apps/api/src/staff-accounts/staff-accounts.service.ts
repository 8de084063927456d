import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { StaffAccountAlreadyExists, staffDecider, streamIds, type StaffRole, type StaffState } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { hashPassword } from '../auth/passwords';
import { CommandRunner } from '../commands/command-runner.service';

const SYSTEM: Actor = { kind: 'system', id: 'bootstrap' };

/** Staff accounts with roles; the first administrator comes from configuration and is created at start. */
@Injectable()
export class StaffAccountsService implements OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    const id = this.config.STAFF_ADMIN_ID;
    if ((await this.load(id)).exists) return;
    try {
      await this.create({ staffId: id, name: 'Administrator', roles: ['admin'], password: this.config.STAFF_ADMIN_PASSWORD }, SYSTEM);
    } catch (error) {
      // Several processes starting together on one store (api and worker replicas) race to create it: one wins.
      if (error instanceof StaffAccountAlreadyExists) return;
      throw error;
    }
    this.logger.info({ staffId: id }, 'created the first staff administrator from configuration');
  }

  load(staffId: string): Promise<StaffState> {
    return this.commands.load(staffDecider, streamIds.staff(staffId));
  }

  async create(account: { staffId: string; name: string; roles: StaffRole[]; password: string }, actor: Actor) {
    const passwordHash = await hashPassword(account.password);
    return this.commands.runForPosition(
      staffDecider,
      streamIds.staff(account.staffId),
      { type: 'CreateStaffAccount', staffId: account.staffId, name: account.name, roles: account.roles, passwordHash },
      { actor },
    );
  }
}
