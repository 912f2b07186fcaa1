import type { Measure } from "./report.ts";

/** What one evaluation reports: its figures, a few summary lines, and the rows behind misses. */
export interface Evaluation {
  measures: Measure[];
  notes: string[];
  /** Printed only with `--verbose`: the prompts that missed, for reading, not for tuning. */
  details: string[];
}
