/** One title's answer in POST /me/holds/batch (R15): placed, or refused with the rule's reason. */
export type BatchResult =
  | { titleId: string; placed: true; holdId: string; queuePosition: number }
  | { titleId: string; placed: false; problem: { type: string; rule: string | null; detail: string } };
