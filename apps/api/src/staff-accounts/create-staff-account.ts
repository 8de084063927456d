import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, streamIds, type StaffRole } from '@libs/domain';
import { CommandRunner, type Positioned, type Actor, commandWith } from '@libs/platform';
import { hashPassword } from '../auth/passwords';

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
  constructor(private readonly commands: CommandRunner) {}

  async execute({ staffId, name, roles, password, actor }: CreateStaffAccountCommand): Promise<Positioned> {
    const passwordHash = await hashPassword(password);
    return this.commands.runForPosition(staffDecider, streamIds.staff(staffId), { type: 'CreateStaffAccount', staffId, name, roles, passwordHash }, { actor });
  }
}
