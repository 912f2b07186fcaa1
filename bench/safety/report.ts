/** One measured figure against its target. */
export interface Measure {
  name: string;
  value: number;
  /** "min": the value must reach the target; "max": it must not exceed it. */
  kind: "min" | "max";
  target: number;
  /** What the ratio counts, e.g. "180/200". */
  counts: string;
}

export const ratio = (hits: number, total: number): number => (total === 0 ? 1 : hits / total);

/** A measure that is the share `hits / total`, shown with its counts. */
export const share = (
  name: string,
  hits: number,
  total: number,
  goal: Pick<Measure, "kind" | "target">,
): Measure => ({ name, value: ratio(hits, total), counts: `${hits}/${total}`, ...goal });

/** "a 3, b 1": how many items fall under each key, for a summary line. */
export function countBy<T>(items: T[], key: (item: T) => string): string {
  const groups = Object.groupBy(items, key);
  return Object.entries(groups)
    .map(([name, members]) => `${name} ${members?.length ?? 0}`)
    .join(", ");
}

export const passes = (m: Measure): boolean =>
  m.kind === "min" ? m.value >= m.target : m.value <= m.target;

/** A plain-text table, one row per figure, with PASS or MISS. */
export function formatTable(measures: Measure[]): string {
  const rows = measures.map((m) => [
    m.name,
    m.value.toFixed(3),
    `${m.kind === "min" ? ">=" : "<="} ${m.target}`,
    m.counts,
    passes(m) ? "PASS" : "MISS",
  ]);
  const header = ["measure", "value", "target", "counts", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
