import { InvalidDate } from '../errors';
import { addDays, dayOfWeek, daysBetween, fromEpochDay, isLocalDate, requireLocalDate, toEpochDay } from './local-date';

describe('local calendar dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isLocalDate('2026-04-01')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-4-1')).toBe(false);
    expect(isLocalDate('2026-04-01T00:00:00Z')).toBe(false);
    expect(isLocalDate(20260401)).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-06-01', 14)).toBe('2026-06-15');
  });

  it('names the weekday 0 = Sunday … 6 = Saturday', () => {
    expect(dayOfWeek('2026-04-05')).toBe(0);
    expect(dayOfWeek('2026-04-06')).toBe(1);
    expect(dayOfWeek('2026-04-11')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('counts whole days between two dates', () => {
    expect(daysBetween('2026-04-01', '2026-05-01')).toBe(30);
    expect(daysBetween('2026-05-01', '2026-04-01')).toBe(-30);
    expect(fromEpochDay(toEpochDay('2026-04-01'))).toBe('2026-04-01');
  });

  it('refuses a malformed date with InvalidDate naming the field', () => {
    expect(() => addDays('2026-13-01', 1)).toThrow(InvalidDate);
    expect(() => requireLocalDate('tomorrow', 'today')).toThrow(/today must be a calendar date/);
    expect(requireLocalDate('2026-04-01', 'today')).toBe('2026-04-01');
  });
});
