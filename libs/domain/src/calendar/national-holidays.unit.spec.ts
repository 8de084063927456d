import { InvalidDate } from '../errors';
import { isNationalHoliday, nationalHoliday, nationalHolidayCoverage, nationalHolidaysBetween } from './national-holidays';

describe('Japanese national holidays (the import for libraries closed on them)', () => {
  it('lists Golden Week 2026 with its substitute holiday, inclusive of both ends', () => {
    expect(nationalHolidaysBetween('2026-04-29', '2026-05-06').map((h) => [h.date, h.name])).toEqual([
      ['2026-04-29', '昭和の日'],
      ['2026-05-03', '憲法記念日'],
      ['2026-05-04', 'みどりの日'],
      ['2026-05-05', 'こどもの日'],
      ['2026-05-06', 'こどもの日 振替休日'],
    ]);
  });

  it('includes the citizens’ holiday between two holidays (Silver Week 2026)', () => {
    expect(nationalHolidaysBetween('2026-09-20', '2026-09-24').map((h) => h.date)).toEqual(['2026-09-21', '2026-09-22', '2026-09-23']);
    expect(nationalHoliday('2026-09-22')?.nameEn).toBe("Citizen's Holiday");
  });

  it('answers by calendar date, independent of the server time zone', () => {
    expect(isNationalHoliday('2026-01-01')).toBe(true);
    expect(isNationalHoliday('2026-01-02')).toBe(false);
    expect(nationalHoliday('2026-01-02')).toBeNull();
    expect(isNationalHoliday('toString')).toBe(false);
  });

  it('states the years it covers and refuses malformed bounds', () => {
    expect(nationalHolidayCoverage.from <= '2026-01-01' && '2050-12-31' <= nationalHolidayCoverage.to).toBe(true);
    expect(nationalHolidaysBetween('2026-05-07', '2026-05-31')).toEqual([]);
    expect(() => nationalHolidaysBetween('2026-5-1', '2026-05-31')).toThrow(InvalidDate);
  });
});
