import { localTimeOfDay } from '../calendar/time-zone';
import type { Policy } from './policy';

/**
 * R29: inside the policy's daily maintenance window (local time of the policy's time zone), online search
 * and holds are unavailable. `from` is inclusive and `to` exclusive; a window such as 23:00–01:00 runs past midnight.
 */
export function inMaintenanceWindow(now: Date, policy: Pick<Policy, 'maintenanceWindow' | 'timeZone'>): boolean {
  const window = policy.maintenanceWindow;
  if (!window) return false;
  const time = localTimeOfDay(now, policy.timeZone);
  return window.from < window.to ? window.from <= time && time < window.to : time >= window.from || time < window.to;
}
