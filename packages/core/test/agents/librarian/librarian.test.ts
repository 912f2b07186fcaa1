import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLibrarian, type Librarian } from "../../../src/agents/librarian/librarian.ts";
import { createDocumentIngester } from "../../../src/ingestion/document-ingester.ts";
import type { SourceDocument } from "../../../src/ingestion/source-document.ts";
import type { Logger } from "../../../src/ports/logger.ts";
import { type VectorStore, VectorStoreError } from "../../../src/ports/vector-store.ts";
import { countTextTokens } from "../../../src/text/token-counter.ts";

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silent,
};

const doc = (documentId: string, title: string, text: string): SourceDocument => ({
  documentId,
  namespace: documentId.split("/")[0] ?? "",
  title,
  tags: [],
  text,
  contentHash: documentId,
});

const corpus = [
  doc(
    "meditation/breath-counting",
    "Breath Counting",
    "## Counting\nCount each out-breath from one to ten, then begin again at one.\n\n## Posture\nSit upright on a chair with both feet on the floor.",
  ),
  doc(
    "diet_food/green-tea",
    "Green Tea",
    "## Brewing\nBrew green tea leaves in water below boiling for two minutes.",
  ),
  doc(
    "relationships/listening",
    "Listening Without Fixing",
    "## Listening\nWhen your partner talks, listen fully before offering any advice or solutions.",
  ),
];

describe("Librarian", () => {
  let dir: string;
  let store: VectorStore;
  const embedder = createHashingEmbedder();
  let librarian: Librarian;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "wwhd-librarian-"));
    store = createEmbeddedVectorStore({ dir });
    const ingester = createDocumentIngester({ embedder, store });
    for (const d of corpus) await ingester.ingest(d);
    librarian = createLibrarian({ embedder, store, logger: silent });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("finds the passage that answers the question, with its citation", async () => {
    const result = await librarian.retrieve({
      query: "how do I count my breath?",
      namespaces: ["meditation"],
      userId: "u1",
    });
    expect(result.degraded).toBe(false);
    expect(result.passages[0]).toMatchObject({
      documentId: "meditation/breath-counting",
      title: "Breath Counting",
      section: "Counting",
      namespace: "meditation",
      origin: "knowledge",
    });
    expect(result.passages[0]?.chunkId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.passages[0]?.score).toBeGreaterThan(0);
  });

  it("searches only the namespaces it is given", async () => {
    const result = await librarian.retrieve({
      query: "brew green tea",
      namespaces: ["meditation", "relationships"],
      userId: "u1",
    });
    expect(result.passages.every((p) => p.namespace !== "diet_food")).toBe(true);
  });

  it("returns nothing for a question unrelated to the corpus", async () => {
    const result = await librarian.retrieve({
      query: "quantum chromodynamics lattice",
      namespaces: [],
      userId: "u1",
    });
    expect(result).toEqual({ passages: [], degraded: false });
  });

  /** The real store with one operation failing as Qdrant's adapter fails when Qdrant is down. */
  const failingOn = (operation: "query" | "upsert"): VectorStore => ({
    ...store,
    [operation]: async () => {
      throw new VectorStoreError("connection refused");
    },
  });

  it("degrades instead of throwing when the store fails", async () => {
    const degraded = createLibrarian({ embedder, store: failingOn("query"), logger: silent });
    await expect(
      degraded.retrieve({ query: "breath", namespaces: [], userId: "u1" }),
    ).resolves.toEqual({ passages: [], degraded: true });
  });

  it("degrades when the store does not answer in time", async () => {
    const hanging: VectorStore = { ...store, query: () => new Promise(() => {}) };
    const slow = createLibrarian({
      embedder,
      store: hanging,
      logger: silent,
      options: { timeoutMs: 20 },
    });
    await expect(slow.retrieve({ query: "breath", namespaces: [], userId: "u1" })).resolves.toEqual(
      { passages: [], degraded: true },
    );
  });

  describe("conversation memory", () => {
    const exchange = (userId: string, turnId: string, question: string, answer: string) => ({
      userId,
      sessionId: `s-${userId}`,
      turnId,
      question,
      answer,
    });

    it("recalls the user's own past exchange alongside knowledge", async () => {
      await librarian.remember(
        exchange("alice", "t1", "My bonsai juniper is losing needles", "Water it less often."),
      );
      const result = await librarian.retrieve({
        query: "why is my bonsai juniper losing needles?",
        namespaces: [],
        userId: "alice",
      });
      const memory = result.passages.filter((p) => p.origin === "memory");
      expect(memory).toHaveLength(1);
      expect(memory[0]?.text).toContain("Water it less often.");
      expect(memory[0]?.namespace).toBe("memory");
    });

    it("never returns another user's memory", async () => {
      await librarian.remember(
        exchange("alice", "t1", "My bonsai juniper is losing needles", "Water it less often."),
      );
      const result = await librarian.retrieve({
        query: "bonsai juniper losing needles",
        namespaces: [],
        userId: "bob",
      });
      expect(result.passages.filter((p) => p.origin === "memory")).toEqual([]);
    });

    it("remembering the same turn twice keeps one entry", async () => {
      const turn = exchange("alice", "t1", "bonsai question", "bonsai answer");
      await librarian.remember(turn);
      await librarian.remember(turn);
      expect(await store.count("memory", { userId: "alice" })).toBe(1);
    });

    it("forgets everything of one user and nothing of another", async () => {
      await librarian.remember(exchange("alice", "t1", "bonsai", "water less"));
      await librarian.remember(exchange("alice", "t2", "juniper", "more light"));
      await librarian.remember(exchange("bob", "t3", "bonsai", "repot in spring"));
      await librarian.forgetUser("alice");
      expect(await store.count("memory", { userId: "alice" })).toBe(0);
      expect(await store.count("memory", { userId: "bob" })).toBe(1);
    });

    it("does not throw when the memory cannot be stored", async () => {
      const flaky = createLibrarian({ embedder, store: failingOn("upsert"), logger: silent });
      await expect(flaky.remember(exchange("alice", "t1", "q", "a"))).resolves.toBeUndefined();
    });
  });

  it("keeps the passages within the token budget", async () => {
    const tight = createLibrarian({
      embedder,
      store,
      logger: silent,
      options: { maxContextTokens: 20 },
    });
    const result = await tight.retrieve({
      query: "breath posture chair",
      namespaces: [],
      userId: "u1",
    });
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.reduce((n, p) => n + countTextTokens(p.text), 0)).toBeLessThanOrEqual(
      20,
    );
  });

  it("embeds a repeated question once (query cache)", async () => {
    let calls = 0;
    const counting = {
      ...embedder,
      embed: (texts: string[]) => {
        calls += 1;
        return embedder.embed(texts);
      },
    };
    const cached = createLibrarian({ embedder: counting, store, logger: silent });
    await cached.retrieve({ query: "count my breath", namespaces: [], userId: "u1" });
    await cached.retrieve({ query: "count my breath", namespaces: ["meditation"], userId: "u2" });
    expect(calls).toBe(1);
  });
});
