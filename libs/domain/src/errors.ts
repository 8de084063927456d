import type { ContactMethod, LocalDate, MaterialType } from './events';

/** How the API answers a violation: conflict 409, forbidden 403, not-found 404, invalid 422, unavailable 503. */
export type ViolationKind = 'conflict' | 'forbidden' | 'not-found' | 'invalid' | 'unavailable';

/**
 * A command broke a rule. `code` is stable kebab-case (clients and tests match on it), `rule` names the rule
 * in hold-rules.md when there is one, and the message is a sentence a patron or staff member understands.
 */
export class DomainRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ViolationKind,
    readonly rule: string | null = null,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// ---- unknown ids ----

export class UnknownPatron extends DomainRuleViolation {
  constructor(cardNumber: string | null) {
    super('unknown-patron', cardNumber ? `There is no patron with card number ${cardNumber}.` : 'There is no such patron.', 'not-found', null, { cardNumber });
  }
}

export class UnknownTitle extends DomainRuleViolation {
  constructor(titleId: string) {
    super('unknown-title', `There is no title ${titleId} in the catalogue.`, 'not-found', null, { titleId });
  }
}

/** `titleId` null: the copy id is not registered for any title (a scanned id that leads nowhere). */
export class UnknownCopy extends DomainRuleViolation {
  constructor(copyId: string, titleId: string | null) {
    const where = titleId ? 'of this title' : 'in the catalogue';
    super('unknown-copy', `There is no copy ${copyId} ${where}.`, 'not-found', null, { copyId, titleId });
  }
}

/** Also what a patron gets for someone else's hold, so hold ids reveal nothing. */
export class UnknownHold extends DomainRuleViolation {
  constructor(holdId: string) {
    super('unknown-hold', `There is no hold ${holdId}.`, 'not-found', null, { holdId });
  }
}

export class UnknownLocation extends DomainRuleViolation {
  constructor(locationId: string, rule: 'R13' | 'R30' | null = null) {
    super('unknown-location', `There is no library location ${locationId}.`, 'not-found', rule, { locationId });
  }
}

// ---- already exists ----

export class PatronAlreadyRegistered extends DomainRuleViolation {
  constructor(cardNumber: string) {
    super('patron-already-registered', `Card number ${cardNumber} is already registered.`, 'conflict', null, { cardNumber });
  }
}

export class TitleAlreadyCatalogued extends DomainRuleViolation {
  constructor(titleId: string) {
    super('title-already-catalogued', `Title ${titleId} is already in the catalogue.`, 'conflict', null, { titleId });
  }
}

export class CopyAlreadyAdded extends DomainRuleViolation {
  constructor(copyId: string) {
    super('copy-already-added', `Copy ${copyId} is already registered for this title.`, 'conflict', null, { copyId });
  }
}

/** Copy ids are unique across the catalogue: `titleId` is the title that already owns the id. */
export class CopyIdTaken extends DomainRuleViolation {
  constructor(copyId: string, titleId: string) {
    super('copy-id-taken', `Copy ${copyId} is already registered for title ${titleId}; copy ids are unique across the catalogue.`, 'conflict', null, {
      copyId,
      titleId,
    });
  }
}

export class HoldIdTaken extends DomainRuleViolation {
  constructor(holdId: string) {
    super('hold-id-taken', `Hold id ${holdId} is already used by another hold.`, 'conflict', null, { holdId });
  }
}

export class LocationAlreadyRegistered extends DomainRuleViolation {
  constructor(locationId: string) {
    super('location-already-registered', `Location ${locationId} is already registered.`, 'conflict', null, { locationId });
  }
}

export class StaffAccountAlreadyExists extends DomainRuleViolation {
  constructor(staffId: string) {
    super('staff-account-already-exists', `A staff account ${staffId} already exists.`, 'conflict', null, { staffId });
  }
}

// ---- who may place holds online (R1–R5) ----

export class PasswordNotIssued extends DomainRuleViolation {
  constructor(cardNumber: string, rule: 'R1' | 'R25' | 'R28' = 'R1') {
    super(
      'password-not-issued',
      'No online password has been issued for this card yet. Please ask at the library counter, bringing proof of identity.',
      'forbidden',
      rule,
      { cardNumber },
    );
  }
}

export class BelowJuniorHighAge extends DomainRuleViolation {
  constructor(details: { cardNumber: string; eligibleFrom: LocalDate }) {
    super(
      'below-junior-high-age',
      `Online holds are open to patrons of junior-high-school age and older; this card may use them from ${details.eligibleFrom}. Holds can be placed at the counter.`,
      'forbidden',
      'R2',
      details,
    );
  }
}

export class WideAreaPatron extends DomainRuleViolation {
  constructor(cardNumber: string) {
    super(
      'wide-area-patron',
      'Cards registered under the wide-area (neighbouring municipality) scheme cannot place holds online. Holds can be placed at the counter.',
      'forbidden',
      'R3',
      { cardNumber },
    );
  }
}

