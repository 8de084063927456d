import { formatDay } from '../format-dates';
import type { HoldReadyMail, MailLanguage, RenderedMail } from '../mail-kinds';

/** What every template needs besides its own data: the options with their defaults filled in. */
export interface TemplateContext {
  libraryName: string;
  language: MailLanguage;
  statusPageBaseUrl: string | null;
  passwordResetUrl: string | null;
  timeZone: string;
}

/** Two wordings of one text; templates pick by the mail's language. */
export interface Wording {
  ja: string;
  en: string;
}

/**
 * The shape shared by every mail: a subject tagged with the library's name, the greeting,
 * the template's sections (null ones left out), and a footer saying the address is send-only.
 */
export function composeMail(context: TemplateContext, subject: Wording, patronName: string, sections: (string | null)[]): RenderedMail {
  const { language, libraryName } = context;
  const taggedSubject = language === 'ja' ? `【${libraryName}】${subject.ja}` : `[${libraryName}] ${subject.en}`;
  const parts = [greeting(language, patronName), ...sections.filter((section): section is string => section !== null), footer(context)];
  return { subject: taggedSubject, text: `${parts.join('\n\n')}\n` };
}

/** R24: the status page link, when one is configured. */
export function statusPageSection(context: TemplateContext): string | null {
  if (!context.statusPageBaseUrl) return null;
  return context.language === 'ja'
    ? `予約や貸出の状況は、次のページでご確認いただけます。\n${context.statusPageBaseUrl}`
    : `You can check your holds and loans on your status page:\n${context.statusPageBaseUrl}`;
}

/** A ready hold's title, pickup location and last pickup day, as the hold-ready mail and the pickup reminder list them. */
export function readyHoldDetails(language: MailLanguage, hold: Omit<HoldReadyMail, 'patronName'>): string {
  const day = formatDay(hold.lastPickupDay, language);
  return pick(language, {
    ja: `資料名：${hold.titleName}\n受取場所：${hold.pickupLocationName}\n取置期限：${day}`,
    en: `Title: ${hold.titleName}\nPickup location: ${hold.pickupLocationName}\nLast pickup day: ${day}`,
  });
}

export function bulletList(language: MailLanguage, lines: string[]): string {
  return lines.map((line) => (language === 'ja' ? `・${line}` : `- ${line}`)).join('\n');
}

export function pick(language: MailLanguage, wording: Wording): string {
  return wording[language];
}

function greeting(language: MailLanguage, patronName: string): string {
  const name = patronName.trim();
  if (language === 'ja') return `${name || '利用者'} 様`;
  return name ? `Dear ${name},` : 'Dear patron,';
}

function footer(context: TemplateContext): string {
  return context.language === 'ja'
    ? `――――――――――――――――――――\n${context.libraryName}\nこのメールは送信専用のアドレスからお送りしています。ご返信いただいてもお答えできません。`
    : `--\n${context.libraryName}\nThis message was sent from a send-only address; replies are not read.`;
}
