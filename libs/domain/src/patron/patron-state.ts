import type { LocalDate, PatronEvent } from '../events';

export interface PendingPasswordReset {
  tokenHash: string;
  /** ISO instant. */
  expiresAt: string;
}

export interface PatronState {
  exists: boolean;
  cardNumber: string | null;
  name: string | null;
  birthDate: LocalDate | null;
  cardExpiresOn: LocalDate | null;
  wideArea: boolean;
  passwordHash: string | null;
  email: string | null;
  /** The ledger of hold slots: holdId → titleId of every hold that has not ended (R7, R12). */
  activeHolds: Record<string, string>;
  /** The one reset link that may still be used (R27); a new request replaces it, a new password consumes it. */
  pendingPasswordReset: PendingPasswordReset | null;
}

export const initialPatronState: PatronState = {
  exists: false,
  cardNumber: null,
  name: null,
  birthDate: null,
  cardExpiresOn: null,
  wideArea: false,
  passwordHash: null,
  email: null,
  activeHolds: {},
  pendingPasswordReset: null,
};

export function evolvePatron(state: PatronState, event: PatronEvent): PatronState {
  switch (event.type) {
    case 'PatronRegistered': {
      const { cardNumber, name, birthDate, cardExpiresOn, wideArea } = event.data;
      return { ...state, exists: true, cardNumber, name, birthDate, cardExpiresOn, wideArea };
    }
    case 'CardRenewed':
      return { ...state, cardExpiresOn: event.data.cardExpiresOn };
    case 'PasswordSet':
      return { ...state, passwordHash: event.data.passwordHash, pendingPasswordReset: null };
    case 'EmailRegistered':
      return { ...state, email: event.data.email };
    case 'PasswordResetRequested':
      return { ...state, pendingPasswordReset: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'HoldSlotClaimed':
      return { ...state, activeHolds: { ...state.activeHolds, [event.data.holdId]: event.data.titleId } };
    case 'HoldSlotReleased': {
      const { [event.data.holdId]: _released, ...activeHolds } = state.activeHolds;
      return { ...state, activeHolds };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const activeHoldCount = (state: PatronState): number => Object.keys(state.activeHolds).length;

/** A card is valid through its expiry day and expired from the day after (R4). */
export const isCardExpired = (state: PatronState, today: LocalDate): boolean => state.cardExpiresOn !== null && today > state.cardExpiresOn;