export class CardExpired extends DomainRuleViolation {
  constructor(details: { cardNumber: string; cardExpiresOn: LocalDate }) {
    super(
      'card-expired',
      `This library card expired on ${details.cardExpiresOn}. Please renew it at the library counter to use the service again.`,
      'forbidden',
      'R4',
      details,
    );
  }
}

export class OverdueLoans extends DomainRuleViolation {
  constructor(cardNumber: string) {
    super('overdue-loans', 'You have items past their due date. Please return them before placing holds online.', 'forbidden', 'R5', { cardNumber });
  }
}

// ---- what may be held (R7–R12) ----

export class HoldLimitReached extends DomainRuleViolation {
  constructor(details: { cardNumber: string; limit: number }) {
    super(
      'hold-limit-reached',
      `You already have ${details.limit} active holds, the most allowed (holds placed at the counter count too). Collect or cancel one before placing another.`,
      'conflict',
      'R7',
      details,
    );
  }
}

export class NotHoldableMaterial extends DomainRuleViolation {
  constructor(details: {
    titleId: string;
    materialType: MaterialType;
    via: 'online' | 'counter';
    reason: 'material-type' | 'counter-only' | 'not-for-loan' | 'no-copy';
  }) {
    const message = {
      'material-type': `Items of this kind (${details.materialType}) cannot be held.`,
      'counter-only': `Items of this kind (${details.materialType}) can be held at the library counter only, not online.`,
      'not-for-loan': 'This title is for use in the library only and cannot be held.',
      'no-copy': 'The library has no copy of this title yet, so it cannot be held.',
    }[details.reason];
    super('not-holdable-material', message, 'forbidden', details.reason === 'counter-only' ? 'R9' : 'R8', details);
  }
}

export class CopyAvailableOnShelf extends DomainRuleViolation {
  constructor(details: { titleId: string; locationIds: string[] }) {
    super(
      'copy-available-on-shelf',
      'A copy of this title is on the shelf now, so it cannot be held online. Please come and borrow it.',
      'conflict',
      'R9',
      details,
    );
  }
}

export class TitleOnLoanToPatron extends DomainRuleViolation {
  constructor(details: { titleId: string; cardNumber: string }) {
    super('title-on-loan-to-patron', 'You currently have this title on loan, so you cannot hold it.', 'conflict', 'R10', details);
  }
}

export class AlreadyHoldingTitle extends DomainRuleViolation {
  constructor(details: { titleId: string; cardNumber: string; holdId: string }) {
    super('already-holding-title', 'You already have a hold on this title.', 'conflict', 'R12', details);
  }
}

// ---- placing a hold (R13–R15) ----

export class ContactMethodNotOffered extends DomainRuleViolation {
  constructor(details: { contactMethod: ContactMethod; offered: ContactMethod[] }) {
    super(
      'contact-method-not-offered',
      `This library does not contact patrons by "${details.contactMethod}". Choose one of: ${details.offered.join(', ')}.`,
      'invalid',
      'R14',
      details,
    );
  }
}

export class EmailNotRegistered extends DomainRuleViolation {
  constructor(cardNumber: string) {
    super('email-not-registered', 'To be told by e-mail, first register an e-mail address in your account settings.', 'conflict', 'R14', { cardNumber });
  }
}

/** R15 is Library B's favourites list; a library whose patrons hold one title at a time does not offer it. */
export class BatchHoldsNotOffered extends DomainRuleViolation {
  constructor() {
    super('batch-holds-not-offered', 'This library takes holds one title at a time; place each hold on its own.', 'not-found', 'R15');
  }
}

// ---- the hold's life (R18–R20) ----

export class HoldAlreadyReady extends DomainRuleViolation {
  constructor(holdId: string) {
    super(
      'hold-already-ready',
      'This hold is ready for pickup and can no longer be cancelled online. Please call or visit the library to cancel it.',
      // The hold's state, not the patron's rights, refuses it: the same request was fine before the copy came in.
      'conflict',
      'R19',
      { holdId },
    );
  }
}

export class HoldNotLive extends DomainRuleViolation {
  constructor(details: { holdId: string; status: string }) {
    super('hold-not-live', `This hold has already ended (${details.status}).`, 'conflict', null, details);
  }
}

export class HoldNotReady extends DomainRuleViolation {
  constructor(details: { holdId: string; status: string }) {
    super('hold-not-ready', `This hold is not waiting on the hold shelf (it is ${details.status}).`, 'conflict', null, details);
  }
}

export class CancelReasonRequired extends DomainRuleViolation {
  constructor(holdId: string) {
    super('cancel-reason-required', 'Staff must give a reason when cancelling a hold.', 'invalid', 'R20', { holdId });
  }
}

/** The expiry sweep asked too early (or the calendar gained a closure since: R30); nothing changes. */
export class PickupWindowNotOver extends DomainRuleViolation {
  constructor(details: { holdId: string; lastPickupDay: LocalDate; expiresOn: LocalDate }) {
    super(
      'pickup-window-not-over',
      `The pickup window of hold ${details.holdId} runs until ${details.lastPickupDay}; it expires on ${details.expiresOn}.`,
      'conflict',
      'R18',
      details,
    );
  }
}

