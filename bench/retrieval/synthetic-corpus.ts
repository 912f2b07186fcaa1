import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SourceDocument } from "@wwhd/core/ingestion/source-document.ts";
import { splitSentences } from "@wwhd/core/text/sentences.ts";

/**
 * Seeded PRNG (mulberry32): the same synthetic corpus on every run, so figures compare.
 * Four lines; a dependency would add nothing.
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every sentence of the real corpus: synthetic sections are shuffles of them. */
async function corpusSentences(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((e) => e.isFile() && e.name.endsWith(".md"))
      .map((e) => readFile(join(e.parentPath, e.name), "utf8")),
  );
  return texts.flatMap((text) =>
    splitSentences(text.replace(/^---[\s\S]*?---/, "").replace(/^#+ .*$/gm, "")),
  );
}

export const NAMESPACES = [
  "relationships",
  "meditation",
  "feng_shui",
  "diet_food",
  "money",
  "business",
];

/**
 * Synthetic documents of five sections of six real sentences each: realistic vocabulary and
 * chunk sizes (one chunk per section) at any scale.
 */
export async function syntheticDocuments(corpusDir: string, chunks: number, seed = 42) {
  const sentences = await corpusSentences(corpusDir);
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const documents: SourceDocument[] = [];
  const sectionsPerDocument = 5;
  for (let d = 0; d * sectionsPerDocument < chunks; d++) {
    const namespace = pick(NAMESPACES);
    const sections = Array.from(
      { length: sectionsPerDocument },
      (_, s) => `## Part ${s + 1}\n\n${Array.from({ length: 6 }, () => pick(sentences)).join(" ")}`,
    );
    documents.push({
      documentId: `${namespace}/synthetic-${d}`,
      namespace,
      title: `Synthetic document ${d}`,
      tags: [],
      text: sections.join("\n\n"),
      contentHash: String(d),
    });
  }
  return documents;
}
