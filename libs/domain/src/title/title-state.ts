import type { ContactMethod, LocalDate, MaterialType, TitleEvent } from '../events';
import type { HoldChannel } from '../policy/policy';

/**
 * - on-shelf: on the open shelf at `locationId` (available if loanable)
 * - on-loan
 * - in-transit: travelling from `locationId` to the pickup location of hold `holdId` (no hold: its hold was cancelled)
 * - on-hold-shelf: on the hold shelf at `locationId`, for the ready hold `holdId`, or awaiting clearance
 */
export type CopyStatus = 'on-shelf' | 'on-loan' | 'in-transit' | 'on-hold-shelf';

export interface CopyState {
  copyId: string;
  locationId: string;
  loanable: boolean;
  status: CopyStatus;
  loan?: { cardNumber: string; dueOn: LocalDate };
  /** The live hold this copy serves (I2: at most one). */
  holdId?: string;
}

export type HoldStatus = 'waiting' | 'in-transit' | 'ready' | 'fulfilled' | 'expired' | 'cancelled';
export type LiveHoldStatus = Extract<HoldStatus, 'waiting' | 'in-transit' | 'ready'>;

export interface HoldState {
  holdId: string;
  cardNumber: string;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  placedVia: HoldChannel;
  status: HoldStatus;
  /** The copy assigned to the hold (I2: at most one); kept after the hold ends, for the record. */
  copyId: string | null;
  noticeDay: LocalDate | null;
  pickupOpenDays: number | null;
  /** As computed at notice time; decisions recompute it from the current calendar (R30). */
  lastPickupDay: LocalDate | null;
  /** Placement order on this title: the queue is served first come, first served (R16). */
  placedSeq: number;
}

/** A copy whose ready hold expired or was cancelled: on the hold shelf until staff clear it (I4). */
export interface ShelfClearance {
  holdId: string;
  locationId: string;
}

export interface TitleState {
  exists: boolean;
  titleId: string | null;
  name: string | null;
  author: string | null;
  materialType: MaterialType | null;
  volume: string | null;
  copies: Record<string, CopyState>;
  holds: Record<string, HoldState>;
  /** copyId → the ended hold it was set aside for. */
  awaitingClearance: Record<string, ShelfClearance>;
  holdsPlaced: number;
}

/**
 * A record keyed by ids staff or the API chose, without a prototype: a copy named "valueOf", "constructor" or
 * "__proto__" is one more key, never a property inherited from Object.prototype.
 */
export function idRecord<T>(...sources: Readonly<Record<string, T>>[]): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, ...sources);
}

function withEntry<T>(record: Readonly<Record<string, T>>, id: string, value: T): Record<string, T> {
  const next = idRecord(record);
  next[id] = value;
  return next;
}

function withoutEntry<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const next = idRecord(record);
  delete next[id];
  return next;
}

export const initialTitleState: TitleState = {
  exists: false,
  titleId: null,
  name: null,
  author: null,
  materialType: null,
  volume: null,
  copies: idRecord(),
  holds: idRecord(),
  awaitingClearance: idRecord(),
  holdsPlaced: 0,
};

export const isLive = (hold: HoldState): boolean => hold.status === 'waiting' || hold.status === 'in-transit' || hold.status === 'ready';

function withCopy(state: TitleState, copyId: string, change: Partial<CopyState>): TitleState {
  const copy = state.copies[copyId];
  if (!copy) return state;
  return { ...state, copies: withEntry(state.copies, copyId, { ...copy, ...change }) };
}

function withHold(state: TitleState, holdId: string, change: Partial<HoldState>): TitleState {
  const hold = state.holds[holdId];
  if (!hold) return state;
  return { ...state, holds: withEntry(state.holds, holdId, { ...hold, ...change }) };
}

function offHoldShelf(state: TitleState, copyId: string): TitleState {
  if (!(copyId in state.awaitingClearance)) return state;
  return { ...state, awaitingClearance: withoutEntry(state.awaitingClearance, copyId) };
}

