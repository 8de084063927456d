import type { MailData, MailKind, MailRequest, RenderedMail, RenderOptions } from './mail-kinds';
import { emailRegisteredMail } from './templates/email-registered';
import { holdPlacedMail } from './templates/hold-placed';
import { holdReadyMail } from './templates/hold-ready';
import type { TemplateContext } from './templates/layout';
import { overdueReminderMail } from './templates/overdue-reminder';
import { passwordResetMail } from './templates/password-reset';
import { pickupReminderMail } from './templates/pickup-reminder';

/** The subject and plain text of one mail; a pure function of its data and the library's configuration. */
export function renderMail<K extends MailKind>(kind: K, data: MailData[K], options: RenderOptions): RenderedMail {
  return renderMailRequest({ kind, data } as MailRequest, options);
}

export function renderMailRequest(request: MailRequest, options: RenderOptions): RenderedMail {
  const context: TemplateContext = {
    libraryName: options.libraryName,
    language: options.language ?? 'ja',
    statusPageBaseUrl: options.statusPageBaseUrl ?? null,
    passwordResetUrl: options.passwordResetUrl ?? null,
    timeZone: options.timeZone ?? 'Asia/Tokyo',
  };
  switch (request.kind) {
    case 'hold-ready':
      return holdReadyMail(request.data, context);
    case 'email-registered':
      return emailRegisteredMail(request.data, context);
    case 'overdue-reminder':
      return overdueReminderMail(request.data, context);
    case 'hold-placed':
      return holdPlacedMail(request.data, context);
    case 'password-reset':
      return passwordResetMail(request.data, context);
    case 'pickup-reminder':
      return pickupReminderMail(request.data, context);
    default: {
      const unknown: never = request;
      throw new Error(`unknown mail kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}
