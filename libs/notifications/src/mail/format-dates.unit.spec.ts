import { formatDay, formatInstant, localDateIn } from './format-dates';

describe('mail dates', () => {
  it.each([
    ['2026-12-05', '2026年12月5日(土)', 'Saturday, 5 December 2026'],
    ['2026-12-06', '2026年12月6日(日)', 'Sunday, 6 December 2026'],
    ['2027-01-01', '2027年1月1日(金)', 'Friday, 1 January 2027'],
    ['2028-02-29', '2028年2月29日(火)', 'Tuesday, 29 February 2028'],
  ])('shows %s as %s / %s', (day, japanese, english) => {
    expect(formatDay(day, 'ja')).toBe(japanese);
    expect(formatDay(day, 'en')).toBe(english);
  });

  it('refuses what is not a local date', () => {
    expect(() => formatDay('2026-12-5', 'ja')).toThrow('not a local date');
  });

  it('shows an instant in the library time zone, not UTC: 15:30Z is 00:30 the next day in Tokyo', () => {
    expect(formatInstant('2026-12-04T15:30:00Z', 'ja', 'Asia/Tokyo')).toBe('2026年12月5日(土) 00:30');
    expect(formatInstant('2026-12-04T15:30:00Z', 'en', 'Asia/Tokyo')).toBe('Saturday, 5 December 2026, 00:30');
    expect(localDateIn(new Date('2026-12-04T14:59:59Z'), 'Asia/Tokyo')).toBe('2026-12-04');
    expect(localDateIn(new Date('2026-12-04T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-05');
  });
});
