import { Body, Controller, Get, HttpCode, Put, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PatronState } from '@libs/domain';
import { ApiProblems } from '@libs/platform';
import { PatronGuard, type AuthenticatedRequest } from '../auth/auth.guards';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { MaintenanceWindowGuard } from '../http/maintenance-window.guard';
import { actorOf, cardOf, principalOf, withPosition } from '../http/responses';
import { ChangePasswordCommand, RegisterEmailCommand } from './patron.commands';
import { ChangeEmailDto, ChangePasswordDto } from './patrons.dto';
import { PatronQuery } from './patron.query';

/** The patron's own record: the token names the patron, so nobody reaches anyone else's (I7). */
@ApiTags('patron')
@ApiBearerAuth()
@Controller('me')
@UseGuards(MaintenanceWindowGuard, PatronGuard)
@UseInterceptors(IdempotencyInterceptor)
export class MeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The patron: name, card expiry, registered e-mail' })
  @ApiProblems(401, 403, 503)
  async profile(@Req() request: AuthenticatedRequest) {
    const patron: PatronState = await this.queryBus.execute(new PatronQuery(cardOf(request)));
    return {
      cardNumber: patron.cardNumber,
      name: patron.name,
      cardExpiresOn: patron.cardExpiresOn,
      email: patron.email,
      activeHolds: Object.keys(patron.activeHolds).length,
    };
  }

  @Put('email')
  @HttpCode(204)
  @ApiOperation({ summary: 'Register or change the e-mail address (R25); a confirmation mail follows' })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  async changeEmail(@Req() request: AuthenticatedRequest, @Body() body: ChangeEmailDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(
      new RegisterEmailCommand({ cardNumber: cardOf(request), email: body.email, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }

  @Put('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password online, proving the current one (R28)',
    description: 'Wrong current passwords are throttled like failed logins, on the same counts: beyond them 429 with Retry-After.',
  })
  @ApiProblems(400, 401, 403, 429, 503)
  async changePassword(@Req() request: AuthenticatedRequest, @Body() body: ChangePasswordDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { position } = await this.commandBus.execute(
      new ChangePasswordCommand({ ...body, cardNumber: cardOf(request), clientAddress: request.ip ?? 'unknown', actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }
}
