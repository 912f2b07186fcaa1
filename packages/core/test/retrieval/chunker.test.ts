import { describe, expect, it } from "vitest";
import { chunkDocument, windowSentences } from "../../src/retrieval/chunker.ts";
import { countTextTokens } from "../../src/text/token-counter.ts";

const markdown = `# Tea at Home

A cup of tea is a pause.

## Choosing leaves

Green tea is light. Black tea is strong.

## Brewing

\`\`\`
# not a heading inside a fence
\`\`\`
Water just off the boil.
`;

const sentence = (n: number) =>
  `Sentence number ${n} talks about breathing slowly and sitting still.`;

describe("chunker", () => {
  it("splits at headings and names each chunk's section", () => {
    const chunks = chunkDocument({
      documentId: "diet_food/tea",
      title: "Tea at Home",
      text: markdown,
    });
    expect(chunks.map((c) => c.section)).toEqual(["Tea at Home", "Choosing leaves", "Brewing"]);
    expect(chunks[2]?.text).toContain("# not a heading inside a fence");
    expect(chunks.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it("derives ids from content, so re-chunking gives the same ids", () => {
    const source = { documentId: "diet_food/tea", title: "Tea at Home", text: markdown };
    const first = chunkDocument(source).map((c) => c.id);
    expect(chunkDocument(source).map((c) => c.id)).toEqual(first);
    const edited = chunkDocument({ ...source, text: markdown.replace("strong", "bold") });
    expect(edited.map((c) => c.id)).not.toEqual(first);
    expect(edited[0]?.id).toBe(first[0]); // untouched sections keep their ids
    expect(new Set(first).size).toBe(first.length);
  });

  it("windows long sections by sentences within the token limit, with overlap", () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    const windows = windowSentences(text, { maxTokens: 80, overlapTokens: 20 });
    expect(windows.length).toBeGreaterThan(4);
    for (const w of windows) expect(countTextTokens(w)).toBeLessThanOrEqual(80);
    for (let i = 1; i < windows.length; i++) {
      const lastOfPrevious = windows[i - 1]?.split(". ").at(-1) ?? "";
      expect(windows[i]).toContain(lastOfPrevious.replace(/\.$/, ""));
    }
    expect(windows.join(" ")).toContain(sentence(39));
  });

  it("cuts a sentence longer than a chunk at token boundaries", () => {
    const monster = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    const windows = windowSentences(monster, { maxTokens: 50, overlapTokens: 10 });
    expect(windows.length).toBeGreaterThan(3);
    for (const w of windows) expect(countTextTokens(w)).toBeLessThanOrEqual(50);
  });
});
