import { Body, Controller, HttpCode, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { CheckInCommand, CheckOutCommand } from '../circulation/circulation.commands';
import type { CheckinResult, CheckoutResult } from '../circulation/circulation.service';
import { HoldIdParam } from '../dto/params';
import { CheckinDto, CheckoutDto, ContactOutcomeDto } from '../dto/staff.dto';
import { ClearHoldShelfCommand, RecordContactCommand } from '../holds/hold-shelf.commands';
import { ApiProblems } from '../http/problem-responses';
import { actorOf, answerWithPosition, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ClearanceDto } from '../dto/clearance.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@UseGuards(StaffGuard)
@StaffRoles('admin', 'circulation')
@UseInterceptors(IdempotencyInterceptor)
export class StaffCirculationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('checkouts')
  @ApiOperation({ summary: 'Lend a copy; picking up a ready hold completes it (HoldFulfilled)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async checkout(@Req() request: AuthenticatedRequest, @Body() body: CheckoutDto, @Res({ passthrough: true }) response: Response) {
    const result: CheckoutResult = await this.commandBus.execute(new CheckOutCommand(body.copyId, body.cardNumber, actorOf(principalOf(request))));
    return answerWithPosition(response, result);
  }

  @Post('checkins')
  @ApiOperation({
    summary: 'Check a copy in at a location; it goes to the first waiting hold (R16, I2)',
    description: 'outcome.action tells the desk what to do: `hold-shelf` (ready for the patron), `transit` (send to the pickup location) or `shelve`.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async checkin(@Req() request: AuthenticatedRequest, @Body() body: CheckinDto, @Res({ passthrough: true }) response: Response) {
    const result: CheckinResult = await this.commandBus.execute(new CheckInCommand(body.copyId, body.locationId, actorOf(principalOf(request))));
    return answerWithPosition(response, result);
  }

  @Post('hold-shelf/clearances')
  @HttpCode(204)
  @ApiOperation({ summary: 'The copy of an expired or cancelled ready hold was taken off the hold shelf' })
  @ApiProblems(400, 401, 403, 404, 409)
  async clear(@Req() request: AuthenticatedRequest, @Body() body: ClearanceDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(new ClearHoldShelfCommand(body.copyId, actorOf(principalOf(request))));
    withPosition(response, position);
  }

  @Post('holds/:holdId/contacts')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record a call-list attempt for a ready hold: called, no answer, or left a message (R14)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async contact(@Req() request: AuthenticatedRequest, @Param() params: HoldIdParam, @Body() body: ContactOutcomeDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(new RecordContactCommand(params.holdId, body.outcome, actorOf(principalOf(request))));
    withPosition(response, position);
  }
}
