import type { HoldState, TitleState } from './title-state';
import { isLive } from './title-state';

/** Waiting holds (no copy yet) in placement order: the queue copies are served from (R16). */
export function waitingQueue(state: TitleState): HoldState[] {
  return Object.values(state.holds)
    .filter((hold) => hold.status === 'waiting')
    .sort((a, b) => a.placedSeq - b.placedSeq);
}

/** 1 for the next hold to be served; null when the hold is not waiting (R22: what patrons expect to see). */
export function queuePosition(state: TitleState, holdId: string): number | null {
  const index = waitingQueue(state).findIndex((hold) => hold.holdId === holdId);
  return index === -1 ? null : index + 1;
}

/** The patron's hold on this title that has not ended, if any (R12: at most one). */
export function liveHoldOf(state: TitleState, cardNumber: string): HoldState | undefined {
  return Object.values(state.holds).find((hold) => hold.cardNumber === cardNumber && isLive(hold));
}

/** Loanable copies available on the open shelf now (R9: they block an online hold at Library B). */
export function availableCopies(state: TitleState) {
  return Object.values(state.copies).filter((copy) => copy.loanable && copy.status === 'on-shelf');
}
