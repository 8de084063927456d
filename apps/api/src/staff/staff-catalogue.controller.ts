import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UnknownTitle } from '@libs/domain';
import { titleInfo, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE } from '@libs/platform';
import { HistoryQuery } from '../audit/audit.queries';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { AddCopyCommand, CatalogueTitleCommand } from '../catalogue/catalogue.commands';
import { IdParam } from '../dto/params';
import { CreateCopyDto, CreateTitleDto } from '../dto/staff.dto';
import { ApiProblems } from '../http/problem-responses';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ConsistentReads } from '../queries/consistent-reads.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@UseGuards(StaffGuard)
@UseInterceptors(IdempotencyInterceptor)
export class StaffCatalogueController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reads: ConsistentReads,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Post('titles')
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Catalogue a title with its material type (R8, R9) and volume (R11)' })
  @ApiProblems(400, 401, 403, 409)
  async createTitle(@Req() request: AuthenticatedRequest, @Body() body: CreateTitleDto, @Res({ passthrough: true }) response: Response) {
    const title = { titleId: body.titleId, name: body.name, author: body.author ?? null, materialType: body.materialType, volume: body.volume ?? null };
    const { position } = await this.commandBus.execute(new CatalogueTitleCommand(title, actorOf(principalOf(request))));
    withPosition(response, position);
    return title;
  }

  @Post('copies')
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Add a copy of a title at a location; not-for-loan copies never count as holdable (R9)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async createCopy(@Req() request: AuthenticatedRequest, @Body() body: CreateCopyDto, @Res({ passthrough: true }) response: Response) {
    const copy = { copyId: body.copyId, titleId: body.titleId, locationId: body.locationId, loanable: body.loanable };
    const { position } = await this.commandBus.execute(new AddCopyCommand(copy, actorOf(principalOf(request))));
    withPosition(response, position);
    return copy;
  }

  @Get('titles/:id')
  @ApiOperation({ summary: "A title with its copies and its queue of waiting holds" })
  @ApiProblems(400, 401, 403, 404)
  async title(@Param() params: IdParam) {
    await this.reads.settle();
    const title = await titleInfo(this.readModels, params.id);
    if (!title) throw new UnknownTitle(params.id);
    return title;
  }

  @Get('titles/:id/history')
  @StaffRoles('admin', 'auditor', 'circulation')
  @ApiOperation({ summary: "Every event of the title's stream: catalogue, copies, loans, holds, with who/when/why" })
  @ApiProblems(400, 401, 403, 404)
  async titleHistory(@Param() params: IdParam) {
    return { items: await this.queryBus.execute(new HistoryQuery('title', params.id)) };
  }

  @Get('copies/:id/history')
  @StaffRoles('admin', 'auditor', 'circulation')
  @ApiOperation({ summary: 'Every event about one copy' })
  @ApiProblems(400, 401, 403, 404)
  async copyHistory(@Param() params: IdParam) {
    return { items: await this.queryBus.execute(new HistoryQuery('copy', params.id)) };
  }
}
