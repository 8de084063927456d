import type { Policy, PolicyPresetId } from './policy';

/**
 * The two libraries of hold-rules.md. Sources: seeds/000_17276820e7de940c.txt (A) and
 * seeds/003_98b94704f8b42bf0.txt (B); where a document is silent the reason is given.
 */
const libraryA: Policy = {
  id: 'library-a',
  libraryName: 'Library A',
  timeZone: 'Asia/Tokyo',
  // Silent on the card number's format.
  cardNumberDigits: null,
  // 「図書資料10冊以内」
  holdLimit: 10,
  // Silent; the same mechanism as B with the product default of 10 (hold-rules.md R18).
  pickupOpenDays: 10,
  pickupReminderOpenDaysBefore: null,
  // Silent in both documents; two weeks is the usual loan period of Japanese public libraries.
  loanDays: 14,
  // 「貸出中のもの及び貸出可能なもの、視聴覚資料について予約ができます。館内視聴用のビデオ、貸出禁止資料は予約できません。」
  holdableMaterialTypes: ['book', 'audiovisual'],
  counterHoldableMaterialTypes: ['book', 'audiovisual'],
  // 「貸出中のもの及び貸出可能なもの … 予約ができます」: copies on the shelf may be held too.
  onlineHoldsOnAvailableTitles: true,
  // 「ご自分で借りている本に対しての予約はできません。」
  titleOnLoanBlocksHold: true,
  // 「中学生以上の方」
  minimumSchoolStage: 'junior-high',
  // 「広域利用地域でない方」
  wideAreaPatronsMayHoldOnline: false,
  // 「返却期限を過ぎた資料をお持ちの方はインターネットでの予約はできません。」
  overdueBlocksHolds: true,
  // 連絡方法: the registered e-mail address, or 「連絡不要」.
  contactMethods: ['email', 'none'],
  // 「午前3時から午前5時までは、検索・予約ともご利用になれません」
  maintenanceWindow: { from: '03:00', to: '05:00' },
  // 「パスワードを忘れてしまったとき: 図書館のカウンターで再度、パスワードの申請を行ってください。」
  onlinePasswordReset: false,
  // Holds are placed one title at a time from the search result (予約ボタン); no confirmation mail.
  batchHoldsFromFavourites: false,
  placedHoldConfirmationMail: false,
  statusPageLinkInMails: false,
  // 『メールアドレスの登録確認通知』
  emailChangeMail: 'registration-confirmation',
  // 『返却期限が過ぎた場合の資料返却のお願い』
  overdueReminderMail: true,
};

const libraryB: Policy = {
  id: 'library-b',
  libraryName: 'Library B',
  timeZone: 'Asia/Tokyo',
  // 「利用者カード右上のバーコードの下にある9桁の数字」
  cardNumberDigits: 9,
  // 「予約可能冊数は、カウンター受付分を含めて各館合計10冊までです。」
  holdLimit: 10,
  // 「連絡日の次の日から休館日を除く10日間です。… 11日目に自動的に予約取り消し」
  pickupOpenDays: 10,
  pickupReminderOpenDaysBefore: null,
  // Silent in both documents; two weeks is the usual loan period of Japanese public libraries.
  loanDays: 14,
  // 「インターネットから予約ができるのは図書のみです。雑誌・AVはカウンターでご予約ください。」
  holdableMaterialTypes: ['book'],
  counterHoldableMaterialTypes: ['book', 'magazine', 'audiovisual'],
  // 「そのうち1冊でも状態が貸出可 … だとインターネット予約はできません。」
  onlineHoldsOnAvailableTitles: false,
  // Silent; holding a title one has on loan makes no sense, as with R12.
  titleOnLoanBlocksHold: true,
  // No age rule.
  minimumSchoolStage: null,
  // No wide-area rule.
  wideAreaPatronsMayHoldOnline: true,
  // Silent: overdue items do not block online holds.
  overdueBlocksHolds: false,
  // 電話連絡・メール連絡・着信のみ・留守電・連絡不要
  contactMethods: ['phone', 'email', 'ring-only', 'voicemail', 'none'],
  // No maintenance window is stated.
  maintenanceWindow: null,
  // 「利用者カードの番号とメールアドレスを入力し「送信」… URLをクリックして再設定」
  onlinePasswordReset: true,
  // お気に入り → 予約 → 確認 → 送信; 「予約内容のメール送信を希望の方にはメールが届きます。」
  batchHoldsFromFavourites: true,
  placedHoldConfirmationMail: true,
  // 「予約連絡メールには、予約状況の確認ができるように本文中にURLが記載されています。」
  statusPageLinkInMails: true,
  // 「メールアドレス変更完了のお知らせ」
  emailChangeMail: 'change-completed',
  // Not among the mails B describes.
  overdueReminderMail: false,
};

export const policyPresets: Record<PolicyPresetId, Policy> = {
  'library-a': libraryA,
  'library-b': libraryB,
};
