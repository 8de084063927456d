import { Inject, Injectable, type CanActivate } from '@nestjs/common';
import { ServiceInMaintenance, inMaintenanceWindow, type Policy } from '@libs/domain';
import { Clock, POLICY, ProblemException, toProblem } from '@libs/platform';

/** Minutes since local midnight in the library's time zone. */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * R29: during the policy's daily maintenance window, patron endpoints answer 503 with Retry-After (seconds until
 * the window ends, library local time). Staff endpoints stay up.
 */
@Injectable()
export class MaintenanceWindowGuard implements CanActivate {
  constructor(
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  canActivate(): boolean {
    const window = this.policy.maintenanceWindow;
    const now = this.clock.now();
    if (!window || !inMaintenanceWindow(now, this.policy)) return true;
    const minutesLeft = (minutesOf(window.to) - localMinutes(now, this.policy.timeZone) + 24 * 60) % (24 * 60) || 1;
    const { problem } = toProblem(new ServiceInMaintenance(window));
    throw new ProblemException(problem, { 'Retry-After': String(minutesLeft * 60) });
  }
}
