export * from './mail/mail-kinds';
export { formatDay, formatInstant, localDateIn } from './mail/format-dates';
export { renderMail, renderMailRequest } from './mail/render-mail';
