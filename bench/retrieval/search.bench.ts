/**
 * `npm run bench:retrieval`: figures for the embedded store with the offline embedder.
 *   - ingest throughput (chunk + embed + sparse-encode + upsert to disk), chunks/s
 *   - index load time when a process opens an existing index
 *   - store.query (one hybrid query, namespace pre-filter) p50/p99
 *   - Librarian.retrieve (embed + knowledge & memory queries + MMR + budget) p50/p99
 * at 1k, 10k and 100k synthetic chunks (`--sizes 1000,10000` to choose); and first how long
 * the start-up corpus sync takes on the real corpus, building and with nothing changed.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { createLibrarian } from "@wwhd/core/agents/librarian/librarian.ts";
import { createDocumentIngester } from "@wwhd/core/ingestion/document-ingester.ts";
import { ingestCorpus } from "@wwhd/core/ingestion/ingest-corpus.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import { encodeSparseQuery } from "@wwhd/core/retrieval/sparse-encoder.ts";
import { corpusDir, loadEvalQuestions, loadNamespaces } from "@wwhd/knowledge/index.ts";
import { NAMESPACES, syntheticDocuments } from "./synthetic-corpus.ts";

const QUERIES = 300;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "1000,10000,100000" } },
});
const sizes = (values.sizes ?? "").split(",").map(Number);

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: Number(at(0.5).toFixed(2)), p99: Number(at(0.99).toFixed(2)) };
}

async function timed(times: number, run: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

const embedder = createHashingEmbedder();

async function corpusSync(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "wwhd-bench-corpus-"));
  try {
    const namespaces = await loadNamespaces();
    const sync = async () => {
      const start = performance.now();
      const store = createEmbeddedVectorStore({ dir });
      const manifestFile = join(dir, "manifest.json");
      const report = await ingestCorpus({
        dir: corpusDir,
        namespaces,
        embedder,
        store,
        manifestFile,
      });
      return { ms: Math.round(performance.now() - start), chunks: report.chunks };
    };
    const build = await sync();
    const unchanged = await sync();
    console.log(
      `corpus sync: build ${build.chunks} chunks in ${build.ms} ms; nothing changed: ${unchanged.ms} ms\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await corpusSync();
const questions = (await loadEvalQuestions()).map((q) => q.question);
const rows: Record<string, number | string>[] = [];

for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), "wwhd-bench-"));
  try {
    const documents = await syntheticDocuments(corpusDir, size);
    const writer = createEmbeddedVectorStore({ dir });
    const ingester = createDocumentIngester({ embedder, store: writer });
    let chunks = 0;
    const ingestStart = performance.now();
    for (const document of documents) chunks += (await ingester.ingest(document)).chunks;
    const ingestSeconds = (performance.now() - ingestStart) / 1000;

    const store = createEmbeddedVectorStore({ dir });
    const loadStart = performance.now();
    await store.ensureCollections();
    const loadMs = performance.now() - loadStart;

    const queries = await Promise.all(
      questions.map(async (q, i) => ({
        dense: (await embedder.embed([q]))[0] ?? [],
        sparse: encodeSparseQuery(q),
        namespaces: [NAMESPACES[i % NAMESPACES.length] as string],
      })),
    );
    const query = (i: number) => queries[i % queries.length] as (typeof queries)[number];
    await timed(20, (i) => store.query("knowledge", { ...query(i), limit: 20 })); // warm-up
    const search = await timed(QUERIES, (i) =>
      store.query("knowledge", {
        ...query(i),
        filter: { namespaces: query(i).namespaces },
        limit: 20,
      }),
    );
    const librarian = createLibrarian({
      embedder,
      store,
      logger: silent,
      queryCache: { maxEntries: 1 },
    });
    const retrieve = await timed(QUERIES, (i) =>
      librarian.retrieve({
        query: questions[i % questions.length] ?? "",
        namespaces: query(i).namespaces,
        userId: "bench",
      }),
    );
    rows.push({
      chunks,
      "ingest chunks/s": Math.round(chunks / ingestSeconds),
      "load ms": Math.round(loadMs),
      "query p50 ms": search.p50,
      "query p99 ms": search.p99,
      "retrieve p50 ms": retrieve.p50,
      "retrieve p99 ms": retrieve.p99,
    });
    console.log(rows.at(-1));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.table(rows);
