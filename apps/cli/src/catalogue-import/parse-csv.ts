/** One CSV record and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * RFC 4180 CSV as spreadsheets write it: comma-separated, fields optionally in double quotes, `""` for a quote
 * inside one, quoted fields may span lines; LF, CRLF or CR line ends; a leading byte-order mark is dropped.
 * Blank lines are skipped. A record's line is where it starts, so a multi-line field does not shift later lines.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let recordLine = 1;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
  };
  const endOfLineAt = (at: number) => (source[at] === '\r' && source[at + 1] === '\n' ? 2 : source[at] === '\n' || source[at] === '\r' ? 1 : 0);

  while (i < source.length) {
    const char = source[i];
    if (char === '"' && cell === '') {
      const quotedFrom = line;
      i += 1;
      for (;;) {
        if (i >= source.length) throw new CsvSyntaxError(quotedFrom, 'a quoted field is never closed');
        if (source[i] === '"' && source[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (source[i] === '"') {
          i += 1;
          break;
        } else {
          const newline = endOfLineAt(i);
          if (newline > 0) line += 1;
          cell += source.slice(i, i + Math.max(newline, 1));
          i += Math.max(newline, 1);
        }
      }
      if (i < source.length && source[i] !== ',' && endOfLineAt(i) === 0) throw new CsvSyntaxError(line, 'text after a closing quote; quote the whole field');
      continue;
    }
    if (char === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field; quote the whole field and double the quote');
    if (char === ',') {
      endCell();
      i += 1;
      continue;
    }
    const newline = endOfLineAt(i);
    if (newline > 0) {
      endRecord();
      i += newline;
      line += 1;
      recordLine = line;
      continue;
    }
    cell += char;
    i += 1;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
