import { CsvSyntaxError, parseCsv } from './parse-csv';

describe('CSV as spreadsheets write it', () => {
  it('splits records and cells, numbering records by the line they start on', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping later line numbers right', () => {
    const text = 'name,n\n"走れメロス, 富嶽百景",1\n"「坊っちゃん」を読む ""漱石""",2\n"two\nlines",3\nlast,4';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'n'] },
      { line: 2, cells: ['走れメロス, 富嶽百景', '1'] },
      { line: 3, cells: ['「坊っちゃん」を読む "漱石"', '2'] },
      { line: 4, cells: ['two\nlines', '3'] },
      { line: 6, cells: ['last', '4'] },
    ]);
  });

  it('takes CRLF and CR line ends, a byte-order mark, and empty cells', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,\r\n,2\r3,4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', ''] },
      { line: 3, cells: ['', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('names the line of a quote that is never closed or is misplaced', () => {
    expect(() => parseCsv('a\n"open,1\n2')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\nx"y')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"x"y')).toThrow(/line 2: text after a closing quote/);
  });
});
