export * from './port';
export * from './errors';
export { LmdbEventStore, type LmdbEventStoreOptions } from './lmdb/lmdb-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
