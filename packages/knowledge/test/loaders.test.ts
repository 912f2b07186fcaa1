import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalQuestions, loadNamespaces } from "../src/index.ts";

describe("knowledge loaders", () => {
  it("loads the namespaces, the general fallback among them", async () => {
    const namespaces = await loadNamespaces();
    expect(namespaces.map((ns) => ns.id)).toContain("general");
    expect(namespaces.length).toBeGreaterThanOrEqual(8);
  });

  it("loads labelled questions whose relevant documents are namespaced ids", async () => {
    const questions = await loadEvalQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const q of questions)
      for (const id of q.relevant) expect(id).toMatch(/^[a-z_]+\/[a-z0-9-]+$/);
  });

  it("names the file and the field when namespaces.json is invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wwhd-ns-"));
    try {
      const path = join(dir, "namespaces.json");
      await writeFile(
        path,
        JSON.stringify([{ id: "Bad Id", title: "x", description: "x", keywords: [] }]),
      );
      await expect(loadNamespaces(path)).rejects.toThrow(/namespaces\.json: 0\.id/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
