import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem-details.filter';
import { problemType, type ProblemDetails } from './problem';

/**
 * What express' body parser attaches to the errors it raises (http-errors): always a status, and a `type` for the
 * ones it recognises (a corrupt gzip body comes with the status only).
 */
interface BodyParserError {
  type?: unknown;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as Partial<BodyParserError>).status === 'number';
}

/** Where JSON.parse stopped, from its message, without echoing the body back (V8 quotes a slice of it). */
function whereParsingStopped(message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (position) return ` (at character ${position[1]})`;
  const token = /^Unexpected token '(.)'/u.exec(message);
  if (token) return ` (unexpected ${JSON.stringify(token[1])})`;
  if (/Unexpected end of JSON input/.test(message)) return ' (it ends too early)';
  return '';
}

function problemOf(error: BodyParserError): ProblemDetails | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return {
        type: problemType('malformed-json'),
        title: 'Malformed JSON',
        status: 400,
        detail: `The request body is not valid JSON${whereParsingStopped(error.message)}.`,
      };
    case 'entity.too.large':
      return { type: problemType('body-too-large'), title: 'Request body too large', status: 413, detail: 'The request body is larger than this API accepts.' };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return {
        type: problemType('unsupported-body-encoding'),
        title: 'Unsupported body encoding',
        status: 415,
        detail: 'Send the JSON body as UTF-8, uncompressed or compressed with gzip, deflate or br.',
      };
    default:
      return error.status >= 400 && error.status < 500
        ? {
            type: problemType('unreadable-body'),
            title: 'Unreadable request body',
            status: error.status,
            detail: 'The request body could not be read (check Content-Type, Content-Length and Content-Encoding).',
          }
        : null;
  }
}

/**
 * Placed right behind the body parser: it sees the parser's own error, before Nest's router maps a JSON syntax
 * error to a bare 400 carrying the parser's message. The problem then goes through the global filter like any other.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction) {
  const problem = isBodyParserError(error) ? problemOf(error) : null;
  next(problem ? new ProblemException(problem) : error);
}
