import { parseArgs } from "node:util";
import type { Namespace } from "@wwhd/core/domain/namespace.ts";
import { listDocumentFiles } from "@wwhd/core/ingestion/document-files.ts";
import { createDocumentIngester } from "@wwhd/core/ingestion/document-ingester.ts";
import { readDocuments } from "@wwhd/core/ingestion/read-documents.ts";
import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { chunkDocument } from "@wwhd/core/retrieval/chunker.ts";
import { SingleBar } from "cli-progress";

export interface IngestCliDeps {
  embedder: Embedder;
  store: VectorStore;
  namespaces: readonly Namespace[];
  stdout: NodeJS.WritableStream;
  /** Progress bar and errors. */
  stderr: NodeJS.WritableStream;
}

export const INGEST_USAGE = "usage: wwhd ingest <files or folders...> [--namespace <id>]";

/**
 * `wwhd ingest <paths...> [--namespace x]`: markdown, text and PDF files (folders are walked).
 * Every file is validated first; if any is bad, the errors are printed and nothing is ingested.
 * Returns the process exit code: 0 done, 1 bad files or a failure, 2 bad usage.
 */
export async function runIngestCli(argv: readonly string[], deps: IngestCliDeps): Promise<number> {
  let parsed: ReturnType<typeof parseIngestArgs>;
  try {
    parsed = parseIngestArgs(argv);
  } catch (error) {
    deps.stderr.write(`${(error as Error).message}\n${INGEST_USAGE}\n`);
    return 2;
  }

  const paths: string[] = [];
  for (const path of parsed.paths) {
    try {
      paths.push(...(await listDocumentFiles(path)));
    } catch {
      deps.stderr.write(`${path}: no such file or folder\n`);
      return 1;
    }
  }
  const ids = deps.namespaces.map((ns) => ns.id);
  const { documents, failures } = await readDocuments(paths, () => ({
    namespaces: ids,
    namespace: parsed.namespace,
  }));
  for (const failure of failures) deps.stderr.write(`✗ ${failure.message} [${failure.code}]\n`);
  if (failures.length > 0) {
    deps.stderr.write(`${failures.length} bad file(s): nothing was ingested.\n`);
    return 1;
  }
  if (documents.length === 0) {
    deps.stderr.write(`no markdown, text or PDF files found\n${INGEST_USAGE}\n`);
    return 1;
  }

  const totalChunks = documents.reduce((sum, d) => sum + chunkDocument(d).length, 0);
  const bar = new SingleBar({
    stream: deps.stderr,
    format: "ingesting [{bar}] {value}/{total} chunks | {document}",
    hideCursor: true,
  });
  bar.start(totalChunks, 0, { document: "" });
  let finished = 0;
  const ingester = createDocumentIngester({
    embedder: deps.embedder,
    store: deps.store,
    onProgress: (p) => bar.update(finished + p.chunksEmbedded, { document: p.documentId }),
  });
  // Lines are printed after the bar stops: writing while it redraws would garble both.
  const done: string[] = [];
  try {
    await deps.store.ensureCollections();
    for (const document of documents) {
      const { chunks } = await ingester.ingest(document);
      finished += chunks;
      done.push(`✓ ${document.documentId} (${chunks} chunks)\n`);
    }
  } catch (error) {
    bar.stop();
    deps.stdout.write(done.join(""));
    deps.stderr.write(`ingestion failed: ${(error as Error).message}\n`);
    return 1;
  }
  bar.stop();
  deps.stdout.write(done.join(""));
  deps.stdout.write(`${documents.length} document(s), ${finished} chunks ingested.\n`);
  return 0;
}

function parseIngestArgs(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { namespace: { type: "string", short: "n" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new Error("no files given");
  return { paths: positionals, namespace: values.namespace };
}
