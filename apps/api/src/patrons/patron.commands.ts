import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnknownPatron, patronDecider, streamIds, type LocalDate, type PatronCommand, type PatronState } from '@libs/domain';
import { CommandRunner, type Positioned, type Actor, commandWith } from '@libs/platform';
import { LoginGate, patronAccount } from '../auth/login';
import { PasswordHashing } from '../auth/passwords';

/** Staff register a patron at the counter (R1-R3: identity checked there). */
export class RegisterPatronCommand extends commandWith<{
  cardNumber: string;
  name: string;
  birthDate: LocalDate;
  cardExpiresOn: LocalDate;
  wideArea: boolean;
  actor: Actor;
}>() {}

/** R1: the password is issued at the counter, after staff checked the patron's identity. */
export class IssuePasswordCommand extends commandWith<{
  cardNumber: string;
  password: string;
  actor: Actor;
}>() {}

/** R4: an expired card is renewed at the counter. */
export class RenewCardCommand extends commandWith<{
  cardNumber: string;
  cardExpiresOn: LocalDate;
  actor: Actor;
}>() {}

/** R25: one address per patron, registered or changed online. */
export class RegisterEmailCommand extends commandWith<{
  cardNumber: string;
  email: string;
  actor: Actor;
}>() {}

/** R28: the patron changes their password online, proving the current one. */
export class ChangePasswordCommand extends commandWith<{
  cardNumber: string;
  currentPassword: string;
  newPassword: string;
  /** Wrong current passwords count like failed logins from this address. */
  clientAddress: string;
  actor: Actor;
}>() {}

/** Runs a patron command on an existing patron's stream; an unknown card is 404 before anything else. */
async function onExistingPatron(
  commands: CommandRunner,
  cardNumber: string,
  command: (patron: PatronState) => PatronCommand | Promise<PatronCommand>,
  actor: Actor,
): Promise<Positioned> {
  const patron = await commands.load(patronDecider, streamIds.patron(cardNumber));
  if (!patron.exists) throw new UnknownPatron(cardNumber);
  return commands.runForPosition(patronDecider, streamIds.patron(cardNumber), await command(patron), { actor });
}

@CommandHandler(RegisterPatronCommand)
export class RegisterPatronHandler implements ICommandHandler<RegisterPatronCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  execute({ actor, ...patron }: RegisterPatronCommand) {
    return this.commands.runForPosition(
      patronDecider,
      streamIds.patron(patron.cardNumber),
      { type: 'RegisterPatron', ...patron, policy: this.commands.policy, today: this.commands.today() },
      { actor },
    );
  }
}

@CommandHandler(IssuePasswordCommand)
export class IssuePasswordHandler implements ICommandHandler<IssuePasswordCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly hashing: PasswordHashing,
  ) {}
  execute({ cardNumber, password, actor }: IssuePasswordCommand) {
    return onExistingPatron(
      this.commands,
      cardNumber,
      async () => ({ type: 'SetPassword', cardNumber, passwordHash: await this.hashing.hash(password), via: 'counter' }),
      actor,
    );
  }
}

@CommandHandler(RenewCardCommand)
export class RenewCardHandler implements ICommandHandler<RenewCardCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  execute({ cardNumber, cardExpiresOn, actor }: RenewCardCommand) {
    return onExistingPatron(this.commands, cardNumber, () => ({ type: 'RenewCard', cardNumber, cardExpiresOn }), actor);
  }
}

@CommandHandler(RegisterEmailCommand)
export class RegisterEmailHandler implements ICommandHandler<RegisterEmailCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  execute({ cardNumber, email, actor }: RegisterEmailCommand) {
    return onExistingPatron(this.commands, cardNumber, () => ({ type: 'RegisterEmail', cardNumber, email }), actor);
  }
}

/**
 * The hashes are computed here (slow on purpose); whether the proof suffices is the decider's rule (R28). The current
 * password is checked through the login gate, on the patron's login counts: a stolen token tests no more guesses than
 * the login form would allow. Only a proven current password is worth hashing the new one.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly gate: LoginGate,
    private readonly hashing: PasswordHashing,
  ) {}
  async execute({ cardNumber, currentPassword, newPassword, clientAddress, actor }: ChangePasswordCommand): Promise<Positioned> {
    this.hashing.refuseWhenFull();
    return onExistingPatron(
      this.commands,
      cardNumber,
      async (patron) => {
        const currentPasswordMatches = await this.gate.attempt(patronAccount(cardNumber), clientAddress, () =>
          this.hashing.matches(patron.passwordHash, currentPassword),
        );
        // The decider refuses a wrong current password before it looks at the new hash.
        const newPasswordHash = currentPasswordMatches ? await this.hashing.hash(newPassword) : '';
        return { type: 'ChangePassword', cardNumber, currentPasswordMatches, newPasswordHash };
      },
      actor,
    );
  }
}
