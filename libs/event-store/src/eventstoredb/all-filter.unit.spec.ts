import { matchesAllFilter } from './all-filter';

const holdReady = { type: 'HoldReady', streamId: 'holds-t-1' };

describe('EventStoreDB $all filter', () => {
  it('matches exact type names', () => {
    expect(matchesAllFilter({ eventTypes: ['HoldPlaced', 'HoldReady'] }, holdReady)).toBe(true);
    expect(matchesAllFilter({ eventTypes: ['Hold'] }, holdReady)).toBe(false);
  });

  it('matches stream prefixes', () => {
    expect(matchesAllFilter({ streamPrefixes: ['copy-', 'holds-'] }, holdReady)).toBe(true);
    expect(matchesAllFilter({ streamPrefixes: ['patron-'] }, holdReady)).toBe(false);
  });

  it('needs both fields to match, and an empty list does not restrict', () => {
    expect(matchesAllFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['holds-'] }, holdReady)).toBe(true);
    expect(matchesAllFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['copy-'] }, holdReady)).toBe(false);
    expect(matchesAllFilter({ eventTypes: [], streamPrefixes: [] }, holdReady)).toBe(true);
    expect(matchesAllFilter(undefined, holdReady)).toBe(true);
  });

  it('never lets system events through', () => {
    expect(matchesAllFilter(undefined, { type: '$metadata', streamId: '$$holds-t-1' })).toBe(false);
    expect(matchesAllFilter({ streamPrefixes: ['$$holds-'] }, { type: '$metadata', streamId: '$$holds-t-1' })).toBe(false);
  });
});
