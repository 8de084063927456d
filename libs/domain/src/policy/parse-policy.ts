import { isValidTimeZone } from '../calendar/time-zone';
import { InvalidPolicy } from '../errors';
import type { ContactMethod, MaterialType } from '../events';
import type { Policy, PolicyPresetId } from './policy';
import { policyPresets } from './presets';

const MATERIAL_TYPES: readonly MaterialType[] = ['book', 'magazine', 'audiovisual', 'in-library-video', 'reference'];
const CONTACT_METHODS: readonly ContactMethod[] = ['email', 'phone', 'ring-only', 'voicemail', 'none'];
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Returns a problem (completing "<field>: …") or null when the value is fine. */
type Check = (value: unknown) => string | null;

const text: Check = (v) => (typeof v === 'string' && v.trim().length > 0 ? null : 'must be non-empty text');
const flag: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const wholeNumber =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `must be a whole number from ${min} to ${max}`;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);
const oneOf =
  (allowed: readonly unknown[]): Check =>
  (v) =>
    allowed.includes(v) ? null : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const listOf =
  (allowed: readonly string[], { nonEmpty }: { nonEmpty: boolean }): Check =>
  (v) => {
    if (!Array.isArray(v)) return `must be a list drawn from ${allowed.join(', ')}`;
    const unknown = v.filter((item) => !allowed.includes(item as string));
    if (unknown.length > 0) return `${unknown.map((u) => JSON.stringify(u)).join(', ')} not among ${allowed.join(', ')}`;
    if (new Set(v).size !== v.length) return 'lists a value twice';
    if (nonEmpty && v.length === 0) return 'must list at least one';
    return null;
  };
const maintenanceWindow: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be null or { "from": "HH:MM", "to": "HH:MM" }';
  const window = v as Record<string, unknown>;
  const extra = Object.keys(window).filter((key) => key !== 'from' && key !== 'to');
  if (extra.length > 0) return `has unknown fields ${extra.join(', ')}`;
  if (typeof window.from !== 'string' || !TIME_OF_DAY.test(window.from)) return 'from must be a time HH:MM (00:00–23:59)';
  if (typeof window.to !== 'string' || !TIME_OF_DAY.test(window.to)) return 'to must be a time HH:MM (00:00–23:59)';
  if (window.from === window.to) return 'from and to must differ';
  return null;
};

const checks: Record<keyof Policy, Check> = {
  id: text,
  libraryName: text,
  timeZone: (v) => (isValidTimeZone(v) ? null : 'must be an IANA time zone such as "Asia/Tokyo"'),
  cardNumberDigits: orNull(wholeNumber(1, 32)),
  holdLimit: wholeNumber(1, 1000),
  pickupOpenDays: wholeNumber(1, 365),
  pickupReminderOpenDaysBefore: orNull(wholeNumber(1, 364)),
  loanDays: wholeNumber(1, 365),
  holdableMaterialTypes: listOf(MATERIAL_TYPES, { nonEmpty: false }),
  counterHoldableMaterialTypes: listOf(MATERIAL_TYPES, { nonEmpty: false }),
  onlineHoldsOnAvailableTitles: flag,
  titleOnLoanBlocksHold: flag,
  minimumSchoolStage: orNull(oneOf(['junior-high'])),
  wideAreaPatronsMayHoldOnline: flag,
  overdueBlocksHolds: flag,
  contactMethods: listOf(CONTACT_METHODS, { nonEmpty: true }),
  maintenanceWindow: orNull(maintenanceWindow),
  onlinePasswordReset: flag,
  batchHoldsFromFavourites: flag,
  placedHoldConfirmationMail: flag,
  statusPageLinkInMails: flag,
  emailChangeMail: oneOf(['registration-confirmation', 'change-completed']),
  overdueReminderMail: flag,
};

/** Fields a custom policy may leave out even without `basedOn`. */
const defaults: Partial<Policy> = { timeZone: 'Asia/Tokyo', pickupReminderOpenDaysBefore: null };

/**
 * A custom policy from the JSON file the app reads. Either complete, or `"basedOn": "library-a" | "library-b"`
 * plus the fields that differ from that preset. Throws InvalidPolicy listing every bad, missing or unknown field.
 */
export function parsePolicy(json: unknown): Policy {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InvalidPolicy(['the policy must be a JSON object']);
  const { basedOn, ...given } = json as Record<string, unknown>;
  const problems: string[] = [];

  let base: Partial<Policy> = defaults;
  if (basedOn !== undefined) {
    if (basedOn === 'library-a' || basedOn === 'library-b') base = policyPresets[basedOn as PolicyPresetId];
    else
      problems.push(
        `basedOn: must be one of ${Object.keys(policyPresets)
          .map((id) => JSON.stringify(id))
          .join(', ')}`,
      );
  }

  for (const key of Object.keys(given)) {
    if (!(key in checks)) problems.push(`${key}: is not a policy field`);
  }
  const merged: Record<string, unknown> = { ...base, ...given };
  for (const [field, check] of Object.entries(checks)) {
    if (merged[field] === undefined) {
      problems.push(`${field}: is required`);
      continue;
    }
    const problem = check(merged[field]);
    if (problem) problems.push(`${field}: ${problem}`);
  }
  if (problems.length === 0) problems.push(...crossFieldProblems(merged as unknown as Policy));
  if (problems.length > 0) throw new InvalidPolicy(problems);

  const policy = {} as Record<string, unknown>;
  for (const field of Object.keys(checks)) policy[field] = merged[field];
  return policy as unknown as Policy;
}

function crossFieldProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const counterOnlyMissing = policy.holdableMaterialTypes.filter((type) => !policy.counterHoldableMaterialTypes.includes(type));
  if (counterOnlyMissing.length > 0) {
    problems.push(`counterHoldableMaterialTypes: must include every type holdable online (missing ${counterOnlyMissing.join(', ')})`);
  }
  if (policy.pickupReminderOpenDaysBefore !== null && policy.pickupReminderOpenDaysBefore >= policy.pickupOpenDays) {
    problems.push('pickupReminderOpenDaysBefore: must be fewer than pickupOpenDays');
  }
  return problems;
}
