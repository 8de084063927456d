export * from './mail/mail-kinds';
export { formatDay, formatInstant, localDateIn } from './mail/format-dates';
export { renderMail, renderMailRequest } from './mail/render-mail';
export { MailDeliveryError, type Mailer, type OutgoingMail } from './mailer/mailer';
export { SmtpMailer, type SmtpMailerOptions } from './mailer/smtp-mailer';
export { OutboxMailer, type OutboxMailerOptions } from './mailer/outbox-mailer';
export { messageIdFor, mailDomainOf } from './mailer/message-id';
