import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Policy } from '@libs/domain';
import { POLICY } from '@libs/platform';
import { NotificationsGateway } from '../notifications/notifications.gateway';
import { PatronLoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, StaffLoginDto, TokenResponse } from '../dto/auth.dto';
import { MaintenanceWindowGuard } from '../http/maintenance-window.guard';
import { ApiProblems } from '../http/problem-responses';
import { ProblemException } from '../http/problem-details.filter';
import { problemType } from '../http/problem';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { PatronsService } from '../patrons/patrons.service';
import { AuthService } from './auth.service';

@ApiTags('patron')
@Controller('auth')
@UseGuards(MaintenanceWindowGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly patrons: PatronsService,
    private readonly notifications: NotificationsGateway,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Patron login with card number and password (R1); an expired card is refused (R4)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 403, 429, 503)
  login(@Body() body: PatronLoginDto, @Req() request: Request): Promise<TokenResponse> {
    return this.auth.patronLogin(body.cardNumber, body.password, request.ip ?? 'unknown');
  }

  @Post('password-reset')
  @HttpCode(202)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Forgotten password (R27, where the policy offers it): mails a single-use link when card and address match',
    description: 'Answers 202 the same way whether or not the card and address match, so it reveals nothing.',
  })
  @ApiProblems(400, 404, 503)
  async requestReset(@Body() body: PasswordResetRequestDto) {
    if (!this.policy.onlinePasswordReset) {
      throw new ProblemException({ type: problemType('password-reset-not-offered'), title: 'password-reset-not-offered (R27)', status: 404, rule: 'R27', detail: 'This library resets passwords at the counter only. Please ask at the library.' });
    }
    const reset = await this.patrons.requestPasswordReset(body.cardNumber, body.email, { kind: 'patron', id: body.cardNumber });
    if (reset) await this.notifications.sendPasswordReset(body.cardNumber, reset);
    return { accepted: true, detail: 'If the card number and address match our records, a reset link is on its way.' };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the token from the reset mail (single use, short-lived: R27)' })
  @ApiProblems(400, 403, 404, 409, 422, 503)
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.patrons.completePasswordReset(body.token, body.newPassword);
  }
}

@ApiTags('staff')
@Controller('staff/auth')
export class StaffAuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login (accounts with roles; the first admin comes from configuration)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 429)
  login(@Body() body: StaffLoginDto, @Req() request: Request): Promise<TokenResponse> {
    return this.auth.staffLogin(body.staffId, body.password, request.ip ?? 'unknown');
  }
}
