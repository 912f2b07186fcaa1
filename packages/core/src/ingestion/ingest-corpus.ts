import { relative, sep } from "node:path";
import type { Namespace } from "../domain/namespace.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { Logger } from "../ports/logger.ts";
import type { VectorStore } from "../ports/vector-store.ts";
import {
  type CorpusManifest,
  forgetManifest,
  readManifest,
  writeManifest,
} from "./corpus-manifest.ts";
import { listDocumentFiles } from "./document-files.ts";
import { createDocumentIngester, type IngestProgress } from "./document-ingester.ts";
import { type DocumentFailure, readDocuments } from "./read-documents.ts";

/** Bump when chunking, sparse encoding or indexed text change: every document is re-ingested. */
export const INDEX_VERSION = "chunks-v2";

export interface IngestCorpusOptions {
  /** `<dir>/<namespace>/<slug>.md`; the folder names the namespace. */
  dir: string;
  namespaces: readonly Namespace[];
  embedder: Embedder;
  store: VectorStore;
  /** Where the record of the last build lives (next to the embedded index). */
  manifestFile: string;
  logger?: Logger;
  onProgress?: (progress: IngestProgress) => void;
}

export interface CorpusReport {
  ingested: string[];
  unchanged: number;
  removed: string[];
  failed: DocumentFailure[];
  chunks: number;
  rebuilt: boolean;
}

/** The folder right under the corpus root names the namespace; top-level files use frontmatter. */
function folderNamespace(dir: string, path: string): string | undefined {
  const parts = relative(dir, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/**
 * Brings the knowledge collection in line with the corpus folder: re-ingests new and changed
 * documents, removes deleted ones, and rebuilds everything when the embedder or the index
 * format changed or the index was lost. With nothing changed it only reads and hashes files.
 * A bad file is reported and skipped; it never stops the rest of the corpus.
 */
export async function ingestCorpus(options: IngestCorpusOptions): Promise<CorpusReport> {
  const ids = options.namespaces.map((ns) => ns.id);
  const { documents, failures } = await readDocuments(
    await listDocumentFiles(options.dir),
    (path) => ({ namespaces: ids, namespace: folderNamespace(options.dir, path) }),
  );
  for (const failure of failures)
    options.logger?.warn("corpus document skipped", {
      code: failure.code,
      reason: failure.message,
    });

  await options.store.ensureCollections();
  const previous = await readManifest(options.manifestFile);
  const reusable =
    previous?.embedderId === options.embedder.id &&
    previous.indexVersion === INDEX_VERSION &&
    (await options.store.count("knowledge")) > 0;
  const known = reusable ? previous.documents : {};
  const current = new Map(documents.map((d) => [d.documentId, d]));
  const changed = documents.filter((d) => known[d.documentId] !== d.contentHash);
  const removed = Object.keys(known).filter((id) => !current.has(id));
  const manifest: CorpusManifest = {
    indexVersion: INDEX_VERSION,
    embedderId: options.embedder.id,
    documents: Object.fromEntries(documents.map((d) => [d.documentId, d.contentHash])),
  };
  const report: CorpusReport = {
    ingested: changed.map((d) => d.documentId),
    unchanged: documents.length - changed.length,
    removed,
    failed: failures,
    chunks: 0,
    rebuilt: !reusable,
  };
  if (reusable && changed.length === 0 && removed.length === 0) return report;

  await forgetManifest(options.manifestFile);
  if (!reusable) await options.store.delete("knowledge", {});
  const ingester = createDocumentIngester({
    embedder: options.embedder,
    store: options.store,
    onProgress: options.onProgress,
  });
  for (const document of changed) report.chunks += (await ingester.ingest(document)).chunks;
  for (const documentId of removed) await ingester.remove(documentId);
  await writeManifest(options.manifestFile, manifest);
  return report;
}
