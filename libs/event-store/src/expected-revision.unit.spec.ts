import { WrongExpectedVersionError } from './errors';
import type { ExpectedRevision } from './port';
import { checkExpectedRevision } from './expected-revision';

describe('expected revision check', () => {
  const cases: Array<[ExpectedRevision, number | undefined, boolean]> = [
    ['any', undefined, true],
    ['any', 3, true],
    ['no_stream', undefined, true],
    ['no_stream', 0, false],
    ['exists', 0, true],
    ['exists', undefined, false],
    [2, 2, true],
    [2, 3, false],
    [2, 1, false],
    [0, undefined, false],
  ];

  it.each(cases)('expected %p with last revision %p → accepted: %p', (expected, last, accepted) => {
    const check = () => checkExpectedRevision('holds-t-1', expected, last);
    if (accepted) {
      expect(check).not.toThrow();
    } else {
      expect(check).toThrow(WrongExpectedVersionError);
    }
  });

  it('names the stream, the expectation and the actual revision', () => {
    expect(() => checkExpectedRevision('holds-t-1', 'exists', undefined)).toThrow(
      expect.objectContaining({ streamId: 'holds-t-1', expected: 'exists', actual: 'no_stream' }),
    );
    expect(() => checkExpectedRevision('holds-t-1', 4, 6)).toThrow(expect.objectContaining({ expected: 4, actual: 6 }));
  });
});
