import { Body, Controller, HttpCode, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { CheckInCommand, type CheckinResult } from './check-in';
import { CheckOutCommand, type CheckoutResult } from './check-out';
import { HoldIdParam } from '../http/params';
import { CheckinDto, CheckoutDto, ClearanceDto, ContactOutcomeDto } from './circulation.dto';
import { ClearHoldShelfCommand, RecordContactCommand } from './hold-shelf';
import { actorOf, answerWithPosition, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { ApiProblems } from '@libs/platform';

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
    const result: CheckoutResult = await this.commandBus.execute(new CheckOutCommand({ ...body, actor: actorOf(principalOf(request)) }));
    return answerWithPosition(response, result);
  }

  @Post('checkins')
  @ApiOperation({
    summary: 'Check a copy in at a location; it goes to the first waiting hold (R16, I2)',
    description: 'outcome.action tells the desk what to do: `hold-shelf` (ready for the patron), `transit` (send to the pickup location) or `shelve`.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async checkin(@Req() request: AuthenticatedRequest, @Body() body: CheckinDto, @Res({ passthrough: true }) response: Response) {
    const result: CheckinResult = await this.commandBus.execute(new CheckInCommand({ ...body, actor: actorOf(principalOf(request)) }));
    return answerWithPosition(response, result);
  }

  @Post('hold-shelf/clearances')
  @HttpCode(204)
  @ApiOperation({ summary: 'The copy of an expired or cancelled ready hold was taken off the hold shelf' })
  @ApiProblems(400, 401, 403, 404, 409)
  async clear(@Req() request: AuthenticatedRequest, @Body() body: ClearanceDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(new ClearHoldShelfCommand({ ...body, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
  }

  @Post('holds/:holdId/contacts')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record a call-list attempt for a ready hold: called, no answer, or left a message (R14)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async contact(
    @Req() request: AuthenticatedRequest,
    @Param() params: HoldIdParam,
    @Body() body: ContactOutcomeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { position } = await this.commandBus.execute(
      new RecordContactCommand({ holdId: params.holdId, outcome: body.outcome, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }
}
