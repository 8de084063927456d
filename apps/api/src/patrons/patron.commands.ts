import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import type { Positioned } from '../commands/command-runner.service';
import { PatronsService, type NewPatron } from './patrons.service';

export class RegisterPatronCommand {
  constructor(
    readonly patron: NewPatron,
    readonly actor: Actor,
  ) {}
}
export class IssuePasswordCommand {
  constructor(
    readonly cardNumber: string,
    readonly password: string,
    readonly actor: Actor,
  ) {}
}
export class RenewCardCommand {
  constructor(
    readonly cardNumber: string,
    readonly cardExpiresOn: LocalDate,
    readonly actor: Actor,
  ) {}
}
export class RegisterEmailCommand {
  constructor(
    readonly cardNumber: string,
    readonly email: string,
    readonly actor: Actor,
  ) {}
}
export class ChangePasswordCommand {
  constructor(
    readonly cardNumber: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly actor: Actor,
  ) {}
}

@CommandHandler(RegisterPatronCommand)
export class RegisterPatronHandler implements ICommandHandler<RegisterPatronCommand, Positioned> {
  constructor(private readonly patrons: PatronsService) {}
  execute({ patron, actor }: RegisterPatronCommand) {
    return this.patrons.register(patron, actor);
  }
}

/** R1: the password is issued at the counter, after staff checked the patron's identity. */
@CommandHandler(IssuePasswordCommand)
export class IssuePasswordHandler implements ICommandHandler<IssuePasswordCommand, Positioned> {
  constructor(private readonly patrons: PatronsService) {}
  execute({ cardNumber, password, actor }: IssuePasswordCommand) {
    return this.patrons.issuePassword(cardNumber, password, actor);
  }
}

/** R4: an expired card is renewed at the counter. */
@CommandHandler(RenewCardCommand)
export class RenewCardHandler implements ICommandHandler<RenewCardCommand, Positioned> {
  constructor(private readonly patrons: PatronsService) {}
  execute({ cardNumber, cardExpiresOn, actor }: RenewCardCommand) {
    return this.patrons.renewCard(cardNumber, cardExpiresOn, actor);
  }
}

/** R25: one address per patron, registered or changed online. */
@CommandHandler(RegisterEmailCommand)
export class RegisterEmailHandler implements ICommandHandler<RegisterEmailCommand, Positioned> {
  constructor(private readonly patrons: PatronsService) {}
  execute({ cardNumber, email, actor }: RegisterEmailCommand) {
    return this.patrons.registerEmail(cardNumber, email, actor);
  }
}

/** R28: the patron changes their password online, proving the current one. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, Positioned> {
  constructor(private readonly patrons: PatronsService) {}
  execute({ cardNumber, currentPassword, newPassword, actor }: ChangePasswordCommand) {
    return this.patrons.changePassword(cardNumber, currentPassword, newPassword, actor);
  }
}

export const patronCommandHandlers = [RegisterPatronHandler, IssuePasswordHandler, RenewCardHandler, RegisterEmailHandler, ChangePasswordHandler];
