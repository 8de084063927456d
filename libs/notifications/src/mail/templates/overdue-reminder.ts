import { formatDay } from '../format-dates';
import type { OverdueReminderMail, RenderedMail } from '../mail-kinds';
import { bulletList, composeMail, pick, statusPageSection, type TemplateContext } from './layout';

/** R26 (Library A): "please return the items past their due date". */
export function overdueReminderMail(data: OverdueReminderMail, context: TemplateContext): RenderedMail {
  const { language } = context;
  const loans = data.loans.map((loan) => {
    const due = formatDay(loan.dueOn, language);
    return language === 'ja' ? `${loan.titleName}（返却期限：${due}）` : `${loan.titleName} (due ${due})`;
  });
  return composeMail(context, { ja: '返却期限を過ぎた資料の返却のお願い', en: 'Please return your overdue items' }, data.patronName, [
    pick(language, {
      ja: '次の資料の返却期限が過ぎています。お早めにご返却ください。',
      en: 'The following items are past their due date. Please return them as soon as possible.',
    }),
    bulletList(language, loans),
    pick(language, {
      ja: 'すでにご返却いただいている場合は、行き違いですのでご容赦ください。',
      en: 'If you have already returned them, please disregard this message.',
    }),
    statusPageSection(context),
  ]);
}
