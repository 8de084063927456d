import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { MaterialType } from '@libs/domain';
import type { CatalogueEntry, EntrySource, FieldProblem } from './catalogue-entry';
import { CreateCopyDto, CreateTitleDto } from '@libs/application';

/** The body of POST /staff/titles. */
export interface TitleBody {
  titleId: string;
  name: string;
  author?: string;
  materialType: MaterialType;
  volume?: string;
}

/** The body of POST /staff/copies. */
export interface CopyBody {
  copyId: string;
  titleId: string;
  locationId: string;
  loanable: boolean;
}

export interface Planned<Body> {
  source: EntrySource;
  body: Body;
}

export interface InvalidEntry {
  source: EntrySource;
  problems: FieldProblem[];
}

/** What an import will send (titles first: copies need them), and the entries it refuses before sending anything. */
export interface ImportPlan {
  titles: Planned<TitleBody>[];
  copies: Planned<CopyBody>[];
  invalid: InvalidEntry[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The same DTO classes and validator options as the API's validation pipe, so a row fails here exactly when the API would refuse it. */
function problemsOf<T extends object>(dto: ClassConstructor<T>, fields: Record<string, unknown>): FieldProblem[] {
  const instance = plainToInstance(dto, fields);
  return flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
}

function titleBody(fields: Record<string, unknown>): TitleBody {
  const { titleId, name, author, materialType, volume } = fields as unknown as TitleBody;
  return { titleId, name, materialType, ...(author == null ? {} : { author }), ...(volume == null ? {} : { volume }) };
}

function copyBody(fields: Record<string, unknown>): CopyBody {
  const { copyId, titleId, locationId, loanable } = fields as unknown as CopyBody;
  return { copyId, titleId, locationId, loanable };
}

/** Fields where `here` says something else than `first` did for the same id. */
function conflicts<Body extends object>(here: Body, first: Planned<Body>): FieldProblem[] {
  const keys = new Set([...Object.keys(here), ...Object.keys(first.body)]) as Set<keyof Body>;
  return [...keys]
    .filter((key) => here[key] !== first.body[key])
    .map((key) => ({
      field: String(key),
      messages: [`${JSON.stringify(here[key] ?? null)} here, but ${JSON.stringify(first.body[key] ?? null)} at ${first.source.label} for the same id`],
    }));
}

function unique(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Validates every entry and merges them into one plan. An id given again with the same data is one title or copy
 * (a CSV file repeats a title's columns on each of its copies); with other data it is refused at the later entry.
 * An invalid entry is refused whole: nothing of it is sent.
 */
export function validateCatalogue(entries: readonly CatalogueEntry[]): ImportPlan {
  const titles = new Map<string, Planned<TitleBody>>();
  const copies = new Map<string, Planned<CopyBody>>();
  const refusedTitles = new Map<string, EntrySource>();
  const invalid: InvalidEntry[] = [];
  const pendingCopies: Planned<CopyBody>[] = [];

  for (const entry of entries) {
    let problems = [...(entry.problems ?? [])];
    if (entry.title) problems.push(...problemsOf(CreateTitleDto, entry.title));
    if (entry.copy) problems.push(...problemsOf(CreateCopyDto, entry.copy));
    const title = entry.title && titleBody(entry.title);
    const copy = entry.copy && copyBody(entry.copy);
    if (problems.length === 0 && title && titles.has(title.titleId)) problems.push(...conflicts(title, titles.get(title.titleId) as Planned<TitleBody>));
    if (problems.length === 0 && copy && copies.has(copy.copyId)) problems.push(...conflicts(copy, copies.get(copy.copyId) as Planned<CopyBody>));
    problems = unique(problems);

    if (problems.length > 0) {
      invalid.push({ source: entry.source, problems });
      if (title && typeof title.titleId === 'string' && !refusedTitles.has(title.titleId)) refusedTitles.set(title.titleId, entry.source);
      continue;
    }
    if (title && !titles.has(title.titleId)) titles.set(title.titleId, { source: entry.source, body: title });
    if (copy && !copies.has(copy.copyId)) {
      const planned = { source: entry.source, body: copy };
      copies.set(copy.copyId, planned);
      pendingCopies.push(planned);
    }
  }

  // A copy listed apart (JSON) whose title the file gives only in refused entries would fail anyway: say why here.
  const planned = pendingCopies.filter(({ source, body }) => {
    const refusedAt = titles.has(body.titleId) ? undefined : refusedTitles.get(body.titleId);
    if (refusedAt) invalid.push({ source, problems: [{ field: 'titleId', messages: [`title ${body.titleId} is refused at ${refusedAt.label}`] }] });
    return !refusedAt;
  });

  return { titles: [...titles.values()], copies: planned, invalid: invalid.sort((a, b) => a.source.line - b.source.line) };
}
