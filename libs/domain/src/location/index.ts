export * from './location-state';
export * from './location-decider';
