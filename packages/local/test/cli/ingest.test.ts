import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIngestCli } from "../../src/cli/ingest.ts";

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

const namespaces = ["meditation", "diet_food"].map((id) => ({
  id,
  title: id,
  description: id,
  keywords: [],
}));

describe("wwhd ingest", () => {
  let dir: string;
  let store: VectorStore;
  let stdout: ReturnType<typeof capture>;
  let stderr: ReturnType<typeof capture>;
  const run = (...argv: string[]) =>
    runIngestCli(argv, {
      embedder: createHashingEmbedder(),
      store,
      namespaces,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "wwhd-cli-"));
    store = createEmbeddedVectorStore({ dir: join(dir, "index") });
    stdout = capture();
    stderr = capture();
    await mkdir(join(dir, "docs"));
    await writeFile(
      join(dir, "docs", "tea.md"),
      "# Tea\n\n## Brewing\nBrew gently.\n\n## Cups\nSmall cups.",
    );
    await writeFile(join(dir, "docs", "rice.txt"), "Cook rice with twice its volume of water.");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("ingests every file of a folder into the given namespace", async () => {
    expect(await run(join(dir, "docs"), "--namespace", "diet_food")).toBe(0);
    expect(stdout.text()).toContain("✓ diet_food/tea (2 chunks)");
    expect(stdout.text()).toContain("✓ diet_food/rice (1 chunks)");
    expect(await store.count("knowledge", { namespaces: ["diet_food"] })).toBe(3);
  });

  it("is idempotent: ingesting the same files again keeps the same chunks", async () => {
    await run(join(dir, "docs"), "-n", "diet_food");
    await run(join(dir, "docs"), "-n", "diet_food");
    expect(await store.count("knowledge")).toBe(3);
  });

  it("ingests nothing when one of the files is bad, and says why", async () => {
    await writeFile(join(dir, "docs", "empty.md"), "");
    expect(await run(join(dir, "docs"), "--namespace", "diet_food")).toBe(1);
    expect(stderr.text()).toMatch(/empty\.md: the file is empty \[empty\]/);
    expect(await store.count("knowledge")).toBe(0);
  });

  it("rejects an unknown namespace", async () => {
    expect(await run(join(dir, "docs"), "--namespace", "cooking")).toBe(1);
    expect(stderr.text()).toContain('unknown namespace "cooking"');
  });

  it("prints usage for bad arguments", async () => {
    expect(await run()).toBe(2);
    expect(await run("--bogus", "x")).toBe(2);
    expect(stderr.text()).toContain("usage: wwhd ingest");
  });

  it("reports a path that does not exist", async () => {
    expect(await run(join(dir, "nope.md"), "-n", "diet_food")).toBe(1);
    expect(stderr.text()).toContain("no such file or folder");
  });
});
