import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UnknownPatron, patronDecider, streamIds, type PatronState } from '@libs/domain';
import { CommandRunner } from '@libs/platform';

/** The patron's record from their own stream (always current, never a read model); 404 for an unknown card. */
export class PatronQuery {
  constructor(readonly cardNumber: string) {}
}

@QueryHandler(PatronQuery)
export class PatronHandler implements IQueryHandler<PatronQuery, PatronState> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ cardNumber }: PatronQuery): Promise<PatronState> {
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    if (!patron.exists) throw new UnknownPatron(cardNumber);
    return patron;
  }
}
