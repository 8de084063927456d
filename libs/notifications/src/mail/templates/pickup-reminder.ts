import type { PickupReminderMail, RenderedMail } from '../mail-kinds';
import { composeMail, pick, readyHoldDetails, statusPageSection, type TemplateContext } from './layout';

/** Optional policy: a ready hold's last pickup day is a few open days away (R18). */
export function pickupReminderMail(data: PickupReminderMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  return composeMail(context, { ja: '予約資料の取置期限が近づいています', en: 'Your hold is waiting: last pickup day soon' }, data.patronName, [
    pick(language, {
      ja: 'ご用意している予約資料の取置期限が近づいています。',
      en: 'The item you reserved is still waiting for you, and its last pickup day is near.',
    }),
    readyHoldDetails(language, data),
    pick(language, {
      ja: '取置期限を過ぎると、予約は自動的に取り消されます。',
      en: 'If it is not collected by then, the hold is cancelled automatically.',
    }),
    statusPageSection(context),
  ]);
}
