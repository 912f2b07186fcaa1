import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";

/**
 * The third-party evaluation sets live beside the repository, never inside it. `WWHD_BENCH_DATA`
 * points elsewhere; the default is `../shared/bench-data` from the repository root.
 */
const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const BENCH_DATA = process.env.WWHD_BENCH_DATA ?? resolve(REPO_ROOT, "../shared/bench-data");

export function readCsv<Row>(relativePath: string): Row[] {
  return parse(readFileSync(join(BENCH_DATA, relativePath), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];
}

export function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(BENCH_DATA, relativePath), "utf8")) as T;
}
