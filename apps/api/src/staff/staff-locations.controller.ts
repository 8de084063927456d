import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { nationalHolidaysBetween } from '@libs/domain';
import { pickupLocations, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE } from '@libs/platform';
import { StaffGuard, StaffRoles, type AuthenticatedRequest } from '../auth/auth.guards';
import { LocationIdParam } from '../dto/params';
import { CalendarDto, CreateLocationDto, DateRangeQueryDto, PageQueryDto } from '../dto/staff.dto';
import { ApiProblems } from '../http/problem-responses';
import { actorOf, markIfBehind, principalOf, withPosition } from '../http/responses';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ChangeCalendarCommand, RegisterLocationCommand } from '../locations/location.commands';
import { ConsistentReads } from '../queries/consistent-reads.service';
import { LocationListQuery, type StaffListName } from '../queries/staff-lists.queries';

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
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Post()
  @StaffRoles('admin')
  @ApiOperation({ summary: 'Register a pickup location (R13); it is open every day until a calendar is set' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Req() request: AuthenticatedRequest, @Body() body: CreateLocationDto, @Res({ passthrough: true }) response: Response) {
    const { position } = await this.commandBus.execute(new RegisterLocationCommand(body.locationId, body.name, actorOf(principalOf(request))));
    withPosition(response, position);
    return { locationId: body.locationId, name: body.name };
  }

  @Get()
  @ApiOperation({ summary: 'Pickup locations with their current calendars' })
  @ApiProblems(401, 403)
  async locations() {
    await this.reads.settle();
    return { items: await pickupLocations(this.readModels) };
  }

  @Put(':id/calendar')
  @HttpCode(200)
  @StaffRoles('admin', 'circulation')
  @ApiOperation({
    summary: 'Replace the location calendar (R30): weekly closing days, closed dates and ranges, national holidays',
    description: 'A closure added while holds are ready lengthens their pickup windows; the answer lists the national holidays the calendar now closes on for this and next year.',
  })
  @ApiProblems(400, 401, 403, 404, 422)
  async setCalendar(@Req() request: AuthenticatedRequest, @Param() params: LocationIdParam, @Body() body: CalendarDto, @Res({ passthrough: true }) response: Response) {
    const calendar = {
      weeklyClosedDays: [...body.weeklyClosedDays].sort(),
      closedDates: [...body.closedDates].sort(),
      closedRanges: body.closedRanges.map((range) => ({ from: range.from, to: range.to, ...(range.reason ? { reason: range.reason } : {}) })),
      closedOnNationalHolidays: body.closedOnNationalHolidays,
      closedDayAfterNationalHoliday: body.closedDayAfterNationalHoliday,
    };
    const { position } = await this.commandBus.execute(new ChangeCalendarCommand(params.id, calendar, actorOf(principalOf(request))));
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
  @ApiProblems(400, 401, 403)
  holdShelf(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('hold-shelf', params.id, page, response);
  }

  @Get(':id/clearance')
  @ApiOperation({ summary: 'Copies of expired or cancelled ready holds to take off the hold shelf (I4)' })
  @ApiProblems(400, 401, 403)
  clearance(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('clearance', params.id, page, response);
  }

  @Get(':id/pull-list')
  @ApiOperation({ summary: 'Copies on the open shelf wanted for waiting holds (where holds on available titles are allowed)' })
  @ApiProblems(400, 401, 403)
  pullList(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('pull', params.id, page, response);
  }

  @Get(':id/call-list')
  @ApiOperation({ summary: 'Ready holds whose patrons want a phone call, ring-only or voicemail (R14)' })
  @ApiProblems(400, 401, 403)
  callList(@Param() params: LocationIdParam, @Query() page: PageQueryDto, @Res({ passthrough: true }) response: Response) {
    return this.workingList('calls', params.id, page, response);
  }
}
