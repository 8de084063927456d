export * from './clock';
export * from './config/app-config';
export * from './config/load-config';
export * from './command-handling/handle-command';
export * from './event-store/open-event-store';
export * from './logging/logger';
export * from './request-context';
export * from './tokens';
