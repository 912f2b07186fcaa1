import { createOutputScreen, screenInput } from "../../packages/core/src/agents/safety/index.ts";
import { readCsv, readJson } from "./bench-data.ts";

/** Mean wall time of `run` over `items`, after one warm-up pass (regexes compile lazily). */
function meanMilliseconds<T>(items: T[], run: (item: T) => unknown): number {
  for (const item of items) run(item);
  const started = performance.now();
  for (const item of items) run(item);
  return (performance.now() - started) / items.length;
}

/**
 * How long the engine takes: input screening per message (XSTest prompts) and output screening
 * per streamed sentence (presidio's sentences, pushed in 8-character deltas as a model would).
 */
export function measureSpeed(): string[] {
  const prompts = readCsv<{ prompt: string }>("safety/xstest_prompts.csv").map((r) => r.prompt);
  const sentences = readJson<{ full_text: string }[]>("pii/synth_dataset_v2.json").map(
    (s) => `${s.full_text} `,
  );
  const inputMs = meanMilliseconds(prompts, screenInput);
  const outputMs = meanMilliseconds(sentences, (sentence) => {
    const screen = createOutputScreen({ onDecision: () => {} });
    for (let i = 0; i < sentence.length; i += 8) screen.push(sentence.slice(i, i + 8));
    screen.flush();
  });
  return [
    `Speed: input screening ${inputMs.toFixed(3)} ms per message (${prompts.length} XSTest prompts); output screening ${outputMs.toFixed(3)} ms per sentence streamed in 8-character deltas (${sentences.length} presidio sentences)`,
  ];
}
