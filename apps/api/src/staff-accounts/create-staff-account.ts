import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, streamIds, type StaffAccountCreated, type StaffRole } from '@libs/domain';
import { CommandRunner, type Positioned, type Actor, commandWith } from '@libs/platform';
import { PasswordHashing } from '../auth/passwords';

/** An administrator creates a staff account with roles. */
export class CreateStaffAccountCommand extends commandWith<{
  staffId: string;
  name: string;
  roles: StaffRole[];
  password: string;
  actor: Actor;
}>() {}

@CommandHandler(CreateStaffAccountCommand)
export class CreateStaffAccountHandler implements ICommandHandler<CreateStaffAccountCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly hashing: PasswordHashing,
  ) {}

  async execute({ staffId, name, roles, password, actor }: CreateStaffAccountCommand): Promise<Positioned> {
    const passwordHash = await this.hashing.hash(password);
    const takenStaffIds = await this.takenStaffIds();
    return this.commands.runForPosition(
      staffDecider,
      streamIds.staff(staffId),
      { type: 'CreateStaffAccount', staffId, name, roles, passwordHash, takenStaffIds },
      { actor },
    );
  }

  /** The staff ids in use (a library has a few dozen accounts, created rarely): each account's first event. */
  private async takenStaffIds(): Promise<string[]> {
    const created = await this.commands.store.readAll({ filter: { eventTypes: ['StaffAccountCreated'], streamPrefixes: [streamIds.staff('')] } });
    return created.map((event) => (event.data as StaffAccountCreated['data']).staffId);
  }
}
