import { formatInstant } from '../format-dates';
import type { PasswordResetMail, RenderedMail } from '../mail-kinds';
import { composeMail, pick, type TemplateContext } from './layout';

/**
 * R27 (Library B): the link that sets a new password, carrying the short-lived single-use token.
 * Without a configured reset page the token is given as a code to type into the patron app.
 */
export function passwordResetMail(data: PasswordResetMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  const until = formatInstant(data.expiresAt, language, context.timeZone);
  const instructions = context.passwordResetUrl
    ? pick(language, {
        ja: `次のURLを開き、${until}までに新しいパスワードを設定してください。\n${resetLink(context.passwordResetUrl, data.token)}`,
        en: `Open this link and set a new password by ${until}:\n${resetLink(context.passwordResetUrl, data.token)}`,
      })
    : pick(language, {
        ja: `利用者メニューの「パスワードを忘れたとき」の画面で、${until}までに次の確認コードを入力してください。\n確認コード：${data.token}`,
        en: `On the "Forgot your password" page of the patron menu, enter this code by ${until}:\nCode: ${data.token}`,
      });
  return composeMail(context, { ja: 'パスワード再設定のご案内', en: 'Resetting your password' }, data.patronName, [
    pick(language, {
      ja: 'パスワード再設定のお申し込みを受け付けました。',
      en: 'We received a request to reset your password.',
    }),
    instructions,
    pick(language, {
      ja: 'この案内は一度だけ、期限内に限りお使いいただけます。\nお心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
      en: 'It works once, and only until then.\nIf you did not ask for this, ignore this message; your password stays as it is.',
    }),
  ]);
}

function resetLink(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.toString();
}
