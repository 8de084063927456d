import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem-details.filter';
import { problemType } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator on every body and query: unknown fields refused, every bad field listed (I8). */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException({
        type: problemType('validation-failed'),
        title: 'Invalid request',
        status: 400,
        detail: `Fix these fields: ${fields.map((entry) => entry.field).join(', ')}`,
        errors: fields,
      });
    },
  });
}
