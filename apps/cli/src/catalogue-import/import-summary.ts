import type { ImportReport, Tally } from './import-catalogue';
import type { ImportPlan, InvalidEntry } from './validate-catalogue';

const counts = (tally: Tally) => `${tally.created} created, ${tally.skipped} skipped, ${tally.refused} refused`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function invalidLines(invalid: readonly InvalidEntry[]): string[] {
  return invalid.flatMap(({ source, problems }) => problems.map(({ field, messages }) => `  ${source.label}: ${field}: ${messages.join('; ')}`));
}

/** The end-of-run summary: what was created, skipped and refused, and why each refusal happened. */
export function importSummary(file: string, plan: ImportPlan, report: ImportReport): string {
  const lines = [
    `Catalogue import of ${file}`,
    `  titles: ${counts(report.titles)}`,
    `  copies: ${counts(report.copies)}`,
    `  invalid entries: ${plan.invalid.length}${plan.invalid.length > 0 ? ' (nothing was sent for them)' : ''}`,
  ];
  if (report.stopped) lines.push(`  STOPPED with ${plural(report.stopped.notAttempted, 'write')} not tried: ${report.stopped.reason}`);
  if (plan.invalid.length > 0) lines.push('', 'Invalid entries:', ...invalidLines(plan.invalid));
  if (report.refusals.length > 0) {
    lines.push('', 'Refused by the app:', ...report.refusals.map(({ source, subject, reason }) => `  ${source.label}: ${subject}: ${reason}`));
  }
  return `${lines.join('\n')}\n`;
}

/** What --dry-run prints: the checks of the file, and what a real run would send. */
export function dryRunSummary(file: string, plan: ImportPlan): string {
  const lines = [
    `Dry run of the catalogue import of ${file}: nothing was sent`,
    `  would send: ${plural(plan.titles.length, 'title')}, ${plural(plan.copies.length, 'copy', 'copies')}`,
    `  invalid entries: ${plan.invalid.length}`,
  ];
  if (plan.invalid.length > 0) lines.push('', 'Invalid entries:', ...invalidLines(plan.invalid));
  return `${lines.join('\n')}\n`;
}

export function importSucceeded(plan: ImportPlan, report?: ImportReport): boolean {
  return plan.invalid.length === 0 && (!report || (!report.stopped && report.titles.refused === 0 && report.copies.refused === 0));
}
