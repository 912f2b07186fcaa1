/**
 * `npm run eval:retrieval`: retrieval quality of the offline stack (hashing embedder, embedded
 * store) over the labelled questions — recall@5, MRR and nDCG@10 at document level — for
 * hybrid, dense-only and sparse-only retrieval, first over the whole corpus, then pre-filtered
 * to the namespaces the local Router picks (the path a chat turn takes), and last through the
 * Librarian itself (Router namespaces, similarity threshold, MMR, at most 5 passages).
 * `--misses` lists the questions whose relevant documents hybrid retrieval left out of the top 5.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { createLibrarian } from "@wwhd/core/agents/librarian/librarian.ts";
import { createLocalRouter } from "@wwhd/core/agents/router/local-router.ts";
import { ingestCorpus } from "@wwhd/core/ingestion/ingest-corpus.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { HybridQuery, VectorFilter } from "@wwhd/core/ports/vector-store.ts";
import {
  ndcgAt,
  rankDocuments,
  recallAt,
  reciprocalRank,
} from "@wwhd/core/retrieval/ranking-metrics.ts";
import { encodeSparseQuery } from "@wwhd/core/retrieval/sparse-encoder.ts";
import { corpusDir, loadEvalQuestions, loadNamespaces } from "@wwhd/knowledge/index.ts";

/** Chunks fetched per question: enough to rank 10 distinct documents. */
const CHUNKS_PER_QUERY = 40;
const MODES = ["hybrid", "dense", "sparse"] as const;
const round = (x: number) => Number(x.toFixed(3));
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

interface Totals {
  recall: number;
  mrr: number;
  ndcg: number;
}

function score(totals: Totals, ranked: string[], relevantIds: string[]): number {
  const relevant = new Set(relevantIds);
  const recall = recallAt(ranked, relevant, 5);
  totals.recall += recall;
  totals.mrr += reciprocalRank(ranked, relevant);
  totals.ndcg += ndcgAt(ranked, relevant, 10);
  return recall;
}

const row = (retrieval: string, filter: string, totals: Totals, n: number) => ({
  retrieval,
  "namespace filter": filter,
  "recall@5": round(totals.recall / n),
  MRR: round(totals.mrr / n),
  "nDCG@10": round(totals.ndcg / n),
});

const dir = await mkdtemp(join(tmpdir(), "wwhd-eval-"));
try {
  const embedder = createHashingEmbedder();
  const store = createEmbeddedVectorStore({ dir });
  const namespaces = await loadNamespaces();
  const build = await ingestCorpus({
    dir: corpusDir,
    namespaces,
    embedder,
    store,
    manifestFile: join(dir, "manifest.json"),
  });
  const questions = await loadEvalQuestions();
  console.log(
    `corpus: ${build.ingested.length} documents, ${build.chunks} chunks; ${questions.length} questions; embedder ${embedder.id}\n`,
  );

  const router = createLocalRouter({ namespaces, embedder });
  const prepared = await Promise.all(
    questions.map(async (q) => {
      const route = await router.route({ message: q.question });
      const routed = route.needsRetrieval ? route.namespaces.map((ns) => ns.id) : [];
      const [dense = []] = await embedder.embed([q.question]);
      return { ...q, dense, sparse: encodeSparseQuery(q.question), routed };
    }),
  );

  const rows: Record<string, string | number>[] = [];
  const misses: string[] = [];
  for (const filter of ["none", "local router"] as const) {
    for (const using of MODES) {
      const totals = { recall: 0, mrr: 0, ndcg: 0 };
      for (const q of prepared) {
        const namespaceFilter: VectorFilter | undefined =
          filter === "local router" && q.routed.length > 0 ? { namespaces: q.routed } : undefined;
        const query: HybridQuery = {
          dense: q.dense,
          sparse: q.sparse,
          limit: CHUNKS_PER_QUERY,
          prefetchLimit: CHUNKS_PER_QUERY,
          using,
          filter: namespaceFilter,
        };
        const ranked = rankDocuments(
          (await store.query("knowledge", query)).map((hit) => hit.payload.documentId),
        );
        const recall = score(totals, ranked, q.relevant);
        if (using === "hybrid" && recall < 1)
          misses.push(
            `[${filter}] ${q.id} ${JSON.stringify(q.question)} -> ${ranked.slice(0, 5).join(", ")}`,
          );
      }
      rows.push(row(using, filter, totals, prepared.length));
    }
  }
  const librarian = createLibrarian({ embedder, store, logger: silent });
  const totals = { recall: 0, mrr: 0, ndcg: 0 };
  for (const q of prepared) {
    const { passages } = await librarian.retrieve({
      query: q.question,
      namespaces: q.routed,
      userId: "eval",
    });
    score(totals, rankDocuments(passages.map((p) => p.documentId)), q.relevant);
  }
  rows.push(row("librarian", "local router", totals, prepared.length));
  console.table(rows);
  if (process.argv.includes("--misses")) console.log(`hybrid misses:\n  ${misses.join("\n  ")}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
