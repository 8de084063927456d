import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PatronState } from '@libs/domain';
import { HistoryQuery } from '../audit/audit.queries';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { CardNumberParam } from '../http/params';
import { CreatePatronDto, IssuePasswordDto, RenewCardDto } from './patrons.dto';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { IssuePasswordCommand, RegisterPatronCommand, RenewCardCommand } from './patron.commands';
import { PatronQuery } from './patron.query';
import { PatronHoldsQuery, PatronLoansQuery, PatronReadyHoldsQuery } from '../holds/patron-lists.queries';
import { ApiProblems, ConsistentReads } from '@libs/platform';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/patrons')
@UseGuards(StaffGuard)
@UseInterceptors(IdempotencyInterceptor)
export class StaffPatronsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reads: ConsistentReads,
  ) {}

  @Post()
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Register a patron at the counter (card number, name, birth date, card expiry, wide-area flag: R1-R4)' })
  @ApiProblems(400, 401, 403, 409, 422)
  async register(@Req() request: AuthenticatedRequest, @Body() body: CreatePatronDto, @Res({ passthrough: true }) response: Response) {
    const patron = { cardNumber: body.cardNumber, name: body.name, birthDate: body.birthDate, cardExpiresOn: body.cardExpiresOn, wideArea: body.wideArea };
    const { position } = await this.commandBus.execute(new RegisterPatronCommand({ ...patron, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return patron;
  }

  @Post(':card/password')
  @HttpCode(204)
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Issue (or re-issue) the patron password after checking identity at the counter (R1, R27)' })
  @ApiProblems(400, 401, 403, 404)
  async issuePassword(
    @Req() request: AuthenticatedRequest,
    @Param() params: CardNumberParam,
    @Body() body: IssuePasswordDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { position } = await this.commandBus.execute(
      new IssuePasswordCommand({ cardNumber: params.card, password: body.password, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
  }

  @Post(':card/renewal')
  @HttpCode(200)
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Renew the card at the counter (R4: an expired card blocks online service)' })
  @ApiProblems(400, 401, 403, 404, 422)
  async renew(
    @Req() request: AuthenticatedRequest,
    @Param() params: CardNumberParam,
    @Body() body: RenewCardDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { position } = await this.commandBus.execute(
      new RenewCardCommand({ cardNumber: params.card, cardExpiresOn: body.cardExpiresOn, actor: actorOf(principalOf(request)) }),
    );
    withPosition(response, position);
    return { cardNumber: params.card, cardExpiresOn: body.cardExpiresOn };
  }

  @Get(':card')
  @ApiOperation({ summary: 'Patron lookup at the counter: the patron with loans, holds and ready holds' })
  @ApiProblems(400, 401, 403, 404)
  async lookup(@Param() params: CardNumberParam) {
    const patron: PatronState = await this.queryBus.execute(new PatronQuery(params.card));
    await this.reads.settle();
    const [loans, holds, ready] = await Promise.all([
      this.queryBus.execute(new PatronLoansQuery(params.card)),
      this.queryBus.execute(new PatronHoldsQuery(params.card)),
      this.queryBus.execute(new PatronReadyHoldsQuery(params.card)),
    ]);
    return {
      cardNumber: patron.cardNumber,
      name: patron.name,
      birthDate: patron.birthDate,
      cardExpiresOn: patron.cardExpiresOn,
      wideArea: patron.wideArea,
      email: patron.email,
      passwordIssued: patron.passwordHash !== null,
      activeHolds: Object.keys(patron.activeHolds).length,
      loans,
      holds,
      readyHolds: ready,
    };
  }

  @Get(':card/history')
  @StaffRoles('admin', 'auditor', 'circulation')
  @ApiOperation({ summary: "Every event of the patron's stream (registration, card, password, e-mail, hold slots)" })
  @ApiProblems(400, 401, 403, 404)
  async history(@Param() params: CardNumberParam) {
    return { items: await this.queryBus.execute(new HistoryQuery('patron', params.card)) };
  }
}
