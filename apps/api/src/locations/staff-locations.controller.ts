import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { nationalHolidaysBetween } from '@libs/domain';
import { ApiProblems, ConsistentReads } from '@libs/platform';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { LocationIdParam } from '../http/params';
import { DateRangeQueryDto, PageQueryDto } from '../http/queries.dto';
import { CalendarDto, CreateLocationDto } from './locations.dto';
import { actorOf, markIfBehind, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { ChangeCalendarCommand, RegisterLocationCommand } from './location.commands';
import { LocationListQuery, PickupLocationsQuery, type StaffListName } from './location-lists.query';

const DEFAULT_PAGE = 50;

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/locations')
@UseGuards(StaffGuard)
@UseInterceptors(IdempotencyInterceptor)
export class StaffLocationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reads: ConsistentReads,
  ) {}

  @Post()
  @StaffRoles('admin')
  @ApiOperation({ summary: 'Register a pickup location (R13); it is open every day until a calendar is set' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Req() request: AuthenticatedRequest, @Body() body: CreateLocationDto, @Res({ passthrough: true }) response: Response) {
    const { position } = await this.commandBus.execute(new RegisterLocationCommand({ ...body, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return { locationId: body.locationId, name: body.name };
  }

  @Get()
  @ApiOperation({ summary: 'Pickup locations with their current calendars' })
  @ApiProblems(401, 403)
  async locations() {
    return { items: await this.queryBus.execute(new PickupLocationsQuery()) };
  }

  @Put(':id/calendar')
  @HttpCode(200)
  @StaffRoles('admin', 'circulation')
  @ApiOperation({
    summary: 'Replace the location calendar (R30): weekly closing days, closed dates and ranges, national holidays',
    description:
      'A closure added while holds are ready lengthens their pickup windows; the answer lists the national holidays the calendar now closes on for this and next year.',
  })
  @ApiProblems(400, 401, 403, 404, 422)
  async setCalendar(
    @Req() request: AuthenticatedRequest,
    @Param() params: LocationIdParam,
    @Body() body: CalendarDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const calendar = {
      weeklyClosedDays: [...body.weeklyClosedDays].sort(),
      closedDates: [...body.closedDates].sort(),
      closedRanges: body.closedRanges.map((range) => ({ from: range.from, to: range.to, ...(range.reason ? { reason: range.reason } : {}) })),
      closedOnNationalHolidays: body.closedOnNationalHolidays,
      closedDayAfterNationalHoliday: body.closedDayAfterNationalHoliday,
    };
    const { position } = await this.commandBus.execute(new ChangeCalendarCommand({ locationId: params.id, calendar, actor: actorOf(principalOf(request)) }));
    withPosition(response, position);
    return { locationId: params.id, calendar };
  }

  @Get('holidays')
  @ApiOperation({ summary: 'Japanese national holidays between two dates (to review before closing on them)' })
  @ApiProblems(400, 401, 403)
  holidays(@Query() range: DateRangeQueryDto) {
    return { items: nationalHolidaysBetween(range.from, range.to) };
  }

  private async workingList(name: StaffListName, locationId: string, page: PageQueryDto, response: Response) {
    markIfBehind(response, await this.reads.settle());
    return this.queryBus.execute(new LocationListQuery(name, locationId, page.offset ?? 0, page.limit ?? DEFAULT_PAGE));
  }

  @Get(':id/hold-shelf')
  @ApiOperation({ summary: 'The hold shelf: ready holds with last pickup day, most urgent first (paginated)' })
  @ApiProblems(400, 401, 403, 404)
  holdShelf(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('hold-shelf', params.id, page, response);
  }

  @Get(':id/clearance')
  @ApiOperation({ summary: 'Copies of expired or cancelled ready holds to take off the hold shelf (I4)' })
  @ApiProblems(400, 401, 403, 404)
  clearance(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('clearance', params.id, page, response);
  }

  @Get(':id/pull-list')
  @ApiOperation({ summary: 'Copies on the open shelf wanted for waiting holds (where holds on available titles are allowed)' })
  @ApiProblems(400, 401, 403, 404)
  pullList(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('pull', params.id, page, response);
  }

  @Get(':id/call-list')
  @ApiOperation({ summary: 'Ready holds whose patrons want a phone call, ring-only or voicemail (R14)' })
  @ApiProblems(400, 401, 403, 404)
  callList(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('calls', params.id, page, response);
  }
}
