/** The time source every domain rule uses, so tests can move through weeks in milliseconds. */
export interface Clock {
  now(): Date;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = "2026-01-05T15:00:00.000Z") {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Move forward by the given milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** `date` plus whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
