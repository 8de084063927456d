import type { EmailRegisteredMail, RenderedMail } from '../mail-kinds';
import { composeMail, pick, statusPageSection, type TemplateContext } from './layout';

/** R25: "registration confirmation" for a first address, "change completed" for a new one. */
export function emailRegisteredMail(data: EmailRegisteredMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  const changed = data.previousEmail !== null;
  const subject = changed
    ? { ja: 'メールアドレス変更完了のお知らせ', en: 'Your e-mail address has been changed' }
    : { ja: 'メールアドレスの登録確認通知', en: 'Your e-mail address has been registered' };
  return composeMail(context, subject, data.patronName, [
    changed
      ? pick(language, {
          ja: 'メールアドレスの変更が完了しました。\n今後、図書館からのお知らせはこのアドレスにお送りします。',
          en: 'Your e-mail address has been changed.\nThe library will send its notices to this address from now on.',
        })
      : pick(language, {
          ja: 'メールアドレスの登録が完了しました。\n今後、図書館からのお知らせはこのアドレスにお送りします。',
          en: 'Your e-mail address has been registered.\nThe library will send its notices to this address from now on.',
        }),
    pick(language, { ja: `登録したメールアドレス：${data.email}`, en: `Registered address: ${data.email}` }),
    pick(language, {
      ja: 'お心当たりのない場合は、お手数ですが図書館へご連絡ください。',
      en: 'If you did not make this change, please contact the library.',
    }),
    statusPageSection(context),
  ]);
}
