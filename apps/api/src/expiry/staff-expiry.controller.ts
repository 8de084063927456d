import { Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pageOf } from '@libs/projections';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { DueHoldsQueryDto } from './due-query.dto';
import { DueHoldsQuery, SweepExpiredHoldsCommand, type DueHoldsAnswer } from './expiry.commands';
import { ApiProblems, ProblemException, problemType } from '@libs/platform';
import { wasSkipped, type SweepOutcome } from '@libs/application';

const DEFAULT_PAGE = 50;

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/expiry')
@UseGuards(StaffGuard)
@StaffRoles('admin', 'circulation')
export class StaffExpiryController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('due')
  @ApiOperation({
    summary: 'Ready holds whose pickup window is over on a day (default today), oldest notice first (R18, R30)',
    description: "Each with its notice day, last pickup day and expiry day, from the pickup location's current calendar: what the next sweep expires.",
  })
  @ApiProblems(400, 401, 403)
  async due(@Query() query: DueHoldsQueryDto, @Res({ passthrough: true }) response: Response) {
    const answer: DueHoldsAnswer = await this.queryBus.execute(new DueHoldsQuery(query.on ?? null));
    if (!answer.settled) response.setHeader('X-Read-Models-Behind', 'true');
    return { day: answer.day, ...pageOf(answer.holds, query.offset ?? 0, query.limit ?? DEFAULT_PAGE) };
  }

  @Post('sweep')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Expire every due ready hold now and hand each copy to the next waiting hold (R18, I3, I4)',
    description: 'What the daily sweep does; safe to repeat: a hold already expired is not expired again. 409 while another process sweeps.',
  })
  @ApiProblems(401, 403, 409)
  async sweep(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const outcome: SweepOutcome = await this.commandBus.execute(new SweepExpiredHoldsCommand(actorOf(principalOf(request))));
    if (wasSkipped(outcome)) {
      throw new ProblemException({
        type: problemType('expiry-sweep-running'),
        title: 'Another process is sweeping',
        status: 409,
        detail: 'Another worker holds the sweep lease and is expiring the due holds now; ask again when it is done.',
      });
    }
    withPosition(response, outcome.position);
    const { position: _position, ...report } = outcome;
    return report;
  }
}
