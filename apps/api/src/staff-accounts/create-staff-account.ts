import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, streamIds, type StaffRole } from '@libs/domain';
import { CommandRunner, type Positioned, type Actor } from '@libs/platform';
import { hashPassword } from '../auth/passwords';

/** An administrator creates a staff account with roles. */
export class CreateStaffAccountCommand {
  readonly staffId!: string;
  readonly name!: string;
  readonly roles!: StaffRole[];
  readonly password!: string;
  readonly actor!: Actor;

  constructor(fields: CreateStaffAccountCommand) {
    Object.assign(this, fields);
  }
}

@CommandHandler(CreateStaffAccountCommand)
export class CreateStaffAccountHandler implements ICommandHandler<CreateStaffAccountCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ staffId, name, roles, password, actor }: CreateStaffAccountCommand): Promise<Positioned> {
    const passwordHash = await hashPassword(password);
    return this.commands.runForPosition(staffDecider, streamIds.staff(staffId), { type: 'CreateStaffAccount', staffId, name, roles, passwordHash }, { actor });
  }
}
