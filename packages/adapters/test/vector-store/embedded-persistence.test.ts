import { appendFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VectorPoint } from "@wwhd/core/ports/vector-store.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedVectorStore } from "../../src/vector-store/embedded/embedded-vector-store.ts";

const point = (id: string, dense: number[], namespace = "meditation"): VectorPoint => ({
  id,
  dense,
  sparse: { indices: [7, 11], values: [1.2, 0.4] },
  payload: {
    documentId: `${namespace}/${id}`,
    title: id,
    section: "s",
    namespace,
    text: `text ${id}`,
  },
});

describe("embedded vector store on disk", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "wwhd-embedded-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("reloads points, vectors and payloads written by another instance", async () => {
    const first = createEmbeddedVectorStore({ dir });
    await first.upsert("knowledge", [point("a", [1, 0, 0]), point("b", [0.6, 0.8, 0])]);
    await first.upsert("memory", [point("m", [0, 0, 1], "memory")]);

    const second = createEmbeddedVectorStore({ dir });
    expect(await second.count("knowledge")).toBe(2);
    expect(await second.count("memory")).toBe(1);
    const hits = await second.query("knowledge", {
      dense: [0, 1, 0],
      sparse: { indices: [], values: [] },
      limit: 2,
      using: "dense",
      withVectors: true,
    });
    expect(hits.map((h) => h.id)).toEqual(["b", "a"]);
    expect(hits[0]?.score).toBeCloseTo(0.8, 5);
    expect(hits[0]?.dense?.[1]).toBeCloseTo(0.8, 5);
    expect(hits[0]?.payload.text).toBe("text b");
  });

  it("persists deletions through the change log", async () => {
    const store = createEmbeddedVectorStore({ dir });
    await store.upsert("knowledge", [point("a", [1, 0]), point("b", [0, 1], "diet_food")]);
    await store.delete("knowledge", { namespaces: ["diet_food"] });
    expect(await createEmbeddedVectorStore({ dir }).count("knowledge")).toBe(1);
    expect(await readdir(dir)).toEqual(["knowledge.log"]);
  });

  it("folds the log into a snapshot once it grows, losing nothing", async () => {
    const store = createEmbeddedVectorStore({ dir, compactionBytes: 1 });
    await store.upsert("knowledge", [point("a", [1, 0]), point("b", [0, 1])]);
    await store.delete("knowledge", { documentId: "meditation/a" });
    await store.upsert("knowledge", [point("c", [1, 1])]);
    expect(await readdir(dir)).toContain("knowledge.index");
    const reopened = createEmbeddedVectorStore({ dir });
    expect(await reopened.count("knowledge")).toBe(2);
    expect(await reopened.count("knowledge", { documentId: "meditation/a" })).toBe(0);
  });

  it("replays a log written after the snapshot and ignores a torn last line", async () => {
    const first = createEmbeddedVectorStore({ dir, compactionBytes: 1 });
    await first.upsert("knowledge", [point("a", [1, 0])]);
    const second = createEmbeddedVectorStore({ dir });
    await second.upsert("knowledge", [point("b", [0, 1])]);
    await appendFile(join(dir, "knowledge.log"), '{"op":"upsert","poi');
    const reopened = createEmbeddedVectorStore({ dir });
    expect(await reopened.count("knowledge")).toBe(2);
  });

  it("keeps concurrent changes in order", async () => {
    const store = createEmbeddedVectorStore({ dir });
    await Promise.all([
      store.upsert("knowledge", [point("a", [1, 0])]),
      store.delete("knowledge", { documentId: "meditation/a" }),
      store.upsert("knowledge", [point("b", [0, 1])]),
    ]);
    const reopened = createEmbeddedVectorStore({ dir });
    expect(await reopened.count("knowledge", { documentId: "meditation/a" })).toBe(0);
    expect(await reopened.count("knowledge")).toBe(1);
  });

  it("rejects vectors of another dimension with a VectorStoreError", async () => {
    const store = createEmbeddedVectorStore({ dir });
    await store.upsert("knowledge", [point("a", [1, 0, 0])]);
    await expect(store.upsert("knowledge", [point("b", [1, 0])])).rejects.toMatchObject({
      name: "VectorStoreError",
    });
  });

  it("reports a corrupt index file as a VectorStoreError and as down in health", async () => {
    await writeFile(join(dir, "knowledge.index"), "garbage");
    const store = createEmbeddedVectorStore({ dir });
    await expect(store.count("knowledge")).rejects.toMatchObject({ name: "VectorStoreError" });
    expect((await store.health()).status).toBe("down");
  });
});
