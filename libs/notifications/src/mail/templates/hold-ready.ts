import type { HoldReadyMail, RenderedMail } from '../mail-kinds';
import { composeMail, pick, readyHoldDetails, statusPageSection, type TemplateContext } from './layout';

/** R17: the copy is on the hold shelf; R18/R19: collect it by the last pickup day, cancel only by calling. */
export function holdReadyMail(data: HoldReadyMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  return composeMail(context, { ja: '予約資料のご用意ができました', en: 'Your hold is ready for pickup' }, data.patronName, [
    pick(language, {
      ja: 'ご予約いただいた資料のご用意ができました。\n取置期限までに、受取場所でお受け取りください。',
      en: 'The item you reserved is ready for you.\nPlease collect it at the pickup location by the last pickup day.',
    }),
    readyHoldDetails(language, data),
    pick(language, {
      ja: '取置期限を過ぎると、予約は自動的に取り消されます。\nご用意ができた予約は、インターネットからは取り消せません。取り消す場合は図書館へご連絡ください。',
      en: 'If it is not collected by then, the hold is cancelled automatically.\nA ready hold can no longer be cancelled online; to cancel it, please contact the library.',
    }),
    statusPageSection(context),
  ]);
}
