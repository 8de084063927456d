import { CatalogueFileError, formatOf, parseCatalogueFile } from './parse-catalogue-file';

describe('reading an import file', () => {
  it('knows the format by the file name', () => {
    expect([formatOf('a.csv'), formatOf('B.JSON'), formatOf('c.txt')]).toEqual(['csv', 'json', null]);
  });

  it('CSV: one entry per row, its title columns and, when given, its copy; empty optional cells left out', () => {
    const text = 'titleId,name,author,materialType,volume,copyId,locationId,loanable\nT-1,こころ,夏目漱石,book,,C-1,central,TRUE\nT-2,たけくらべ,,book,,,,\n';
    expect(parseCatalogueFile(text, 'csv')).toEqual([
      {
        source: { line: 2, label: 'line 2' },
        title: { titleId: 'T-1', name: 'こころ', author: '夏目漱石', materialType: 'book', volume: undefined },
        copy: { copyId: 'C-1', titleId: 'T-1', locationId: 'central', loanable: true },
      },
      { source: { line: 3, label: 'line 3' }, title: { titleId: 'T-2', name: 'たけくらべ', author: undefined, materialType: 'book', volume: undefined } },
    ]);
  });

  it('CSV: a row with a field too many is flagged, not shifted into the wrong columns', () => {
    const [entry] = parseCatalogueFile('titleId,name,materialType\nT-1,走れメロス, 富嶽百景,book\n', 'csv');
    expect(entry.problems).toEqual([{ field: 'row', messages: [expect.stringMatching(/4 fields, the header 3/)] }]);
  });

  it('CSV: an unknown or missing column refuses the whole file, naming the columns', () => {
    expect(() => parseCatalogueFile('titleId,title,materialType\n', 'csv')).toThrow(CatalogueFileError);
    expect(() => parseCatalogueFile('titleId,title,materialType\n', 'csv')).toThrow(/line 1 \(header\): unknown column "title"; missing column "name"/);
    expect(() => parseCatalogueFile('', 'csv')).toThrow(/empty/);
  });

  it('JSON: titles then copies, each labelled with its index and the line it starts on', () => {
    const text =
      '{\n  "titles": [\n    { "titleId": "T-1", "name": "こころ", "materialType": "book" },\n    {\n      "titleId": "T-2", "name": "三四郎", "materialType": "book"\n    }\n  ],\n  "copies": [{ "copyId": "C-1", "titleId": "T-1", "locationId": "central", "loanable": true }, 7]\n}\n';
    const entries = parseCatalogueFile(text, 'json');
    expect(entries.map((entry) => entry.source.label)).toEqual(['titles[0] (line 3)', 'titles[1] (line 4)', 'copies[0] (line 8)', 'copies[1] (line 8)']);
    expect(entries[2].copy).toEqual({ copyId: 'C-1', titleId: 'T-1', locationId: 'central', loanable: true });
    expect(entries[3].problems).toEqual([{ field: 'copy', messages: ['must be an object'] }]);
  });

  it('JSON: a file that is not { titles, copies } is refused whole', () => {
    expect(() => parseCatalogueFile('{"titles": [', 'json')).toThrow(/not readable as JSON/);
    expect(() => parseCatalogueFile('[]', 'json')).toThrow(/must be an object/);
    expect(() => parseCatalogueFile('{"books": []}', 'json')).toThrow(/unknown top-level field "books"/);
    expect(() => parseCatalogueFile('{"titles": {}}', 'json')).toThrow(/"titles" must be an array/);
  });
});
