import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, ConsistentReads, parsePosition } from '@libs/platform';
import { PatronGuard, type AuthenticatedRequest } from '../auth/auth.guards';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { MaintenanceWindowGuard } from '../http/maintenance-window.guard';
import { HoldIdParam } from '../http/params';
import { actorOf, answerWithPosition, cardOf, markIfBehind, principalOf, withPosition } from '../http/responses';
import { CancelHoldCommand } from './cancel-hold';
import { BatchHoldDto, PlacedHoldResponse, PlaceHoldDto } from './holds.dto';
import { PatronHoldsQuery, PatronLoansQuery, PatronReadyHoldsQuery } from './patron-lists.queries';
import { PlaceHoldBatchCommand } from './place-hold-batch';
import { PlaceHoldCommand, type PlacedHold } from './place-hold';

/** The patron's three lists and their own holds: the token names the patron, so nobody reaches anyone else's (I7). */
@ApiTags('patron')
@ApiBearerAuth()
@Controller('me')
@UseGuards(MaintenanceWindowGuard, PatronGuard)
@UseInterceptors(IdempotencyInterceptor)
export class MeHoldsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reads: ConsistentReads,
  ) {}

  private async settled(response: Response, after?: string) {
    markIfBehind(response, await this.reads.settle(parsePosition(after)));
  }

  @Get('loans')
  @ApiOperation({ summary: 'Loans with due dates and the overdue flag (R21)' })
  @ApiQuery({ name: 'after', required: false, description: 'X-Event-Position of your last command: wait until the list includes it' })
  @ApiProblems(401, 403, 503)
  async loans(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response, @Query('after') after?: string) {
    await this.settled(response, after);
    return { items: await this.queryBus.execute(new PatronLoansQuery(cardOf(request))) };
  }

  @Get('holds')
  @ApiOperation({ summary: 'Holds not yet ready (waiting and in transit), with queuePosition (R22)' })
  @ApiQuery({ name: 'after', required: false })
  @ApiProblems(401, 403, 503)
  async holds(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response, @Query('after') after?: string) {
    await this.settled(response, after);
    return { items: await this.queryBus.execute(new PatronHoldsQuery(cardOf(request))) };
  }

  @Get('holds/ready')
  @ApiOperation({ summary: 'Holds ready for pickup, with pickupLocationId and lastPickupDay (R23, R30); no cancel online (R19)' })
  @ApiQuery({ name: 'after', required: false })
  @ApiProblems(401, 403, 503)
  async readyHolds(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response, @Query('after') after?: string) {
    await this.settled(response, after);
    return { items: await this.queryBus.execute(new PatronReadyHoldsQuery(cardOf(request))) };
  }

  @Post('holds')
  @ApiOperation({ summary: 'Place a hold on a title (R7-R14, R16)', description: 'Send an Idempotency-Key so a double-clicked button never makes two holds.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlacedHoldResponse })
  @ApiProblems(400, 401, 403, 404, 409, 413, 422, 503)
  async place(@Req() request: AuthenticatedRequest, @Body() body: PlaceHoldDto, @Res({ passthrough: true }) response: Response) {
    const placed: PlacedHold = await this.commandBus.execute(
      new PlaceHoldCommand({ ...body, cardNumber: cardOf(request), via: 'online', actor: actorOf(principalOf(request)) }),
    );
    return answerWithPosition(response, placed);
  }

  @Post('holds/batch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Place holds on several titles at once (R15); each title is placed or refused with the reason',
    description: 'Nothing is half-placed for a title. `results[i].placed` says which; refused titles carry a problem naming the rule.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiProblems(400, 401, 403, 404, 413, 422, 503)
  async placeBatch(@Req() request: AuthenticatedRequest, @Body() body: BatchHoldDto, @Res({ passthrough: true }) response: Response) {
    const { results, position } = await this.commandBus.execute(
      new PlaceHoldBatchCommand({ ...body, cardNumber: cardOf(request), actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
    return { results };
  }

  @Delete('holds/:holdId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a hold that is not ready yet; 409 once ready (R19: call or visit the library)' })
  @ApiProblems(401, 403, 404, 409, 503)
  async cancel(@Req() request: AuthenticatedRequest, @Param() params: HoldIdParam, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(
      new CancelHoldCommand({ holdId: params.holdId, cardNumber: cardOf(request), reason: null, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }
}
