import { describe, expect, it } from "vitest";
import { createSentenceBuffer } from "../../../src/agents/safety/index.ts";

/** Feeds `text` in deltas of `size` characters and returns every sentence, flush included. */
function sentencesOf(text: string, size: number): string[] {
  const buffer = createSentenceBuffer();
  const sentences: string[] = [];
  for (let i = 0; i < text.length; i += size)
    sentences.push(...buffer.push(text.slice(i, i + size)));
  return [...sentences, ...buffer.flush()];
}

const ANSWER =
  "Sit tall, e.g. on a cushion. Dr. Chen suggests 2.5 minutes at first [1]. Then rest.[2] " +
  "Ready? Begin! Notice the breath. [3] Steps:\n1. Inhale.\n2. Exhale.\n\nThat's all (for now). Done";

describe("sentence buffer", () => {
  it.each([1, 2, 5, 13, 1000])("splits the same way whatever the delta size (%i)", (size) => {
    expect(sentencesOf(ANSWER, size)).toEqual([
      "Sit tall, e.g. on a cushion. ",
      "Dr. Chen suggests 2.5 minutes at first [1]. ",
      "Then rest.[2] ",
      "Ready? ",
      "Begin! ",
      "Notice the breath. [3] ",
      "Steps:\n",
      "1. Inhale.\n",
      "2. Exhale.\n\n",
      "That's all (for now). ",
      "Done",
    ]);
  });

  it("keeps every character, so the sentences read exactly like the stream", () => {
    expect(sentencesOf(ANSWER, 3).join("")).toBe(ANSWER);
  });

  it("releases nothing until the next sentence has begun", () => {
    const buffer = createSentenceBuffer();
    expect(buffer.push("Breathe out slowly.")).toEqual([]);
    expect(buffer.push(" ")).toEqual([]);
    expect(buffer.push("N")).toEqual(["Breathe out slowly. "]);
  });

  it("waits for a citation marker that may still belong to the sentence", () => {
    const buffer = createSentenceBuffer();
    expect(buffer.push("Rest well. [")).toEqual([]);
    expect(buffer.push("4] Then")).toEqual(["Rest well. [4] "]);
    expect(buffer.push(" walk. A")).toEqual(["Then walk. "]);
  });

  it("gives back an unfinished sentence on flush, and nothing twice", () => {
    const buffer = createSentenceBuffer();
    buffer.push("No full stop here");
    expect(buffer.flush()).toEqual(["No full stop here"]);
    expect(buffer.flush()).toEqual([]);
  });
});
