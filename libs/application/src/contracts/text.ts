import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '@libs/domain';
import { wireTextProblem } from '@libs/platform';

/**
 * Control characters (NUL, CR, LF, tab, DEL, C1) and the bidirectional controls (U+202A-U+202E overrides and
 * embeddings, U+2066-U+2069 isolates, U+200E/U+200F marks, U+061C) that make a name display as something else
 * in a list, a log line or a mail header.
 */
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why a name (a patron's, a title's, a location's, a reason) cannot be taken, or null. */
export function nameTextProblem(value: string): string | null {
  const wire = wireTextProblem(value);
  if (wire) return wire;
  if (CONTROL_OR_BIDI.test(value)) return 'contains a control character (CR, LF, tab, NUL…) or a bidirectional override';
  // An empty value is @Length's to refuse, with its own message.
  if (value.length > 0 && value.trim().length === 0) return 'is only spaces';
  return null;
}

/** A name or other one-line text a person reads: no control or bidi characters, not blank (plus @Length for size). */
export function IsNameText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNameText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && nameTextProblem(value) === null,
        defaultMessage: (args) => {
          const value = args?.value;
          const problem = typeof value === 'string' ? nameTextProblem(value) : 'must be text';
          return `${args?.property} ${problem ?? 'must be text'}`;
        },
      },
    },
    options,
  );
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant whose every part exists: 2026-02-30T00:00Z or 24:00 are refused, where `new Date` would
 * quietly read them as another day.
 */
export function isRealInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [, day, hour, minute, second, zone, zoneHours, zoneMinutes] = match;
  if (!isLocalDate(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return false;
  if (zone !== 'Z' && (Number(zoneHours) > 14 || Number(zoneMinutes) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

export function IsRealInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isRealInstant', validator: { validate: (value: unknown) => typeof value === 'string' && isRealInstant(value) } }, options);
}
