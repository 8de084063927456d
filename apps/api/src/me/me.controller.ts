import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PatronGuard, type AuthenticatedRequest } from '../auth/auth.guards';
import { BatchHoldDto, ChangeEmailDto, ChangePasswordDto, PlacedHoldResponse, PlaceHoldDto } from '../dto/patron.dto';
import { CancelHoldCommand, PlaceHoldBatchCommand, PlaceHoldCommand } from '../holds/hold.commands';
import type { PlacedHold } from '../holds/holds.service';
import { MaintenanceWindowGuard } from '../http/maintenance-window.guard';
import { ApiProblems } from '../http/problem-responses';
import { actorOf, answerWithPosition, cardOf, markIfBehind, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ChangePasswordCommand, RegisterEmailCommand } from '../patrons/patron.commands';
import { PatronsService } from '../patrons/patrons.service';
import { ConsistentReads } from '../queries/consistent-reads.service';
import { PatronHoldsQuery, PatronLoansQuery, PatronReadyHoldsQuery } from '../queries/patron.queries';
import { parsePosition } from '../http/position';
import { HoldIdParam } from '../dto/params';

/** The patron's own data: the token names the patron, so nobody reaches anyone else's lists (I7). */
@ApiTags('patron')
@ApiBearerAuth()
@Controller('me')
@UseGuards(MaintenanceWindowGuard, PatronGuard)
@UseInterceptors(IdempotencyInterceptor)
export class MeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reads: ConsistentReads,
    private readonly patrons: PatronsService,
  ) {}

  private async settled(response: Response, after?: string) {
    markIfBehind(response, await this.reads.settle(parsePosition(after)));
  }

  @Get()
  @ApiOperation({ summary: 'The patron: name, card expiry, registered e-mail' })
  @ApiProblems(401, 403, 503)
  async profile(@Req() request: AuthenticatedRequest) {
    const patron = await this.patrons.load(cardOf(request));
    return { cardNumber: patron.cardNumber, name: patron.name, cardExpiresOn: patron.cardExpiresOn, email: patron.email, activeHolds: Object.keys(patron.activeHolds).length };
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
      new PlaceHoldCommand(cardOf(request), body.titleId, body.pickupLocationId, body.contactMethod, 'online', actorOf(principalOf(request))),
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
      new PlaceHoldBatchCommand(cardOf(request), body.titleIds, body.pickupLocationId, body.contactMethod, actorOf(principalOf(request))),
    );
    withPosition(response, position);
    return { results };
  }

  @Delete('holds/:holdId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a hold that is not ready yet; 409 once ready (R19: call or visit the library)' })
  @ApiProblems(401, 403, 404, 409, 503)
  async cancel(@Req() request: AuthenticatedRequest, @Param() params: HoldIdParam, @Res({ passthrough: true }) response: Response): Promise<void> {
    const card = cardOf(request);
    const { position } = await this.commandBus.execute(new CancelHoldCommand(params.holdId, card, null, actorOf(principalOf(request))));
    withPosition(response, position);
  }

  @Put('email')
  @HttpCode(204)
  @ApiOperation({ summary: 'Register or change the e-mail address (R25); a confirmation mail follows' })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  async changeEmail(@Req() request: AuthenticatedRequest, @Body() body: ChangeEmailDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(new RegisterEmailCommand(cardOf(request), body.email, actorOf(principalOf(request))));
    withPosition(response, position);
  }

  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password online, proving the current one (R28)' })
  @ApiProblems(400, 401, 403, 503)
  async changePassword(@Req() request: AuthenticatedRequest, @Body() body: ChangePasswordDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(
      new ChangePasswordCommand(cardOf(request), body.currentPassword, body.newPassword, actorOf(principalOf(request))),
    );
    withPosition(response, position);
  }
}
