import { Module } from '@nestjs/common';
import { HistoryHandler, HoldAsOfHandler } from './audit.queries';

/** Audit: the full history of a hold, patron, title or copy from the event log, and a hold as of any past instant. */
@Module({ providers: [HistoryHandler, HoldAsOfHandler] })
export class AuditModule {}
