import { Body, Controller, Get, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems } from '@libs/platform';
import { HistoryQuery } from '../audit/audit.queries';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { AddCopyCommand, CatalogueTitleCommand, TitleQuery } from './catalogue.commands';
import { IdParam } from '../http/params';
import { actorOf, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { CreateCopyDto, CreateTitleDto } from '@libs/application';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@UseGuards(StaffGuard)
@UseInterceptors(IdempotencyInterceptor)
export class StaffCatalogueController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('titles')
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Catalogue a title with its material type (R8, R9) and volume (R11)' })
  @ApiProblems(400, 401, 403, 409)
  async createTitle(@Req() request: AuthenticatedRequest, @Body() body: CreateTitleDto, @Res({ passthrough: true }) response: Response) {
    const title = { titleId: body.titleId, name: body.name, author: body.author ?? null, materialType: body.materialType, volume: body.volume ?? null };
    const { position } = await this.commandBus.execute(new CatalogueTitleCommand({ ...title, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return title;
  }

  @Post('copies')
  @StaffRoles('admin', 'circulation')
  @ApiOperation({ summary: 'Add a copy of a title at a location; not-for-loan copies never count as holdable (R9)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async createCopy(@Req() request: AuthenticatedRequest, @Body() body: CreateCopyDto, @Res({ passthrough: true }) response: Response) {
    const copy = { copyId: body.copyId, titleId: body.titleId, locationId: body.locationId, loanable: body.loanable };
    const { position } = await this.commandBus.execute(new AddCopyCommand({ ...copy, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return copy;
  }

  @Get('titles/:id')
  @ApiOperation({ summary: 'A title with its copies and its queue of waiting holds' })
  @ApiProblems(400, 401, 403, 404)
  async title(@Param() params: IdParam) {
    return this.queryBus.execute(new TitleQuery(params.id));
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
