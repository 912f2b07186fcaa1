/**
 * `npm run eval:safety`: measures the Safety agent's local engine on the third-party sets in
 * `../shared/bench-data` (or `WWHD_BENCH_DATA`) and prints one table with PASS or MISS per
 * target. It is a report, so it always exits 0. `--verbose` also lists the rows that missed.
 */

import { existsSync } from "node:fs";
import { BENCH_DATA } from "./bench-data.ts";
import { evaluateCorpusQuestions } from "./corpus-eval.ts";
import type { Evaluation } from "./evaluation.ts";
import { evaluateInjection } from "./injection-eval.ts";
import { evaluateMentalHealth } from "./mental-health-eval.ts";
import { evaluateXsTest } from "./over-refusal-eval.ts";
import { evaluatePii } from "./pii-eval.ts";
import { formatTable } from "./report.ts";
import { measureSpeed } from "./speed.ts";

if (!existsSync(BENCH_DATA)) {
  console.log(`No benchmark data at ${BENCH_DATA}: set WWHD_BENCH_DATA to its folder.`);
  process.exit(0);
}

const verbose = process.argv.includes("--verbose");
const started = performance.now();
const evaluations: Evaluation[] = [
  evaluateXsTest(),
  evaluatePii(),
  evaluateInjection(),
  evaluateMentalHealth(),
  evaluateCorpusQuestions(),
];
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(`Safety engine on ${BENCH_DATA} (${seconds} s)\n`);
console.log(formatTable(evaluations.flatMap((e) => e.measures)));
console.log(`\n${evaluations.flatMap((e) => e.notes).join("\n")}`);
console.log(`\n${measureSpeed().join("\n")}`);
console.log(
  "\nPII precision counts a detection as a false positive only when it overlaps no labelled span of any type; the strict figure above also counts detections inside another type's span.",
);
if (verbose) console.log(`\n${evaluations.flatMap((e) => e.details).join("\n")}`);
