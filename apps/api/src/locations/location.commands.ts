import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { locationDecider, streamIds, type LocationCalendar } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { CommandRunner } from '../commands/command-runner.service';

type Positioned = { position: bigint | null };

export class RegisterLocationCommand {
  constructor(
    readonly locationId: string,
    readonly name: string,
    readonly actor: Actor,
  ) {}
}

export class ChangeCalendarCommand {
  constructor(
    readonly locationId: string,
    readonly calendar: LocationCalendar,
    readonly actor: Actor,
  ) {}
}

@CommandHandler(RegisterLocationCommand)
export class RegisterLocationHandler implements ICommandHandler<RegisterLocationCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  async execute({ locationId, name, actor }: RegisterLocationCommand) {
    const result = await this.commands.run(locationDecider, streamIds.location(locationId), { type: 'RegisterLocation', locationId, name }, { actor });
    return { position: result.position };
  }
}

/** R30: a closure added while holds are ready lengthens their pickup windows (deadlines are computed from the current calendar). */
@CommandHandler(ChangeCalendarCommand)
export class ChangeCalendarHandler implements ICommandHandler<ChangeCalendarCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  async execute({ locationId, calendar, actor }: ChangeCalendarCommand) {
    const result = await this.commands.run(locationDecider, streamIds.location(locationId), { type: 'ChangeCalendar', locationId, calendar }, { actor });
    return { position: result.position };
  }
}

export const locationCommandHandlers = [RegisterLocationHandler, ChangeCalendarHandler];
