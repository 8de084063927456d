import { openCalendar } from '../calendar/open-days';
import type { ContactMethod, CopyAdded, CopyCheckedOut, HoldPlaced, HoldReady, LocalDate, LocationCalendar, MaterialType, TitleCatalogued } from '../events';
import type { HoldChannel, Policy } from '../policy/policy';
import { policyPresets } from '../policy/presets';
import type { CancelHold, CheckIn, CheckOut, ExpirePickup, PlaceHold } from '../title/title-commands';

export const TITLE = 'title-1';
export const MAIN = 'main';
export const BRANCH = 'branch';
export const libraryA = policyPresets['library-a'];
export const libraryB = policyPresets['library-b'];
export const bothPresets: [string, Policy][] = [
  ['library-a', libraryA],
  ['library-b', libraryB],
];
export const openEverywhere: Record<string, LocationCalendar> = { [MAIN]: openCalendar(), [BRANCH]: openCalendar() };

export const catalogued = (materialType: MaterialType = 'book'): TitleCatalogued => ({
  type: 'TitleCatalogued',
  data: { titleId: TITLE, name: 'Kokoro', author: 'Natsume Soseki', materialType, volume: null },
});

export const copyAdded = (copyId: string, locationId = MAIN, loanable = true): CopyAdded => ({
  type: 'CopyAdded',
  data: { titleId: TITLE, copyId, locationId, loanable },
});

export const holdPlaced = (
  holdId: string,
  cardNumber: string,
  {
    pickupLocationId = MAIN,
    contactMethod = 'none',
    placedVia = 'online',
  }: { pickupLocationId?: string; contactMethod?: ContactMethod; placedVia?: HoldChannel } = {},
): HoldPlaced => ({
  type: 'HoldPlaced',
  data: { titleId: TITLE, holdId, cardNumber, pickupLocationId, contactMethod, placedVia },
});

export const checkedOut = (
  copyId: string,
  cardNumber: string,
  { dueOn = '2026-06-15', locationId = MAIN, holdId = null as string | null } = {},
): CopyCheckedOut => ({
  type: 'CopyCheckedOut',
  data: { titleId: TITLE, copyId, cardNumber, locationId, dueOn, holdId },
});

export const holdReady = (
  holdId: string,
  cardNumber: string,
  copyId: string,
  { noticeDay = '2026-06-01', lastPickupDay = '2026-06-11', pickupLocationId = MAIN, pickupOpenDays = 10, contactMethod = 'none' as ContactMethod } = {},
): HoldReady => ({
  type: 'HoldReady',
  data: { titleId: TITLE, holdId, cardNumber, copyId, pickupLocationId, contactMethod, noticeDay, pickupOpenDays, lastPickupDay },
});

export const placeHoldCommand = (holdId: string, cardNumber: string, policy: Policy, overrides: Partial<PlaceHold> = {}): PlaceHold => ({
  type: 'PlaceHold',
  titleId: TITLE,
  holdId,
  cardNumber,
  pickupLocationId: MAIN,
  contactMethod: 'none',
  via: 'online',
  policy,
  patronEmail: null,
  knownLocationIds: [MAIN, BRANCH],
  ...overrides,
});

export const checkInCommand = (copyId: string, locationId: string, today: LocalDate, overrides: Partial<CheckIn> = {}): CheckIn => ({
  type: 'CheckIn',
  titleId: TITLE,
  copyId,
  locationId,
  today,
  policy: libraryB,
  calendars: openEverywhere,
  ...overrides,
});

export const checkOutCommand = (copyId: string, cardNumber: string, today: LocalDate, policy: Policy = libraryB): CheckOut => ({
  type: 'CheckOut',
  titleId: TITLE,
  copyId,
  cardNumber,
  today,
  policy,
});

export const cancelCommand = (holdId: string, by: 'patron' | 'staff', overrides: Partial<CancelHold> = {}): CancelHold => ({
  type: 'CancelHold',
  titleId: TITLE,
  holdId,
  by,
  cardNumber: null,
  reason: null,
  today: '2026-06-03',
  policy: libraryB,
  calendars: openEverywhere,
  ...overrides,
});

export const expireCommand = (holdId: string, today: LocalDate, overrides: Partial<ExpirePickup> = {}): ExpirePickup => ({
  type: 'ExpirePickup',
  titleId: TITLE,
  holdId,
  today,
  policy: libraryB,
  calendars: openEverywhere,
  ...overrides,
});
