import { Module } from '@nestjs/common';
import { ProjectionsController } from './projections.controller';

/** An administrator's view of the projections: their state, and a restart after a failure was fixed. */
@Module({ controllers: [ProjectionsController] })
export class ProjectionsAdminModule {}
