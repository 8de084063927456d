import fc from 'fast-check';
import { InvalidDate } from '../errors';
import { DEFAULT_TIME_ZONE, isValidTimeZone, localDate, localTimeOfDay } from './time-zone';

describe('local dates in the library time zone, never the server’s', () => {
  it('an instant at 2026-03-31T15:30:00Z is 2026-04-01 in Asia/Tokyo', () => {
    expect(localDate(new Date('2026-03-31T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-04-01');
    expect(localDate(new Date('2026-03-31T15:30:00Z'), 'UTC')).toBe('2026-03-31');
  });

  it('Tokyo midnight is 15:00 UTC the day before', () => {
    expect(localDate(new Date('2026-03-31T14:59:59.999Z'), DEFAULT_TIME_ZONE)).toBe('2026-03-31');
    expect(localDate(new Date('2026-03-31T15:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-04-01');
    expect(localTimeOfDay(new Date('2026-03-31T15:00:00Z'), DEFAULT_TIME_ZONE)).toBe('00:00');
    expect(localTimeOfDay(new Date('2026-03-31T18:30:00Z'), DEFAULT_TIME_ZONE)).toBe('03:30');
  });

  it('property: the Tokyo date and time are the UTC ones shifted by nine hours (no daylight saving)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true }), (instant) => {
        const shifted = new Date(instant.getTime() + 9 * 3_600_000).toISOString();
        expect(localDate(instant, 'Asia/Tokyo')).toBe(shifted.slice(0, 10));
        expect(localTimeOfDay(instant, 'Asia/Tokyo')).toBe(shifted.slice(11, 16));
      }),
    );
  });

  it('follows daylight saving where a library has it', () => {
    expect(localTimeOfDay(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('13:00');
    expect(localTimeOfDay(new Date('2026-01-01T12:00:00Z'), 'Europe/London')).toBe('12:00');
  });

  it('refuses an invalid instant and recognises time zones', () => {
    expect(() => localDate(new Date('not a date'), 'Asia/Tokyo')).toThrow(InvalidDate);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(9)).toBe(false);
  });
});
