/** The few logging calls the runner makes; a pino logger fits. */
export interface ProjectionLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLogger: ProjectionLogger = { info() {}, warn() {}, error() {} };
