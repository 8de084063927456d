import { Controller, Get, HttpCode, Inject, Optional, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRunner } from '@libs/projections';
import { StaffGuard, StaffRoles } from '../auth/auth.guards';
import { ApiProblems, ProblemException, problemType } from '@libs/platform';

const statusOf = (runner: ProjectionRunner) => {
  const status = runner.status();
  return { state: status.state, position: status.position?.toString() ?? null, error: status.error };
};

/**
 * A read model that throws on an event stops the projections (they never skip an event) and /health says so.
 * Once the cause is fixed, an administrator restarts them here; they resume from the stored checkpoint.
 */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/projections')
@UseGuards(StaffGuard)
@StaffRoles('admin')
export class ProjectionsController {
  constructor(@Optional() @Inject(ProjectionRunner) private readonly runner: ProjectionRunner | null) {}

  private required(): ProjectionRunner {
    if (this.runner) return this.runner;
    throw new ProblemException({
      type: problemType('projections-run-elsewhere'),
      title: 'Projections run in the worker',
      status: 409,
      detail: 'This api process does not run the projections; restart them on the worker.',
    });
  }

  @Get()
  @ApiOperation({ summary: 'State of the projections: running, catching up, live, failed (with the error) or stopped' })
  @ApiProblems(401, 403, 409)
  status() {
    return statusOf(this.required());
  }

  @Post('restart')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume the projections from their checkpoint after a failure was fixed' })
  @ApiProblems(401, 403, 409)
  async restart() {
    const runner = this.required();
    await runner.restart();
    return statusOf(runner);
  }
}
