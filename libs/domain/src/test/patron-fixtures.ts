import type { EmailRegistered, HoldSlotClaimed, PasswordSet, PatronRegistered } from '../events';
import type { ClaimHoldSlot } from '../patron/patron-commands';
import type { Policy } from '../policy/policy';

export const CARD = '123456789';
export const TODAY = '2026-06-01';

export const patronRegistered = (overrides: Partial<PatronRegistered['data']> = {}): PatronRegistered => ({
  type: 'PatronRegistered',
  data: { cardNumber: CARD, name: 'Yamada Hanako', birthDate: '1990-05-05', cardExpiresOn: '2028-03-31', wideArea: false, ...overrides },
});

export const passwordSet = (passwordHash = 'hash-1', via: PasswordSet['data']['via'] = 'counter'): PasswordSet => ({
  type: 'PasswordSet',
  data: { cardNumber: CARD, passwordHash, via },
});

export const emailRegistered = (email = 'hanako@example.jp', previousEmail: string | null = null): EmailRegistered => ({
  type: 'EmailRegistered',
  data: { cardNumber: CARD, email, previousEmail },
});

export const slotClaimed = (holdId: string, titleId: string): HoldSlotClaimed => ({
  type: 'HoldSlotClaimed',
  data: { cardNumber: CARD, holdId, titleId },
});

export const claimCommand = (holdId: string, titleId: string, policy: Policy, overrides: Partial<ClaimHoldSlot> = {}): ClaimHoldSlot => ({
  type: 'ClaimHoldSlot',
  cardNumber: CARD,
  holdId,
  titleId,
  via: 'online',
  today: TODAY,
  policy,
  hasOverdueLoans: false,
  ...overrides,
});

/** A registered adult with an online password: eligible everywhere. */
export const onlinePatron = [patronRegistered(), passwordSet()];
