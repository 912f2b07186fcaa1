import { createHash } from "node:crypto";
import { extname } from "node:path";
import { ZodError } from "zod";
import { slugFromFileName, titleFromFileName } from "./document-name.ts";
import { parseFrontmatter } from "./frontmatter.ts";
import { IngestionError } from "./ingestion-error.ts";
import { pdfText } from "./pdf-text.ts";
import type { SourceDocument } from "./source-document.ts";

export interface DocumentFile {
  /** File name (a path is fine): gives the slug, the type and, without frontmatter, the title. */
  name: string;
  bytes: Uint8Array;
}

export interface ParseOptions {
  /** Namespace ids that exist. */
  namespaces: readonly string[];
  /** Overrides the frontmatter's namespace (CLI `--namespace`, admin upload field). */
  namespace?: string;
  maxBytes?: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const TYPES: Record<string, "markdown" | "text" | "pdf"> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".pdf": "pdf",
};

const PDF_MAGIC = "%PDF-";

function decodeText(file: DocumentFile): string {
  const text = (() => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      return undefined;
    }
  })();
  if (text === undefined || text.includes("\u0000"))
    throw new IngestionError("binary", file.name, "the file is not UTF-8 text");
  return text;
}

async function extractPdf(file: DocumentFile): Promise<string> {
  const magic = new TextDecoder().decode(file.bytes.subarray(0, PDF_MAGIC.length));
  if (magic !== PDF_MAGIC) throw new IngestionError("unreadable_pdf", file.name, "not a PDF file");
  try {
    return await pdfText(file.bytes);
  } catch (error) {
    throw new IngestionError("unreadable_pdf", file.name, "the PDF cannot be read", {
      cause: error,
    });
  }
}

function readMarkdown(file: DocumentFile) {
  try {
    return parseFrontmatter(decodeText(file));
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    const detail = error instanceof ZodError ? error.issues[0]?.message : (error as Error).message;
    throw new IngestionError("invalid_frontmatter", file.name, `bad frontmatter: ${detail}`, {
      cause: error,
    });
  }
}

const firstHeading = (markdown: string) => /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();

/**
 * Turns an uploaded or on-disk file into a `SourceDocument`, or throws an `IngestionError`
 * saying exactly what is wrong (too large, binary, empty, unknown namespace, ...).
 */
export async function parseDocumentFile(
  file: DocumentFile,
  options: ParseOptions,
): Promise<SourceDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (file.bytes.length === 0) throw new IngestionError("empty", file.name, "the file is empty");
  if (file.bytes.length > maxBytes)
    throw new IngestionError(
      "too_large",
      file.name,
      `${file.bytes.length} bytes, the limit is ${maxBytes}`,
    );
  const type = TYPES[extname(file.name).toLowerCase()];
  if (!type)
    throw new IngestionError(
      "unsupported_type",
      file.name,
      `only ${Object.keys(TYPES).join(", ")} files can be ingested`,
    );

  const { data, body } =
    type === "markdown"
      ? readMarkdown(file)
      : { data: {}, body: type === "pdf" ? await extractPdf(file) : decodeText(file) };

  if (!/[\p{L}\p{N}]/u.test(body))
    throw new IngestionError("empty", file.name, "the document has no text");
  const namespace = options.namespace ?? data.namespace;
  if (!namespace || !options.namespaces.includes(namespace))
    throw new IngestionError(
      "unknown_namespace",
      file.name,
      namespace
        ? `unknown namespace "${namespace}" (known: ${options.namespaces.join(", ")})`
        : "no namespace given (frontmatter `namespace:` or --namespace)",
    );

  return {
    documentId: `${namespace}/${slugFromFileName(file.name)}`,
    namespace,
    title: data.title ?? firstHeading(body) ?? titleFromFileName(file.name),
    tags: data.tags ?? [],
    text: body,
    contentHash: createHash("sha256").update(file.bytes).digest("hex"),
  };
}
