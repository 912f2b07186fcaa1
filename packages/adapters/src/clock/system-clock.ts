import type { Clock } from "@wwhd/core/ports/clock.ts";

export const systemClock: Clock = { now: () => Date.now() };
