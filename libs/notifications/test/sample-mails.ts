import { type MailData } from '@libs/notifications';

/** One filled-in mail of every kind, for template and transport tests. */
export const sampleMails: MailData = {
  'hold-ready': { patronName: '山田 花子', titleName: '吾輩は猫である', pickupLocationName: '南郷図書館', lastPickupDay: '2026-12-05' },
  'email-registered': { patronName: '山田 花子', email: 'hanako@example.jp', notice: 'registration-confirmation' },
  'overdue-reminder': {
    patronName: '山田 花子',
    loans: [
      { titleName: '坊っちゃん', dueOn: '2026-11-20' },
      { titleName: 'こころ', dueOn: '2026-11-27' },
    ],
  },
  'hold-placed': {
    patronName: '山田 花子',
    holds: [
      { titleName: '三四郎', pickupLocationName: '本館' },
      { titleName: 'それから', pickupLocationName: '図書情報センター' },
    ],
  },
  'password-reset': { patronName: '山田 花子', token: 'tok-123', expiresAt: '2026-12-04T05:30:00Z' },
  'pickup-reminder': { patronName: '山田 花子', titleName: '吾輩は猫である', pickupLocationName: '南郷図書館', lastPickupDay: '2026-12-05' },
};
