import type { Clock } from "@wwhd/core/ports/clock.ts";

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse("2025-03-01T12:00:00.000Z")): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    set(ms) {
      now = ms;
    },
  };
}
