import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditService, type AuditEntry, type HoldAsOf } from './audit.service';

export type HistorySubject = 'hold' | 'patron' | 'title' | 'copy';

/** Every event about one hold, patron, title or copy, from the event log itself. */
export class HistoryQuery {
  constructor(
    readonly subject: HistorySubject,
    readonly id: string,
  ) {}
}

/** A hold as it stood at an instant. */
export class HoldAsOfQuery {
  constructor(
    readonly holdId: string,
    readonly asOf: Date,
  ) {}
}

@QueryHandler(HistoryQuery)
export class HistoryHandler implements IQueryHandler<HistoryQuery, AuditEntry[]> {
  constructor(private readonly audit: AuditService) {}

  execute({ subject, id }: HistoryQuery): Promise<AuditEntry[]> {
    switch (subject) {
      case 'hold':
        return this.audit.holdHistory(id);
      case 'patron':
        return this.audit.patronHistory(id);
      case 'title':
        return this.audit.titleHistory(id);
      case 'copy':
        return this.audit.copyHistory(id);
      default: {
        const _exhaustive: never = subject;
        return _exhaustive;
      }
    }
  }
}

@QueryHandler(HoldAsOfQuery)
export class HoldAsOfHandler implements IQueryHandler<HoldAsOfQuery, HoldAsOf> {
  constructor(private readonly audit: AuditService) {}

  execute({ holdId, asOf }: HoldAsOfQuery): Promise<HoldAsOf> {
    return this.audit.holdAsOf(holdId, asOf);
  }
}

export const auditQueryHandlers = [HistoryHandler, HoldAsOfHandler];
