import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Namespace } from "../../src/domain/namespace.ts";
import { ingestCorpus } from "../../src/ingestion/ingest-corpus.ts";
import type { Embedder } from "../../src/ports/embedder.ts";

const namespaces: Namespace[] = ["meditation", "diet_food"].map((id) => ({
  id,
  title: id,
  description: id,
  keywords: [],
}));

const markdown = (title: string, body: string) =>
  `---\ntitle: ${title}\nnamespace: meditation\ntags: [a, b]\n---\n\n# ${title}\n\n${body}\n`;

/** Counts the texts it embeds: the proof that unchanged documents are not re-embedded. */
function countingEmbedder(inner: Embedder) {
  const counter = { texts: 0 };
  const embedder: Embedder = {
    ...inner,
    embed: async (texts) => {
      counter.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return { embedder, counter };
}

describe("ingestCorpus", () => {
  let root: string;
  let corpus: string;
  let indexDir: string;

  const write = async (relativePath: string, content: string) => {
    await mkdir(join(corpus, relativePath, ".."), { recursive: true });
    await writeFile(join(corpus, relativePath), content);
  };
  const run = (embedder: Embedder) =>
    ingestCorpus({
      dir: corpus,
      namespaces,
      embedder,
      store: createEmbeddedVectorStore({ dir: indexDir }),
      manifestFile: join(indexDir, "corpus-manifest.json"),
    });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "wwhd-corpus-"));
    corpus = join(root, "corpus");
    indexDir = join(root, "index");
    await write("meditation/breath.md", markdown("Breath", "## Count\nCount the breath to ten."));
    await write("meditation/sitting.md", markdown("Sitting", "## Chair\nSit on a chair."));
    await write("diet_food/tea.txt", "Brew green tea gently.");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("builds the index, then skips unchanged documents on the next start", async () => {
    const { embedder, counter } = countingEmbedder(createHashingEmbedder());
    const first = await run(embedder);
    expect(first.ingested.sort()).toEqual([
      "diet_food/tea",
      "meditation/breath",
      "meditation/sitting",
    ]);
    expect(first.rebuilt).toBe(true);
    const embeddedFirst = counter.texts;
    expect(embeddedFirst).toBe(first.chunks);

    const second = await run(embedder);
    expect(second).toMatchObject({ ingested: [], unchanged: 3, rebuilt: false, chunks: 0 });
    expect(counter.texts).toBe(embeddedFirst);
  });

  it("re-ingests a changed document, replacing its old chunks, and drops deleted ones", async () => {
    const embedder = createHashingEmbedder();
    await run(embedder);
    await write("meditation/breath.md", markdown("Breath", "## Count\nCount to five only."));
    await rm(join(corpus, "meditation/sitting.md"));

    const report = await run(embedder);
    expect(report).toMatchObject({
      ingested: ["meditation/breath"],
      removed: ["meditation/sitting"],
    });
    const store = createEmbeddedVectorStore({ dir: indexDir });
    expect(await store.count("knowledge", { documentId: "meditation/sitting" })).toBe(0);
    const hits = await store.query("knowledge", {
      dense: (await embedder.embed(["count"]))[0] ?? [],
      sparse: { indices: [], values: [] },
      filter: { documentId: "meditation/breath" },
      limit: 10,
      using: "dense",
    });
    expect(hits.map((h) => h.payload.text)).toEqual(["Count to five only."]);
  });

  it("rebuilds everything when the embedder changes", async () => {
    await run(createHashingEmbedder({ dimensions: 64 }));
    const report = await run(createHashingEmbedder({ dimensions: 128 }));
    expect(report.rebuilt).toBe(true);
    expect(report.ingested).toHaveLength(3);
  });

  it("reports bad files and still ingests the rest", async () => {
    await write("meditation/empty.md", "");
    await write("cooking/unknown.md", "# Soup\n\nMake soup.");
    await write("meditation/binary.txt", "abc\u0000def");
    const report = await run(createHashingEmbedder());
    expect(report.failed.map((f) => f.code).sort()).toEqual([
      "binary",
      "empty",
      "unknown_namespace",
    ]);
    expect(report.ingested).toHaveLength(3);
  });
});
