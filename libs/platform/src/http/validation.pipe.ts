import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem-details.filter';
import { problemType } from './problem';
import { wireTextProblemsIn } from './wire-text';

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const notAnObject = () =>
  new ProblemException({
    type: problemType('validation-failed'),
    title: 'Invalid request',
    status: 400,
    detail: 'The request body must be a JSON object.',
    errors: [{ field: '(body)', messages: ['the body must be a JSON object, not an array, a string, a number or null'] }],
  });

/** Keys that reach an object's prototype. class-transformer drops them silently; we refuse them like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function prototypeKeysIn(value: unknown, parent = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    return [...(PROTOTYPE_KEYS.has(key) ? [field] : []), ...prototypeKeysIn((value as Record<string, unknown>)[key], field)];
  });
}

const prototypeKeys = (fields: string[]) =>
  new ProblemException({
    type: problemType('validation-failed'),
    title: 'Invalid request',
    status: 400,
    detail: `Fix these fields: ${fields.join(', ')}`,
    errors: fields.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
  });

const notText = (fields: { field: string; messages: string[] }[]) =>
  new ProblemException({
    type: problemType('validation-failed'),
    title: 'Invalid request',
    status: 400,
    detail: `Fix these fields: ${fields.map((entry) => entry.field).join(', ')}`,
    errors: fields,
  });

/** A validator that threw (class-validator's isEmail on an unpaired surrogate does) judged the input, not the server. */
const validatorThrew = (metadata: ArgumentMetadata) =>
  new ProblemException({
    type: problemType('validation-failed'),
    title: 'Invalid request',
    status: 400,
    detail: `The ${metadata.type} could not be checked; fix its text fields.`,
    errors: [{ field: `(${metadata.type})`, messages: ['a field could not be read as text'] }],
  });

/**
 * class-validator on every body, query and path parameter: unknown fields refused, every bad field listed (I8). A JSON
 * body that is not an object (the parser accepts any JSON value) is refused here, before class-transformer sees it;
 * so is any string that is not text (an unpaired surrogate, a NUL), whatever field it is in.
 */
class ProductValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') && this.toValidate(metadata)) {
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (metadata.type === 'body' && value !== undefined && !isObject) throw notAnObject();
      const refused = prototypeKeysIn(value);
      if (refused.length > 0) throw prototypeKeys(refused);
      const garbled = wireTextProblemsIn(value);
      if (garbled.length > 0) throw notText(garbled);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof ProblemException) throw error;
      throw validatorThrew(metadata);
    }
  }
}

export function createValidationPipe() {
  return new ProductValidationPipe({
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
