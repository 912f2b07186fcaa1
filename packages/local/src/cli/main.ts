#!/usr/bin/env node
import { resolve } from "node:path";
import { selectEmbedder, selectVectorStore } from "@wwhd/adapters/select/select-adapters.ts";
import { AdapterConfigSchema } from "@wwhd/core/config/adapter-config.ts";
import { ConfigError, parseEnv } from "@wwhd/core/config/parse-env.ts";
import { loadNamespaces } from "@wwhd/knowledge/index.ts";
import { INGEST_USAGE, runIngestCli } from "./ingest.ts";

/**
 * The `wwhd` command (composition root of the CLI). `wwhd ingest` writes into the vector store
 * the service is configured with; for the embedded index, stop the local server first (or use
 * `POST /v1/admin/documents`), since the server holds the index in memory.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "ingest") {
    process.stderr.write(`${INGEST_USAGE}\n`);
    return 2;
  }
  const config = parseEnv(AdapterConfigSchema, process.env);
  const embedder = selectEmbedder(config);
  const store = selectVectorStore(config, {
    dataDir: resolve(process.env.WWHD_DATA_DIR ?? ".wwhd"),
    embedder,
  });
  await store.ensureCollections();
  return runIngestCli(rest, {
    embedder,
    store,
    namespaces: await loadNamespaces(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
