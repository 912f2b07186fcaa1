import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError } from "@wwhd/core/domain/app-error.ts";
import { createDocumentIngester } from "@wwhd/core/ingestion/document-ingester.ts";
import { IngestionError, type IngestionErrorCode } from "@wwhd/core/ingestion/ingestion-error.ts";
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  parseDocumentFile,
} from "@wwhd/core/ingestion/parse-document-file.ts";
import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { bodyLimit } from "hono/body-limit";
import { validationHook } from "../validation-hook.ts";

const STATUS: Record<IngestionErrorCode, 400 | 413 | 415 | 422> = {
  empty: 422,
  binary: 415,
  too_large: 413,
  unsupported_type: 415,
  unknown_namespace: 422,
  invalid_frontmatter: 422,
  unreadable_pdf: 422,
};

const ErrorSchema = z.object({ code: z.string(), message: z.string() });
const errors = Object.fromEntries(
  [400, 401, 403, 413, 415, 422].map((status) => [
    status,
    {
      description: "The document was not ingested; nothing changed",
      content: { "application/json": { schema: ErrorSchema } },
    },
  ]),
);

const upload = createRoute({
  method: "post",
  path: "/v1/admin/documents",
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z.instanceof(File),
            /** Overrides the namespace of the file's frontmatter. */
            namespace: z.string().min(1).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Ingested (re-uploading a document replaces its old chunks)",
      content: {
        "application/json": { schema: z.object({ documentId: z.string(), chunks: z.number() }) },
      },
    },
    ...errors,
  },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/admin/documents",
  request: { query: z.object({ documentId: z.string().regex(/^[a-z][a-z0-9_]*\/[a-z0-9-]+$/) }) },
  responses: { 204: { description: "The document's chunks are gone" }, ...errors },
});

/**
 * `POST /v1/admin/documents` (multipart: markdown, text or PDF) and `DELETE ?documentId=`.
 * Admin only: mounted behind the role check. A bad file changes nothing.
 */
export function adminDocumentRoutes(deps: {
  embedder: Embedder;
  store: VectorStore;
  namespaces: () => readonly string[];
}) {
  const ingester = createDocumentIngester({ embedder: deps.embedder, store: deps.store });
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // A little room above the document limit for the multipart framing.
  app.use(
    "/v1/admin/documents",
    bodyLimit({
      maxSize: DEFAULT_MAX_DOCUMENT_BYTES + 64 * 1024,
      onError: (c) =>
        c.json({ code: "too_large", message: "The document is larger than 5 MB" }, 413),
    }),
  );
  app.openapi(upload, async (c) => {
    const { file, namespace } = c.req.valid("form");
    try {
      const document = await parseDocumentFile(
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        { namespaces: deps.namespaces(), ...(namespace && { namespace }) },
      );
      return c.json(await ingester.ingest(document), 201);
    } catch (error) {
      if (error instanceof IngestionError)
        throw new AppError(STATUS[error.code], error.code, error.message);
      throw error;
    }
  });
  app.openapi(remove, async (c) => {
    await ingester.remove(c.req.valid("query").documentId);
    return c.body(null, 204);
  });
  return app;
}
