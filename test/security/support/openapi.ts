import type { TestApp } from '../../support/test-app';

/** The parts of an OpenAPI 3 schema object that @nestjs/swagger emits for our DTOs. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface RawParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  /** `METHOD /path/{param}`, as the access table and failure messages name it. */
  key: string;
  method: HttpMethod;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** The JSON body schema with every $ref resolved, or null when the operation takes no body. */
  body: Schema | null;
  /** Whether the document declares a bearer token for it. */
  documentedAsSecured: boolean;
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Follows `#/components/schemas/X` references, all the way down, so generators see plain schemas. */
export function resolveSchema(schema: Schema, document: OpenApiDocument): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`the document references a missing schema ${schema.$ref}`);
    return resolveSchema(target, document);
  }
  return {
    ...schema,
    ...(schema.items ? { items: resolveSchema(schema.items, document) } : {}),
    ...(schema.properties
      ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolveSchema(property, document)])) }
      : {}),
  };
}

function parametersIn(raw: RawOperation, where: RawParameter['in'], document: OpenApiDocument): Parameter[] {
  return (raw.parameters ?? [])
    .filter((parameter) => parameter.in === where)
    .map((parameter) => ({
      name: parameter.name,
      required: parameter.required === true,
      schema: resolveSchema(parameter.schema ?? { type: 'string' }, document),
    }));
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const raw = item[method];
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        pathParams: parametersIn(raw, 'path', document),
        queryParams: parametersIn(raw, 'query', document),
        headerParams: parametersIn(raw, 'header', document),
        body: bodySchema ? resolveSchema(bodySchema, document) : null,
        documentedAsSecured: (raw.security ?? []).length > 0,
      };
    }),
  );
}

/** The API as the running app documents it (GET /openapi.json), so a new endpoint is covered the day it appears. */
export async function loadOperations(app: TestApp): Promise<Operation[]> {
  const response = await app.http().get('/openapi.json').expect(200);
  return operationsOf(response.body as OpenApiDocument);
}

/** Percent-encodes the UTF-8 bytes of a value (lone surrogates become U+FFFD instead of throwing, as encodeURIComponent would). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** The path with each {param} replaced by an already URL-safe segment. */
export function concretePath(operation: Operation, segments: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const segment = segments[name];
    if (segment === undefined) throw new Error(`${operation.key}: no value for path parameter ${name}`);
    return segment;
  });
}

/** The documented example of each path parameter (percent-encoded), falling back to a harmless id. */
export function examplePathSegments(operation: Operation): Record<string, string> {
  return Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, percentEncode(String(parameter.schema.example ?? 'x-1'))]));
}
