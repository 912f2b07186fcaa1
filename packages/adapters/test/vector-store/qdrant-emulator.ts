import { fuseRankings } from "@wwhd/core/retrieval/rank-fusion.ts";
import { cosine } from "@wwhd/core/text/cosine.ts";
import { delay, HttpResponse, http } from "msw";
import type { z } from "zod";
import {
  CountSchema,
  CreateCollectionSchema,
  CreateFieldIndexSchema,
  DeleteSchema,
  type FilterBody,
  type PrefetchBody,
  QueryRequestSchema,
  UpsertSchema,
} from "./qdrant-request-schemas.ts";

/** The base URL the emulated Qdrant answers on (no real host is ever contacted). */
export const QDRANT_TEST_URL = "http://qdrant.test:6333";

interface EmulatedPoint {
  id: string;
  dense: number[];
  sparse: { indices: number[]; values: number[] };
  payload: Record<string, unknown>;
}

interface EmulatedCollection {
  config: z.infer<typeof CreateCollectionSchema>;
  indexes: Record<string, unknown>;
  points: Map<string, EmulatedPoint>;
}

/** What the emulator saw and how it should misbehave; tests read and set it. */
export interface QdrantEmulatorState {
  collections: Map<string, EmulatedCollection>;
  requests: { method: string; path: string; body: unknown }[];
  /** Answer every request with this status (e.g. 503) instead of serving it. */
  failWith?: number;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export const createQdrantEmulatorState = (): QdrantEmulatorState => ({
  collections: new Map(),
  requests: [],
});

const ok = (result: unknown) => HttpResponse.json({ result, status: "ok", time: 0.0001 });
const fail = (status: number, error: string) =>
  HttpResponse.json({ status: { error }, time: 0.0001 }, { status });

function matches(point: EmulatedPoint, filter: FilterBody | undefined): boolean {
  return (filter?.must ?? []).every((condition) => {
    const value = point.payload[condition.key];
    return "value" in condition.match
      ? value === condition.match.value
      : condition.match.any.includes(value as string);
  });
}

/** Qdrant's `modifier: idf` over the whole collection: ln(1 + (N − df + 0.5) / (df + 0.5)). */
function idf(points: EmulatedPoint[], index: number): number {
  const df = points.filter((p) => p.sparse.indices.includes(index)).length;
  return Math.log(1 + (points.length - df + 0.5) / (df + 0.5));
}

function search(collection: EmulatedCollection, request: PrefetchBody) {
  const all = [...collection.points.values()];
  const candidates = all.filter((p) => matches(p, request.filter));
  const scored = Array.isArray(request.query)
    ? candidates.map((p) => ({ point: p, score: cosine(request.query as number[], p.dense) }))
    : candidates
        .map((p) => {
          const query = request.query as { indices: number[]; values: number[] };
          let score = 0;
          let overlap = false;
          query.indices.forEach((index, i) => {
            const at = p.sparse.indices.indexOf(index);
            if (at < 0) return;
            overlap = true;
            score += (query.values[i] ?? 0) * (p.sparse.values[at] ?? 0) * idf(all, index);
          });
          return { point: p, score, overlap };
        })
        .filter((s) => s.overlap);
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, request.limit)
    .map(({ point, score }) => ({ id: point.id, score, point }));
}

function unitLength(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/**
 * msw handlers answering like Qdrant's REST API for the endpoints the adapter uses. Each body
 * is validated with the schemas bound to the client's OpenAPI types; search follows Qdrant's
 * semantics (cosine on normalised vectors, sparse dot product × IDF, RRF over prefetches).
 */
export function qdrantHandlers(state: QdrantEmulatorState) {
  const route = (
    method: "get" | "put" | "post",
    path: string,
    serve: (args: { name: string; body: unknown; collection?: EmulatedCollection }) => Response,
  ) =>
    http[method](`${QDRANT_TEST_URL}${path}`, async ({ request, params }) => {
      const body = method === "get" ? undefined : await request.json();
      state.requests.push({ method, path: new URL(request.url).pathname, body });
      if (state.delayMs) await delay(state.delayMs);
      if (state.failWith) return fail(state.failWith, "emulated failure");
      const name = String(params.name);
      return serve({ name, body, collection: state.collections.get(name) });
    });

  const parse = <S extends z.ZodType>(schema: S, body: unknown) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw fail(400, `Format error in JSON body: ${parsed.error.message}`);
    return parsed.data as z.infer<S>;
  };
  const guarded =
    (serve: (args: { name: string; body: unknown; collection: EmulatedCollection }) => Response) =>
    (args: { name: string; body: unknown; collection?: EmulatedCollection }) => {
      if (!args.collection) return fail(404, `Collection \`${args.name}\` doesn't exist!`);
      try {
        return serve({ ...args, collection: args.collection });
      } catch (response) {
        if (response instanceof Response) return response;
        throw response;
      }
    };

  return [
    route("get", "/collections/:name/exists", ({ collection }) => ok({ exists: !!collection })),

    route("put", "/collections/:name", ({ name, body, collection }) => {
      if (collection) return fail(409, `Collection \`${name}\` already exists!`);
      try {
        const config = parse(CreateCollectionSchema, body);
        state.collections.set(name, { config, indexes: {}, points: new Map() });
        return ok(true);
      } catch (response) {
        return response as Response;
      }
    }),

    route(
      "put",
      "/collections/:name/index",
      guarded(({ body, collection }) => {
        const { field_name, field_schema } = parse(CreateFieldIndexSchema, body);
        collection.indexes[field_name] = field_schema;
        return ok({ operation_id: 1, status: "completed" });
      }),
    ),

    route(
      "put",
      "/collections/:name/points",
      guarded(({ body, collection }) => {
        const { points } = parse(UpsertSchema, body);
        const size = collection.config.vectors.dense?.size;
        for (const p of points) {
          if (p.vector.dense.length !== size)
            throw fail(
              400,
              `Wrong input: Vector dimension error: expected dim: ${size}, got ${p.vector.dense.length}`,
            );
          collection.points.set(p.id, {
            id: p.id,
            dense: unitLength(p.vector.dense),
            sparse: p.vector.sparse,
            payload: p.payload,
          });
        }
        return ok({ operation_id: 2, status: "completed" });
      }),
    ),

    route(
      "post",
      "/collections/:name/points/delete",
      guarded(({ body, collection }) => {
        const { filter } = parse(DeleteSchema, body);
        for (const p of [...collection.points.values()])
          if (matches(p, filter)) collection.points.delete(p.id);
        return ok({ operation_id: 3, status: "completed" });
      }),
    ),

    route(
      "post",
      "/collections/:name/points/count",
      guarded(({ body, collection }) => {
        const { filter } = parse(CountSchema, body);
        const count = [...collection.points.values()].filter((p) => matches(p, filter)).length;
        return ok({ count });
      }),
    ),

    route(
      "post",
      "/collections/:name/points/query",
      guarded(({ body, collection }) => {
        const request = parse(QueryRequestSchema, body);
        const results =
          "prefetch" in request
            ? fuseRankings(
                request.prefetch.map((prefetch) => search(collection, prefetch)),
                request.limit,
                request.query.rrf.k,
              )
            : search(collection, request);
        return ok({
          points: results.map(({ id, score, point }) => ({
            id,
            version: 1,
            score,
            payload: point.payload,
            vector: request.with_vector ? { dense: point.dense } : null,
          })),
        });
      }),
    ),
  ];
}
