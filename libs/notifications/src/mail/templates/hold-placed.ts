import type { HoldPlacedMail, RenderedMail } from '../mail-kinds';
import { bulletList, composeMail, pick, statusPageSection, type TemplateContext } from './layout';

/** R15 (Library B, optional): confirmation of the holds just placed online. */
export function holdPlacedMail(data: HoldPlacedMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  const holds = data.holds.map((hold) =>
    language === 'ja' ? `${hold.titleName}（受取場所：${hold.pickupLocationName}）` : `${hold.titleName} (pickup at ${hold.pickupLocationName})`,
  );
  return composeMail(context, { ja: '予約受付のお知らせ', en: 'Your holds have been placed' }, data.patronName, [
    pick(language, {
      ja: '次の資料のご予約を受け付けました。',
      en: 'We have received your holds on the following items.',
    }),
    bulletList(language, holds),
    pick(language, {
      ja: 'ご用意ができましたら、ご指定の連絡方法でお知らせします。',
      en: 'We will let you know by the contact method you chose when they are ready.',
    }),
    statusPageSection(context),
  ]);
}
