/** Where an entry came from, for the report: a CSV line, or a JSON array element and the line it starts on. */
export interface EntrySource {
  line: number;
  /** `line 7`, or `copies[2] (line 31)` */
  label: string;
}

/** What is wrong with one field of an entry, in the words of the API's validation. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/**
 * One entry of an import file, fields as read (not yet validated). A CSV row describes one copy with its title's
 * columns (or, with the copy columns empty, a title alone); a JSON file lists titles and copies apart.
 */
export interface CatalogueEntry {
  source: EntrySource;
  title?: Record<string, unknown>;
  copy?: Record<string, unknown>;
  /** Found while reading (a CSV row with the wrong number of fields, a JSON element that is not an object). */
  problems?: FieldProblem[];
}

export const TITLE_FIELDS = ['titleId', 'name', 'author', 'materialType', 'volume'] as const;
export const COPY_FIELDS = ['copyId', 'titleId', 'locationId', 'loanable'] as const;
