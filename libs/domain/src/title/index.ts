export * from './title-state';
export * from './title-commands';
export * from './queue';
export * from './loans';
export * from './title-decider';
