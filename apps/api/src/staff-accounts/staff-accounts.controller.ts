import { Body, Controller, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { CreateStaffDto } from './staff-accounts.dto';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { CreateStaffAccountCommand } from './create-staff-account';
import { ApiProblems } from '@libs/platform';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/accounts')
@UseGuards(StaffGuard)
@StaffRoles('admin')
@UseInterceptors(IdempotencyInterceptor)
export class StaffAccountsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account with roles: admin, circulation (desk), auditor (read-only: lists, patron lookup and history; no changes)' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Req() request: AuthenticatedRequest, @Body() body: CreateStaffDto, @Res({ passthrough: true }) response: Response) {
    const { position } = await this.commandBus.execute(new CreateStaffAccountCommand({ ...body, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return { staffId: body.staffId, name: body.name, roles: body.roles };
  }
}
