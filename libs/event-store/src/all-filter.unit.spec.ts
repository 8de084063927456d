import { matchesFilter } from './all-filter';

const holdReady = { type: 'HoldReady', streamId: 'holds-t-1' };

describe('$all filter', () => {
  it('lets everything through without a filter or with empty lists', () => {
    expect(matchesFilter(undefined, holdReady)).toBe(true);
    expect(matchesFilter({ eventTypes: [], streamPrefixes: [] }, holdReady)).toBe(true);
  });

  it('filters by event type', () => {
    expect(matchesFilter({ eventTypes: ['HoldPlaced', 'HoldReady'] }, holdReady)).toBe(true);
    expect(matchesFilter({ eventTypes: ['HoldPlaced'] }, holdReady)).toBe(false);
  });

  it('filters by stream prefix', () => {
    expect(matchesFilter({ streamPrefixes: ['copy-', 'holds-'] }, holdReady)).toBe(true);
    expect(matchesFilter({ streamPrefixes: ['patron-'] }, holdReady)).toBe(false);
  });

  it('needs both to match when both are given', () => {
    expect(matchesFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['holds-'] }, holdReady)).toBe(true);
    expect(matchesFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['copy-'] }, holdReady)).toBe(false);
  });
});
