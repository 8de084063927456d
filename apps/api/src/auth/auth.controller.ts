import { Body, Controller, HttpCode, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '@libs/platform';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { MaintenanceWindowGuard } from '../http/maintenance-window.guard';
import { PatronLoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, StaffLoginDto, TokenResponse } from './auth.dto';
import { PatronLoginCommand, StaffLoginCommand } from './login';
import { CompletePasswordResetCommand, RequestPasswordResetCommand } from './password-reset';

@ApiTags('patron')
@Controller('auth')
@UseGuards(MaintenanceWindowGuard)
export class AuthController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Patron login with card number and password (R1); an expired card is refused (R4)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 403, 429, 503)
  login(@Body() body: PatronLoginDto, @Req() request: Request): Promise<TokenResponse> {
    return this.commandBus.execute(new PatronLoginCommand({ ...body, clientAddress: request.ip ?? 'unknown' }));
  }

  @Post('password-reset')
  @HttpCode(202)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Forgotten password (R27, where the policy offers it): mails a single-use link when card and address match',
    description:
      'Answers 202 the same way, and in the same time, whether or not the card and address match, so it reveals nothing. ' +
      'Three requests per card and per e-mail address and twenty per client address in an hour; beyond them 429 with Retry-After.',
  })
  @ApiProblems(400, 404, 429, 503)
  async requestReset(@Body() body: PasswordResetRequestDto, @Req() request: Request) {
    await this.commandBus.execute(new RequestPasswordResetCommand({ ...body, clientAddress: request.ip ?? 'unknown' }));
    return { accepted: true, detail: 'If the card number and address match our records, a reset link is on its way.' };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the token from the reset mail (single use, short-lived: R27)' })
  @ApiProblems(400, 403, 404, 409, 422, 503)
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.commandBus.execute(new CompletePasswordResetCommand({ ...body }));
  }
}

@ApiTags('staff')
@Controller('staff/auth')
export class StaffAuthController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login (accounts with roles; the first admin comes from configuration)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 429, 503)
  login(@Body() body: StaffLoginDto, @Req() request: Request): Promise<TokenResponse> {
    return this.commandBus.execute(new StaffLoginCommand({ ...body, clientAddress: request.ip ?? 'unknown' }));
  }
}
