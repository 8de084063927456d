import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { matchesAllFilter, serverFilter } from './all-filter';

const holdReady = { type: 'HoldReady', streamId: 'holds-t-1' };
const noCheckpoints = () => undefined;

describe('EventStoreDB $all filter', () => {
  it('narrows server-side by event type when types are named, else by stream prefix, else drops system events', () => {
    expect(serverFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['holds-'] }, noCheckpoints)).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['HoldReady'],
    });
    expect(serverFilter({ eventTypes: [], streamPrefixes: ['holds-'] }, noCheckpoints)).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['holds-'],
    });
    expect(serverFilter(undefined, noCheckpoints)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });

  it('matches exact type names client-side, where the server only matched prefixes', () => {
    expect(matchesAllFilter({ eventTypes: ['HoldReady'] }, holdReady)).toBe(true);
    expect(matchesAllFilter({ eventTypes: ['Hold'] }, holdReady)).toBe(false);
  });

  it('needs both fields to match, and an empty list does not restrict', () => {
    expect(matchesAllFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['holds-'] }, holdReady)).toBe(true);
    expect(matchesAllFilter({ eventTypes: ['HoldReady'], streamPrefixes: ['copy-'] }, holdReady)).toBe(false);
    expect(matchesAllFilter({ eventTypes: [], streamPrefixes: [] }, holdReady)).toBe(true);
  });

  it('never lets system events through', () => {
    expect(matchesAllFilter(undefined, { type: '$metadata', streamId: '$$holds-t-1' })).toBe(false);
    expect(matchesAllFilter({ streamPrefixes: ['$$holds-'] }, { type: '$metadata', streamId: '$$holds-t-1' })).toBe(false);
  });
});
