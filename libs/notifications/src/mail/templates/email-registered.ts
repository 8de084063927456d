import type { EmailRegisteredMail, RenderedMail } from '../mail-kinds';
import { composeMail, pick, statusPageSection, type TemplateContext } from './layout';

/**
 * R25: Library A sends 『メールアドレスの登録確認通知』, Library B 「メールアドレス変更完了のお知らせ」,
 * each for a first address and for a changed one alike.
 */
export function emailRegisteredMail(data: EmailRegisteredMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  const confirmation = data.notice === 'registration-confirmation';
  const subject = confirmation
    ? { ja: 'メールアドレスの登録確認通知', en: 'Your e-mail address is registered' }
    : { ja: 'メールアドレス変更完了のお知らせ', en: 'Your e-mail address has been changed' };
  return composeMail(context, subject, data.patronName, [
    confirmation
      ? pick(language, {
          ja: 'メールアドレスの登録を確認しました。\n今後、図書館からのお知らせはこのアドレスにお送りします。',
          en: 'This confirms the e-mail address registered with the library.\nThe library will send its notices to this address from now on.',
        })
      : pick(language, {
          ja: 'メールアドレスの登録・変更が完了しました。\n今後、図書館からのお知らせはこのアドレスにお送りします。',
          en: 'Your e-mail address has been registered or changed.\nThe library will send its notices to this address from now on.',
        }),
    pick(language, { ja: `登録したメールアドレス：${data.email}`, en: `Registered address: ${data.email}` }),
    pick(language, {
      ja: 'お心当たりのない場合は、お手数ですが図書館へご連絡ください。',
      en: 'If you did not make this change, please contact the library.',
    }),
    statusPageSection(context),
  ]);
}
