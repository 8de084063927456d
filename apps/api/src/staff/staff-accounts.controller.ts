import { Body, Controller, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { CreateStaffDto } from '../dto/staff.dto';
import { ApiProblems } from '../http/problem-responses';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { StaffAccountsService } from '../staff-accounts/staff-accounts.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/accounts')
@UseGuards(StaffGuard)
@StaffRoles('admin')
@UseInterceptors(IdempotencyInterceptor)
export class StaffAccountsController {
  constructor(private readonly accounts: StaffAccountsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account with roles: admin, circulation (desk), auditor (read-only: lists, patron lookup and history; no changes)' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Req() request: AuthenticatedRequest, @Body() body: CreateStaffDto, @Res({ passthrough: true }) response: Response) {
    const { position } = await this.accounts.create(body, actorOf(principalOf(request)));
    withPosition(response, position);
    return { staffId: body.staffId, name: body.name, roles: body.roles };
  }
}
