import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createEmbeddedVectorStore } from "../../src/vector-store/embedded/embedded-vector-store.ts";
import { describeVectorStoreContract } from "./vector-store-contract.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describeVectorStoreContract("embedded", async () => {
  const dir = await mkdtemp(join(tmpdir(), "wwhd-contract-"));
  dirs.push(dir);
  return createEmbeddedVectorStore({ dir });
});
