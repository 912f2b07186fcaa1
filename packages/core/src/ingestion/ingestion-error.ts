export type IngestionErrorCode =
  | "empty"
  | "binary"
  | "too_large"
  | "unsupported_type"
  | "unknown_namespace"
  | "invalid_frontmatter"
  | "unreadable_pdf";

/** A document that cannot be ingested. Nothing is written to the store when this is thrown. */
export class IngestionError extends Error {
  readonly code: IngestionErrorCode;
  readonly source: string;

  constructor(code: IngestionErrorCode, source: string, message: string, options?: ErrorOptions) {
    super(`${source}: ${message}`, options);
    this.name = "IngestionError";
    this.code = code;
    this.source = source;
  }
}
