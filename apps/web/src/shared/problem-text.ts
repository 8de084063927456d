import type { Problem } from './api-client';
import type { CommonMessages } from './common-messages';

/** What a refusal says to people: our own sentence for a known problem type, else the API's, with its rule. */
export function problemText(problem: Problem, text: CommonMessages): string {
  const code = problem.type.replace(/^\/problems\//, '');
  const sentence = text.problems[code] ?? problem.detail ?? problem.title;
  const fields = problem.errors?.flatMap((error) => error.messages.map((message) => `${error.field}: ${message}`)) ?? [];
  const rule = problem.rule ? text.rule(problem.rule) : '';
  return [sentence + rule, ...fields].join(' ');
}
