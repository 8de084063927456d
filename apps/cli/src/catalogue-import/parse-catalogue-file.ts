import { COPY_FIELDS, TITLE_FIELDS, type CatalogueEntry } from './catalogue-entry';
import { jsonElementLines } from './json-element-lines';
import { CsvSyntaxError, parseCsv } from './parse-csv';

/** The file as a whole cannot be read as a catalogue: nothing is imported. */
export class CatalogueFileError extends Error {
  override readonly name = 'CatalogueFileError';
}

export type CatalogueFormat = 'csv' | 'json';

export function formatOf(path: string): CatalogueFormat | null {
  const extension = path.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'json' ? extension : null;
}

export function parseCatalogueFile(text: string, format: CatalogueFormat): CatalogueEntry[] {
  switch (format) {
    case 'csv':
      return csvEntries(text);
    case 'json':
      return jsonEntries(text);
    default: {
      const unknown: never = format;
      throw new CatalogueFileError(`unknown format ${String(unknown)}`);
    }
  }
}

const CSV_COLUMNS: readonly string[] = [...new Set<string>([...TITLE_FIELDS, ...COPY_FIELDS])];
const REQUIRED_COLUMNS = ['titleId', 'name', 'materialType'];
const COPY_ONLY_COLUMNS = COPY_FIELDS.filter((field) => field !== 'titleId');

function csvEntries(text: string): CatalogueEntry[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CatalogueFileError(`not readable as CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new CatalogueFileError('the file is empty; it needs a header row and one row per copy');
  const columns = header.cells.map((cell) => cell.trim());
  const unknown = columns.filter((column) => !CSV_COLUMNS.includes(column));
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  const problems = [
    ...unknown.map((column) => `unknown column "${column}"`),
    ...missing.map((column) => `missing column "${column}"`),
    ...[...new Set(repeated)].map((column) => `column "${column}" appears twice`),
  ];
  if (problems.length > 0) {
    throw new CatalogueFileError(`line ${header.line} (header): ${problems.join('; ')}. The columns are: ${CSV_COLUMNS.join(', ')}`);
  }

  return rows.map(({ line, cells }) => {
    const value = (column: string): string | undefined => {
      const index = columns.indexOf(column);
      return index < 0 ? undefined : cells[index]?.trim();
    };
    const present = (column: string) => (value(column) ? value(column) : undefined);
    const entry: CatalogueEntry = {
      source: { line, label: `line ${line}` },
      title: {
        titleId: value('titleId') ?? '',
        name: value('name') ?? '',
        author: present('author'),
        materialType: value('materialType') ?? '',
        volume: present('volume'),
      },
    };
    if (COPY_ONLY_COLUMNS.some((column) => present(column) !== undefined)) {
      entry.copy = {
        copyId: value('copyId') ?? '',
        titleId: value('titleId') ?? '',
        locationId: value('locationId') ?? '',
        loanable: booleanCell(present('loanable')),
      };
    }
    if (cells.length !== columns.length) {
      entry.problems = [{ field: 'row', messages: [`the row has ${cells.length} fields, the header ${columns.length}; quote fields that contain commas`] }];
    }
    return entry;
  });
}

/** `true`/`false` in any case, as spreadsheets write them; anything else is left for validation to name. */
function booleanCell(cell: string | undefined): unknown {
  const lower = cell?.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : cell;
}

function jsonEntries(text: string): CatalogueEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new CatalogueFileError(`not readable as JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CatalogueFileError('the JSON file must be an object: { "titles": [...], "copies": [...] }');
  }
  const lists = document as Record<string, unknown>;
  const unknown = Object.keys(lists).filter((key) => key !== 'titles' && key !== 'copies');
  if (unknown.length > 0)
    throw new CatalogueFileError(`unknown top-level field ${unknown.map((key) => `"${key}"`).join(', ')}; expected "titles" and "copies"`);
  for (const key of ['titles', 'copies']) {
    if (lists[key] !== undefined && !Array.isArray(lists[key])) throw new CatalogueFileError(`"${key}" must be an array`);
  }
  if (lists.titles === undefined && lists.copies === undefined) throw new CatalogueFileError('the file has neither "titles" nor "copies"');

  const lines = jsonElementLines(text);
  const entriesOf = (key: 'titles' | 'copies'): CatalogueEntry[] =>
    ((lists[key] as unknown[] | undefined) ?? []).map((element, index) => {
      const line = lines[key]?.[index] ?? 0;
      const source = { line, label: `${key}[${index}] (line ${line})` };
      if (typeof element !== 'object' || element === null || Array.isArray(element)) {
        return { source, problems: [{ field: key === 'titles' ? 'title' : 'copy', messages: ['must be an object'] }] };
      }
      return key === 'titles' ? { source, title: element as Record<string, unknown> } : { source, copy: element as Record<string, unknown> };
    });
  return [...entriesOf('titles'), ...entriesOf('copies')];
}
