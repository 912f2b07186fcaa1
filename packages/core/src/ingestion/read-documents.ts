import { readFile } from "node:fs/promises";
import { IngestionError, type IngestionErrorCode } from "./ingestion-error.ts";
import { type ParseOptions, parseDocumentFile } from "./parse-document-file.ts";
import type { SourceDocument } from "./source-document.ts";

export interface DocumentFailure {
  source: string;
  code: IngestionErrorCode;
  message: string;
}

/**
 * Reads and parses files, separating the good documents from the bad files (with the reason
 * for each) so callers decide what a bad file means: skipped at start-up, fatal in the CLI.
 */
export async function readDocuments(
  paths: readonly string[],
  optionsFor: (path: string) => ParseOptions,
): Promise<{ documents: SourceDocument[]; failures: DocumentFailure[] }> {
  const documents: SourceDocument[] = [];
  const failures: DocumentFailure[] = [];
  for (const path of paths) {
    try {
      const bytes = await readFile(path);
      documents.push(await parseDocumentFile({ name: path, bytes }, optionsFor(path)));
    } catch (error) {
      if (!(error instanceof IngestionError)) throw error;
      failures.push({ source: error.source, code: error.code, message: error.message });
    }
  }
  return { documents, failures };
}
