import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { locationDecider, streamIds, type LocationCalendar } from '@libs/domain';
import { CommandRunner, type Positioned, type Actor, commandWith } from '@libs/platform';

/** R13: a pickup location; it is open every day until a calendar is set. */
export class RegisterLocationCommand extends commandWith<{
  locationId: string;
  name: string;
  actor: Actor;
}>() {}

export class ChangeCalendarCommand extends commandWith<{
  locationId: string;
  calendar: LocationCalendar;
  actor: Actor;
}>() {}

@CommandHandler(RegisterLocationCommand)
export class RegisterLocationHandler implements ICommandHandler<RegisterLocationCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  async execute({ locationId, name, actor }: RegisterLocationCommand) {
    return this.commands.runForPosition(locationDecider, streamIds.location(locationId), { type: 'RegisterLocation', locationId, name }, { actor });
  }
}

/** R30: a closure added while holds are ready lengthens their pickup windows (deadlines are computed from the current calendar). */
@CommandHandler(ChangeCalendarCommand)
export class ChangeCalendarHandler implements ICommandHandler<ChangeCalendarCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  async execute({ locationId, calendar, actor }: ChangeCalendarCommand) {
    return this.commands.runForPosition(locationDecider, streamIds.location(locationId), { type: 'ChangeCalendar', locationId, calendar }, { actor });
  }
}
