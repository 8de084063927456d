import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DELIVERY_LEDGER } from '@libs/application';
import type { DeliveryLedger } from '@libs/notifications';
import { ApiProblems } from '@libs/platform';
import { StaffGuard } from '../auth/auth.guards';
import { PageQueryDto } from '../http/queries.dto';

/** Mails that could not be delivered after every retry, a page at a time. */
export class FailedDeliveriesQuery {
  constructor(
    readonly offset: number,
    readonly limit: number,
  ) {}
}

@QueryHandler(FailedDeliveriesQuery)
export class FailedDeliveriesHandler implements IQueryHandler<FailedDeliveriesQuery> {
  constructor(@Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger) {}
  execute({ offset, limit }: FailedDeliveriesQuery) {
    return this.ledger.failed({ offset, limit });
  }
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/notifications')
@UseGuards(StaffGuard)
export class StaffNotificationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('failed')
  @ApiOperation({ summary: 'Mails that could not be delivered after every retry: kind, recipient, attempts, last error' })
  @ApiProblems(400, 401, 403)
  failed(@Query() page: PageQueryDto) {
    return this.queryBus.execute(new FailedDeliveriesQuery(page.offset ?? 0, page.limit ?? 50));
  }
}
