import fc from 'fast-check';
import { addDays, daysBetween } from './calendar/local-date';
import { hasReachedSchoolStage, juniorHighFrom, schoolStageFrom } from './school-stage';

const daysSince1950 = (day: string) => daysBetween('1950-01-01', day);

describe('R2: junior high school starts with the Japanese school year, not at an age', () => {
  it('born 2014-04-01 → junior high from 2026-04-01; born 2014-04-02 → from 2027-04-01', () => {
    expect(juniorHighFrom('2014-04-01')).toBe('2026-04-01');
    expect(juniorHighFrom('2014-04-02')).toBe('2027-04-01');
  });

  it('the school year of birth runs 2 April – 1 April', () => {
    expect(juniorHighFrom('2013-04-02')).toBe('2026-04-01');
    expect(juniorHighFrom('2013-12-31')).toBe('2026-04-01');
    expect(juniorHighFrom('2014-01-01')).toBe('2026-04-01');
    expect(juniorHighFrom('2014-03-31')).toBe('2026-04-01');
    expect(juniorHighFrom('2016-02-29')).toBe('2028-04-01');
  });

  it('reached on the first day of the school year, not the day before', () => {
    expect(hasReachedSchoolStage('2014-04-01', 'junior-high', '2026-03-31')).toBe(false);
    expect(hasReachedSchoolStage('2014-04-01', 'junior-high', '2026-04-01')).toBe(true);
    expect(hasReachedSchoolStage('2014-04-02', 'junior-high', '2026-04-01')).toBe(false);
    expect(schoolStageFrom('2014-04-02', 'junior-high')).toBe('2027-04-01');
  });

  it('property: junior high starts on the first 1 April on or after the 12th birthday, so aged 12 (13 within that school year)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const birthDate = addDays('1950-01-01', offset);
        const start = juniorHighFrom(birthDate);
        expect(start.slice(5)).toBe('04-01');
        const birthday = (age: number) => `${Number(birthDate.slice(0, 4)) + age}${birthDate.slice(4)}`.replace('-02-29', '-02-28');
        expect(birthday(12) <= start).toBe(true);
        // Before the 13th birthday (a year after the 12th is one day short of it across a 29 February).
        expect(start < birthday(13)).toBe(true);
      }),
      { examples: [[daysSince1950('2014-04-01')], [daysSince1950('2014-04-02')], [daysSince1950('2016-02-29')], [daysSince1950('2003-04-02')]] },
    );
  });
});
