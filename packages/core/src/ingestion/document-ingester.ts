import type { Embedder } from "../ports/embedder.ts";
import type { VectorPoint, VectorStore } from "../ports/vector-store.ts";
import {
  type Chunk,
  type ChunkingOptions,
  chunkDocument,
  DEFAULT_CHUNKING,
} from "../retrieval/chunker.ts";
import { encodeSparseDocument } from "../retrieval/sparse-encoder.ts";
import type { SourceDocument } from "./source-document.ts";

export interface IngestProgress {
  documentId: string;
  chunksEmbedded: number;
  chunksTotal: number;
}

export interface IngesterOptions {
  embedder: Embedder;
  store: VectorStore;
  chunking?: ChunkingOptions;
  /** Texts per embedding request. */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export const DEFAULT_EMBEDDING_BATCH = 64;

/**
 * What a chunk is indexed as: its document's title, tags and section lead the text, so a
 * passage that never repeats its topic's name still matches questions about that topic.
 */
export function indexedText(document: SourceDocument, chunk: Chunk): string {
  const heading = chunk.section === document.title ? [] : [chunk.section];
  const tags = document.tags.length > 0 ? [document.tags.join(", ")] : [];
  return [document.title, ...tags, ...heading, chunk.text].join("\n");
}

/** Chunks, embeds (in batches) and stores documents in the `knowledge` collection. */
export function createDocumentIngester(options: IngesterOptions) {
  const batchSize = options.batchSize ?? DEFAULT_EMBEDDING_BATCH;

  const embedAll = async (document: SourceDocument, texts: string[]): Promise<number[][]> => {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await options.embedder.embed(texts.slice(start, start + batchSize))));
      options.onProgress?.({
        documentId: document.documentId,
        chunksEmbedded: vectors.length,
        chunksTotal: texts.length,
      });
    }
    if (vectors.length !== texts.length)
      throw new Error(`the embedder returned ${vectors.length} vectors for ${texts.length} texts`);
    return vectors;
  };

  return {
    /**
     * Replaces the document's chunks with freshly embedded ones. Everything that can fail
     * slowly (embedding) happens before the store is touched, so a failure changes nothing.
     */
    async ingest(document: SourceDocument): Promise<{ documentId: string; chunks: number }> {
      const chunks = chunkDocument(document, options.chunking ?? DEFAULT_CHUNKING);
      const texts = chunks.map((chunk) => indexedText(document, chunk));
      const vectors = await embedAll(document, texts);
      const points: VectorPoint[] = chunks.map((chunk, i) => ({
        id: chunk.id,
        dense: vectors[i] ?? [],
        sparse: encodeSparseDocument(texts[i] ?? ""),
        payload: {
          documentId: document.documentId,
          title: document.title,
          section: chunk.section,
          namespace: document.namespace,
          text: chunk.text,
          tags: document.tags,
          chunkIndex: chunk.index,
          contentHash: document.contentHash,
        },
      }));
      await options.store.delete("knowledge", { documentId: document.documentId });
      await options.store.upsert("knowledge", points);
      return { documentId: document.documentId, chunks: points.length };
    },

    remove: (documentId: string) => options.store.delete("knowledge", { documentId }),
  };
}