/** The copy no longer serves `holdId`; if it sits on the hold shelf it now awaits clearance (I4). */
function releaseCopy(state: TitleState, copyId: string, holdId: string): TitleState {
  const copy = state.copies[copyId];
  if (!copy || copy.holdId !== holdId) return state;
  const released = withCopy(state, copyId, { holdId: undefined });
  if (copy.status !== 'on-hold-shelf') return released;
  return { ...released, awaitingClearance: withEntry(released.awaitingClearance, copyId, { holdId, locationId: copy.locationId }) };
}

export function evolveTitle(state: TitleState, event: TitleEvent): TitleState {
  switch (event.type) {
    case 'TitleCatalogued': {
      const { titleId, name, author, materialType, volume } = event.data;
      return { ...state, exists: true, titleId, name, author, materialType, volume };
    }
    case 'CopyAdded': {
      const { copyId, locationId, loanable } = event.data;
      return { ...state, copies: withEntry<CopyState>(state.copies, copyId, { copyId, locationId, loanable, status: 'on-shelf' }) };
    }
    case 'CopyCheckedOut': {
      const { copyId, cardNumber, dueOn, locationId } = event.data;
      return offHoldShelf(withCopy(state, copyId, { status: 'on-loan', locationId, loan: { cardNumber, dueOn }, holdId: undefined }), copyId);
    }
    case 'CopyReturned': {
      const { copyId, locationId } = event.data;
      return withCopy(state, copyId, { status: 'on-shelf', locationId, loan: undefined, holdId: undefined });
    }
    case 'HoldPlaced': {
      const { holdId, cardNumber, pickupLocationId, contactMethod, placedVia } = event.data;
      const hold: HoldState = {
        holdId,
        cardNumber,
        pickupLocationId,
        contactMethod,
        placedVia,
        status: 'waiting',
        copyId: null,
        noticeDay: null,
        pickupOpenDays: null,
        lastPickupDay: null,
        placedSeq: state.holdsPlaced,
      };
      return { ...state, holds: withEntry(state.holds, holdId, hold), holdsPlaced: state.holdsPlaced + 1 };
    }
    case 'HoldInTransit': {
      const { holdId, copyId, fromLocationId } = event.data;
      const assigned = withHold(state, holdId, { status: 'in-transit', copyId });
      return offHoldShelf(withCopy(assigned, copyId, { status: 'in-transit', locationId: fromLocationId, holdId }), copyId);
    }
    case 'HoldReady': {
      const { holdId, copyId, pickupLocationId, contactMethod, noticeDay, pickupOpenDays, lastPickupDay } = event.data;
      const ready = withHold(state, holdId, { status: 'ready', copyId, pickupLocationId, contactMethod, noticeDay, pickupOpenDays, lastPickupDay });
      return offHoldShelf(withCopy(ready, copyId, { status: 'on-hold-shelf', locationId: pickupLocationId, holdId }), copyId);
    }
    case 'HoldFulfilled': {
      const { holdId, copyId } = event.data;
      // The checkout in the same decision (CopyCheckedOut, just before) already put the copy on loan.
      return withHold(state, holdId, { status: 'fulfilled', copyId });
    }
    case 'PickupExpired': {
      const { holdId, copyId, lastPickupDay } = event.data;
      return releaseCopy(withHold(state, holdId, { status: 'expired', lastPickupDay }), copyId, holdId);
    }
    case 'HoldCancelled': {
      const { holdId, copyId } = event.data;
      const cancelled = withHold(state, holdId, { status: 'cancelled' });
      return copyId === null ? cancelled : releaseCopy(cancelled, copyId, holdId);
    }
    case 'HoldShelfCleared': {
      const { copyId, locationId } = event.data;
      return offHoldShelf(withCopy(state, copyId, { status: 'on-shelf', locationId }), copyId);
    }
    case 'PatronContacted':
      // The call list is a read model; no decision depends on contact attempts.
      return state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
