export * from './staff-decider';
