import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HistoryQuery, HoldAsOfQuery } from '../audit/audit.queries';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { HoldIdParam } from '../http/params';
import { AsOfQueryDto } from '../audit/audit.dto';
import { CounterHoldDto, StaffCancelDto } from './staff-holds.dto';
import { CancelHoldCommand } from './cancel-hold';
import { PlaceHoldCommand, type PlacedHold } from './place-hold';
import { actorOf, answerWithPosition, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { Clock, ApiProblems } from '@libs/platform';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/holds')
@UseGuards(StaffGuard)
@UseInterceptors(IdempotencyInterceptor)
export class StaffHoldsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Place a counter hold for a patron (counts toward the hold limit, R7; counter material rules, R9)' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async place(@Req() request: AuthenticatedRequest, @Body() body: CounterHoldDto, @Res({ passthrough: true }) response: Response) {
    const placed: PlacedHold = await this.commandBus.execute(new PlaceHoldCommand({ ...body, via: 'counter', actor: actorOf(principalOf(request)) }));
    return answerWithPosition(response, placed);
  }

  @Delete(':holdId')
  @HttpCode(204)
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Cancel any live hold, ready ones too, with a reason (R19, R20); its copy goes to the next hold (I4)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async cancel(
    @Req() request: AuthenticatedRequest,
    @Param() params: HoldIdParam,
    @Body() body: StaffCancelDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { position } = await this.commandBus.execute(
      new CancelHoldCommand({ holdId: params.holdId, cardNumber: null, reason: body.reason, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }

  @Get(':holdId/history')
  @StaffRoles('admin', 'auditor', 'circulation')
  @ApiOperation({ summary: 'Every event of the hold with its metadata: who, when, why (from the event log itself)' })
  @ApiProblems(400, 401, 403, 404)
  async history(@Param() params: HoldIdParam) {
    return { holdId: params.holdId, items: await this.queryBus.execute(new HistoryQuery('hold', params.holdId)) };
  }

  @Get(':holdId')
  @StaffRoles('admin', 'auditor', 'circulation')
  @ApiOperation({ summary: 'The hold as it stood at any past instant (`asOf`), or now' })
  @ApiProblems(400, 401, 403, 404)
  asOf(@Param() params: HoldIdParam, @Query() query: AsOfQueryDto) {
    return this.queryBus.execute(new HoldAsOfQuery(params.holdId, query.asOf ? new Date(query.asOf) : this.clock.now()));
  }
}
