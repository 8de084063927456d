export * from './copy-registry-decider';
