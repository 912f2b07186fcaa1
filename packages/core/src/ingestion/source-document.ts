/** A document ready to be chunked: parsed, validated, with a stable id. */
export interface SourceDocument {
  /** `<namespace>/<slug>`. */
  documentId: string;
  namespace: string;
  title: string;
  tags: string[];
  /** Markdown or plain text; headings, when present, become sections. */
  text: string;
  /** Hash of the raw file: a document whose hash did not change is not re-ingested. */
  contentHash: string;
}
