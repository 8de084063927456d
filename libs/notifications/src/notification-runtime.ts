/** The few outside services the notification parts take, as plain shapes so the app can pass its own. */

/** "Now", from the app's injected clock, so tests move time. */
export interface NotificationClock {
  now(): Date;
}

/** A pino-style logger: fields first, then the message. */
export interface NotificationLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const systemClock: NotificationClock = { now: () => new Date() };

export const silentLogger: NotificationLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
