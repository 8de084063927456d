/** RFC 9457 problem details: every error answer of the API has this shape and `application/problem+json`. */
export interface ProblemDetails {
  /** Stable, per kind of problem: `/problems/hold-limit-reached`. Clients switch on it. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The hold rule the refusal applies (R7, R19…), when there is one. */
  rule?: string;
  /** Validation problems: one entry per bad field. */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `/problems/${code}`;
}