// ---- copies at the desk ----

export class CopyNotLoanable extends DomainRuleViolation {
  constructor(copyId: string) {
    super('copy-not-loanable', `Copy ${copyId} is for use in the library only and cannot be lent.`, 'forbidden', null, { copyId });
  }
}

export class CopyAlreadyOnLoan extends DomainRuleViolation {
  constructor(copyId: string) {
    super('copy-already-on-loan', `Copy ${copyId} is already on loan; check it in first.`, 'conflict', null, { copyId });
  }
}

export class CopyHeldForAnotherPatron extends DomainRuleViolation {
  constructor(details: { copyId: string; holdId: string }) {
    super('copy-held-for-another-patron', `Copy ${details.copyId} is set aside for another patron's hold.`, 'conflict', 'R16', details);
  }
}

// ---- passwords and e-mail (R25, R27, R28) ----

/** Not found, like any service the library does not offer (R15); it names no card, so it reveals nothing about one. */
export class PasswordResetNotOffered extends DomainRuleViolation {
  constructor() {
    super('password-reset-not-offered', 'This library resets passwords at the counter only. Please ask at the library.', 'not-found', 'R27');
  }
}

/** Wrong, already used or replaced token: one message for all, so nothing leaks. */
export class PasswordResetTokenInvalid extends DomainRuleViolation {
  constructor() {
    super('password-reset-token-invalid', 'This password reset link is not valid. Please request a new one.', 'forbidden', 'R27');
  }
}

export class PasswordResetTokenExpired extends DomainRuleViolation {
  constructor() {
    super('password-reset-token-expired', 'This password reset link has expired. Please request a new one.', 'forbidden', 'R27');
  }
}

export class WrongCurrentPassword extends DomainRuleViolation {
  constructor() {
    super('wrong-current-password', 'The current password is not right; the password was not changed.', 'forbidden', 'R28');
  }
}

// ---- malformed input that the API could not catch by shape alone ----

export class InvalidDate extends DomainRuleViolation {
  constructor(field: string, value: unknown) {
    super('invalid-date', `${field} must be a calendar date written YYYY-MM-DD.`, 'invalid', null, { field, value });
  }
}

export class InvalidEmail extends DomainRuleViolation {
  constructor(email: string) {
    super('invalid-email', 'That does not look like an e-mail address.', 'invalid', 'R25', { email });
  }
}

/** Registration: nobody is born after the day they are registered. */
export class BirthDateInTheFuture extends DomainRuleViolation {
  constructor(details: { birthDate: LocalDate; today: LocalDate }) {
    super('birth-date-in-the-future', `birthDate ${details.birthDate} is after today (${details.today}).`, 'invalid', null, details);
  }
}

/** Registration: a card is issued valid (R4); an expired one is renewed, never registered. */
export class CardExpiresInThePast extends DomainRuleViolation {
  constructor(details: { cardExpiresOn: LocalDate; today: LocalDate }) {
    super(
      'card-expires-in-the-past',
      `cardExpiresOn ${details.cardExpiresOn} is before today (${details.today}): a new card must be valid.`,
      'invalid',
      'R4',
      details,
    );
  }
}

export class InvalidCardNumber extends DomainRuleViolation {
  constructor(details: { cardNumber: string; digits: number }) {
    super('invalid-card-number', `A card number here has exactly ${details.digits} digits.`, 'invalid', 'R1', details);
  }
}

export class InvalidStaffAccount extends DomainRuleViolation {
  constructor(problems: string[]) {
    super('invalid-staff-account', `The staff account is invalid: ${problems.join('; ')}.`, 'invalid', null, { problems });
  }
}

export class InvalidCalendar extends DomainRuleViolation {
  constructor(problems: string[]) {
    super('invalid-calendar', `The calendar is invalid: ${problems.join('; ')}.`, 'invalid', 'R30', { problems });
  }
}

/** A calendar closed for longer than the search horizon: counting open days would never end. */
export class CalendarHasNoOpenDay extends DomainRuleViolation {
  constructor(details: { from: LocalDate; searchedDays: number }) {
    super(
      'calendar-has-no-open-day',
      `The location has no open day within ${details.searchedDays} days after ${details.from}; check its calendar.`,
      'invalid',
      'R30',
      details,
    );
  }
}

export class InvalidPolicy extends DomainRuleViolation {
  constructor(readonly problems: string[]) {
    super('invalid-policy', `The policy is invalid: ${problems.join('; ')}`, 'invalid', null, { problems });
  }
}

// ---- service hours (R29) ----

/** Thrown by the API (the domain has no clock); defined here so every layer names it the same way. */
export class ServiceInMaintenance extends DomainRuleViolation {
  constructor(window: { from: string; to: string }) {
    super(
      'service-in-maintenance',
      `Online search and holds are unavailable for maintenance every day from ${window.from} to ${window.to}. Please try again later.`,
      'unavailable',
      'R29',
      window,
    );
  }
}
