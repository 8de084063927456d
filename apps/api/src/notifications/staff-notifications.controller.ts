import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffGuard } from '../auth/auth.guards';
import { PageQueryDto } from '../dto/staff.dto';
import { ApiProblems } from '../http/problem-responses';
import { NotificationsGateway } from './notifications.gateway';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/notifications')
@UseGuards(StaffGuard)
export class StaffNotificationsController {
  constructor(private readonly notifications: NotificationsGateway) {}

  @Get('failed')
  @ApiOperation({ summary: 'Mails that could not be delivered after every retry: kind, recipient, attempts, last error' })
  @ApiProblems(400, 401, 403)
  failed(@Query() page: PageQueryDto) {
    return this.notifications.failedDeliveries(page.offset ?? 0, page.limit ?? 50);
  }
}
