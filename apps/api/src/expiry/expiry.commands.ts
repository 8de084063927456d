import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@libs/domain';
import { type DueHold, ExpirySweep, type SweepOutcome } from '@libs/application';
import type { Actor } from '@libs/platform';

/** Staff asked for a sweep now (the daily one runs by itself). */
export class SweepExpiredHoldsCommand {
  constructor(readonly actor: Actor) {}
}

/** The holds a sweep on `day` would expire. */
export class DueHoldsQuery {
  constructor(readonly day: LocalDate | null) {}
}

export interface DueHoldsAnswer {
  day: LocalDate;
  holds: DueHold[];
  settled: boolean;
}

@CommandHandler(SweepExpiredHoldsCommand)
export class SweepExpiredHoldsHandler implements ICommandHandler<SweepExpiredHoldsCommand, SweepOutcome> {
  constructor(private readonly expiry: ExpirySweep) {}
  execute({ actor }: SweepExpiredHoldsCommand): Promise<SweepOutcome> {
    return this.expiry.sweep(actor);
  }
}

@QueryHandler(DueHoldsQuery)
export class DueHoldsHandler implements IQueryHandler<DueHoldsQuery, DueHoldsAnswer> {
  constructor(private readonly expiry: ExpirySweep) {}
  async execute({ day }: DueHoldsQuery): Promise<DueHoldsAnswer> {
    const on = day ?? this.expiry.today();
    return { day: on, ...(await this.expiry.due(on)) };
  }
}
