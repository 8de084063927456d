export * from './local-date';
export * from './time-zone';
export * from './national-holidays';
export * from './open-days';
export * from './pickup-window';
export * from './calendar-problems';
