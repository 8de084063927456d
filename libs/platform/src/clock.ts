/**
 * The one source of "now". Everything that needs time gets it from here, so tests move time by replacing
 * the Clock provider, and libs/domain gets time only as data inside commands.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests set and move. */
export class AdjustableClock extends Clock {
  private current: number;

  constructor(start: Date | string) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advanceDays(days: number): void {
    this.current += days * 24 * 60 * 60 * 1000;
  }
}
