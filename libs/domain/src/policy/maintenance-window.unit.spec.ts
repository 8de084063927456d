import { inMaintenanceWindow } from './maintenance-window';
import { policyPresets } from './presets';

const at = (iso: string) => new Date(iso);

describe.each(Object.entries(policyPresets))('R29: the maintenance window of %s', (id, policy) => {
  const closedForMaintenance = id === 'library-a';

  it(`03:00–05:00 Tokyo time is ${closedForMaintenance ? 'unavailable' : 'available'}`, () => {
    // 03:00 JST = 18:00 UTC the day before.
    expect(inMaintenanceWindow(at('2026-06-01T18:00:00Z'), policy)).toBe(closedForMaintenance);
    expect(inMaintenanceWindow(at('2026-06-01T19:59:59Z'), policy)).toBe(closedForMaintenance);
  });

  it('02:59 and 05:00 Tokyo time are available', () => {
    expect(inMaintenanceWindow(at('2026-06-01T17:59:59Z'), policy)).toBe(false);
    expect(inMaintenanceWindow(at('2026-06-01T20:00:00Z'), policy)).toBe(false);
  });
});

describe('R29: the window is local time, not server time', () => {
  it('03:30 UTC is 12:30 in Tokyo: available', () => {
    expect(inMaintenanceWindow(at('2026-06-01T03:30:00Z'), policyPresets['library-a'])).toBe(false);
  });

  it('a window running past midnight (23:30–00:30) covers both sides of it', () => {
    const policy = { timeZone: 'Asia/Tokyo', maintenanceWindow: { from: '23:30', to: '00:30' } };
    expect(inMaintenanceWindow(at('2026-06-01T14:45:00Z'), policy)).toBe(true);
    expect(inMaintenanceWindow(at('2026-06-01T15:15:00Z'), policy)).toBe(true);
    expect(inMaintenanceWindow(at('2026-06-01T15:30:00Z'), policy)).toBe(false);
    expect(inMaintenanceWindow(at('2026-06-01T14:29:00Z'), policy)).toBe(false);
  });
});
