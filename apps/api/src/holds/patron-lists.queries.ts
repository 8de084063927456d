import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { localDate, type Policy } from '@libs/domain';
import { patronHolds, patronLoans, patronReadyHolds, type PatronHold, type PatronLoan, type PatronReadyHold, type ReadModelStore } from '@libs/projections';
import { Clock, POLICY, READ_MODEL_STORE } from '@libs/platform';

export class PatronLoansQuery {
  constructor(readonly cardNumber: string) {}
}
export class PatronHoldsQuery {
  constructor(readonly cardNumber: string) {}
}
export class PatronReadyHoldsQuery {
  constructor(readonly cardNumber: string) {}
}

/** R21: loans with due dates and the overdue flag as of today (library time zone). */
@QueryHandler(PatronLoansQuery)
export class PatronLoansHandler implements IQueryHandler<PatronLoansQuery, PatronLoan[]> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(POLICY) private readonly policy: Policy,
    private readonly clock: Clock,
  ) {}
  execute(query: PatronLoansQuery) {
    return patronLoans(this.store, query.cardNumber, localDate(this.clock.now(), this.policy.timeZone));
  }
}

/** R22: holds not yet ready, with the place in the title's queue. */
@QueryHandler(PatronHoldsQuery)
export class PatronHoldsHandler implements IQueryHandler<PatronHoldsQuery, PatronHold[]> {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}
  execute(query: PatronHoldsQuery) {
    return patronHolds(this.store, query.cardNumber);
  }
}

/** R23: ready holds with pickup location and last pickup day from the location's current calendar (R30). */
@QueryHandler(PatronReadyHoldsQuery)
export class PatronReadyHoldsHandler implements IQueryHandler<PatronReadyHoldsQuery, PatronReadyHold[]> {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}
  execute(query: PatronReadyHoldsQuery) {
    return patronReadyHolds(this.store, query.cardNumber);
  }
}
