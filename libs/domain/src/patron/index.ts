export * from './patron-state';
export * from './patron-commands';
export * from './eligibility';
export * from './patron-decider';
