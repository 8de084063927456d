import type { CatalogueEntry } from './catalogue-entry';
import { validateCatalogue } from './validate-catalogue';

const at = (line: number) => ({ line, label: `line ${line}` });
const title = (titleId: string, extra: Record<string, unknown> = {}) => ({ titleId, name: `書名 ${titleId}`, materialType: 'book', ...extra });
const copy = (copyId: string, titleId: string, extra: Record<string, unknown> = {}) => ({ copyId, titleId, locationId: 'central', loanable: true, ...extra });

describe('validating an import file before anything is sent', () => {
  it('merges the title columns repeated on each copy row into one title', () => {
    const plan = validateCatalogue([
      { source: at(2), title: title('T-1', { author: '夏目漱石' }), copy: copy('C-1', 'T-1') },
      { source: at(3), title: title('T-1', { author: '夏目漱石' }), copy: copy('C-2', 'T-1') },
    ]);
    expect(plan.titles).toEqual([{ source: at(2), body: { titleId: 'T-1', name: '書名 T-1', author: '夏目漱石', materialType: 'book' } }]);
    expect(plan.copies.map((planned) => planned.body.copyId)).toEqual(['C-1', 'C-2']);
    expect(plan.invalid).toEqual([]);
  });

  it('reports every bad field of every bad row with the API validation messages (I8), and sends nothing of those rows', () => {
    const plan = validateCatalogue([
      { source: at(2), title: title('T-1', { name: '', materialType: 'novel' }), copy: copy('C-1', 'T-1') },
      { source: at(3), title: title('T-2'), copy: copy('C-2', 'T-2', { loanable: 'maybe', locationId: '' }) },
      { source: at(4), title: { ...title('T-3'), isbn: '978-4' } },
    ]);
    expect(plan.titles).toEqual([]);
    expect(plan.copies).toEqual([]);
    expect(plan.invalid).toEqual([
      {
        source: at(2),
        problems: [
          { field: 'name', messages: ['name must be longer than or equal to 1 characters'] },
          { field: 'materialType', messages: ['materialType must be one of book, magazine, audiovisual, in-library-video, reference'] },
        ],
      },
      {
        source: at(3),
        problems: [
          { field: 'locationId', messages: ['locationId must be 1-64 letters, digits, ".", "_" or "-"'] },
          { field: 'loanable', messages: ['loanable must be a boolean value'] },
        ],
      },
      { source: at(4), problems: [{ field: 'isbn', messages: ['property isbn should not exist'] }] },
    ]);
  });

  it('refuses a later row that gives a title or a copy other data than the first one did', () => {
    const plan = validateCatalogue([
      { source: at(2), title: title('T-1'), copy: copy('C-1', 'T-1') },
      { source: at(3), title: title('T-1', { name: '別の書名' }), copy: copy('C-2', 'T-1') },
      { source: at(4), title: title('T-1'), copy: copy('C-1', 'T-1', { loanable: false }) },
      { source: at(5), title: title('T-1'), copy: copy('C-1', 'T-1') },
    ]);
    expect(plan.copies.map((planned) => planned.body.copyId)).toEqual(['C-1']);
    expect(plan.invalid).toEqual([
      { source: at(3), problems: [{ field: 'name', messages: ['"別の書名" here, but "書名 T-1" at line 2 for the same id'] }] },
      { source: at(4), problems: [{ field: 'loanable', messages: ['false here, but true at line 2 for the same id'] }] },
    ]);
  });

  it('refuses a copy listed apart whose title the file gives only in refused entries, naming where', () => {
    const entries: CatalogueEntry[] = [
      { source: { line: 3, label: 'titles[0] (line 3)' }, title: title('T-1', { materialType: 'scroll' }) },
      { source: { line: 6, label: 'copies[0] (line 6)' }, copy: copy('C-1', 'T-1') },
      { source: { line: 7, label: 'copies[1] (line 7)' }, copy: copy('C-2', 'T-9') },
    ];
    const plan = validateCatalogue(entries);
    expect(plan.copies.map((planned) => planned.body.copyId)).toEqual(['C-2']);
    expect(plan.invalid[1]).toEqual({
      source: { line: 6, label: 'copies[0] (line 6)' },
      problems: [{ field: 'titleId', messages: ['title T-1 is refused at titles[0] (line 3)'] }],
    });
  });
});
