import type { LocalDate } from './events';
import { requireLocalDate } from './calendar/local-date';
import type { SchoolStage } from './policy/policy';

/**
 * Japanese school years start on 1 April, and a child born from 2 April of year Y to 1 April of year Y+1
 * belongs to the school year that starts junior high (grade 7) on 1 April of Y+13. A 1 April birthday
 * belongs to the earlier year (the legal age is reached the day before the birthday). Not "age >= 12/13":
 * born 2014-04-01 → junior high from 2026-04-01; born 2014-04-02 → from 2027-04-01 (R2).
 */
export function juniorHighFrom(birthDate: LocalDate): LocalDate {
  const [year, month, day] = requireLocalDate(birthDate, 'birthDate').split('-').map(Number);
  const bornAfterFirstOfApril = month > 4 || (month === 4 && day >= 2);
  const schoolYearOfBirth = bornAfterFirstOfApril ? year : year - 1;
  return `${String(schoolYearOfBirth + 13).padStart(4, '0')}-04-01`;
}

/** The first day a patron born on `birthDate` is at `stage` or beyond. */
export function schoolStageFrom(birthDate: LocalDate, stage: SchoolStage): LocalDate {
  switch (stage) {
    case 'junior-high':
      return juniorHighFrom(birthDate);
    default: {
      const _exhaustive: never = stage;
      return _exhaustive;
    }
  }
}

export function hasReachedSchoolStage(birthDate: LocalDate, stage: SchoolStage, today: LocalDate): boolean {
  return requireLocalDate(today, 'today') >= schoolStageFrom(birthDate, stage);
}
