import { Module } from '@nestjs/common';
import { FailedDeliveriesHandler, StaffNotificationsController } from './staff-notifications.controller';

/** What staff see of the mail: deliveries that failed after every retry (the mails themselves go from the worker). */
@Module({
  controllers: [StaffNotificationsController],
  providers: [FailedDeliveriesHandler],
})
export class NotificationsModule {}
