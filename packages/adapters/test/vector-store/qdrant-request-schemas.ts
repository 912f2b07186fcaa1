import type { Schemas } from "@qdrant/js-client-rest";
import { z } from "zod";

/**
 * Zod schemas for the Qdrant request bodies our adapter may send, each bound at compile time to
 * the client's OpenAPI type: `conforms<T>()` only accepts a schema whose output is assignable
 * to T, so a schema cannot drift from what Qdrant's API defines. At run time they are strict:
 * a field Qdrant does not know, or a wrong shape, fails the request with 400 like Qdrant would.
 */
const conforms =
  <Expected>() =>
  <S extends z.ZodType<Expected>>(schema: S): S =>
    schema;

const FieldCondition = conforms<Schemas["FieldCondition"]>()(
  z.strictObject({
    key: z.string(),
    match: z.union([
      z.strictObject({ value: z.string() }),
      z.strictObject({ any: z.array(z.string()) }),
    ]),
  }),
);

export const FilterSchema = conforms<Schemas["Filter"]>()(
  z.strictObject({ must: z.array(FieldCondition) }),
);

const SparseVector = conforms<Schemas["SparseVector"]>()(
  z.strictObject({
    indices: z.array(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1),
    ),
    values: z.array(z.number()),
  }),
);

export const CreateCollectionSchema = conforms<Schemas["CreateCollection"]>()(
  z.strictObject({
    vectors: z.record(
      z.string(),
      z.strictObject({ size: z.number().int().positive(), distance: z.literal("Cosine") }),
    ),
    sparse_vectors: z.record(z.string(), z.strictObject({ modifier: z.enum(["idf", "none"]) })),
  }),
);

export const CreateFieldIndexSchema = conforms<Schemas["CreateFieldIndex"]>()(
  z.strictObject({
    field_name: z.string(),
    field_schema: z.union([
      z.literal("keyword"),
      z.strictObject({ type: z.literal("keyword"), is_tenant: z.boolean().optional() }),
    ]),
  }),
);

export const UpsertSchema = conforms<Schemas["PointInsertOperations"]>()(
  z.strictObject({
    points: z.array(
      z.strictObject({
        id: z.uuid(),
        vector: z.strictObject({ dense: z.array(z.number()), sparse: SparseVector }),
        payload: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
);

export const DeleteSchema = conforms<Schemas["PointsSelector"]>()(
  z.strictObject({ filter: FilterSchema }),
);

export const CountSchema = conforms<Schemas["CountRequest"]>()(
  z.strictObject({ filter: FilterSchema.optional(), exact: z.boolean().optional() }),
);

const VectorSearch = {
  query: z.union([z.array(z.number()), SparseVector]),
  using: z.enum(["dense", "sparse"]),
  filter: FilterSchema.optional(),
  limit: z.number().int().positive(),
};

const Prefetch = conforms<Schemas["Prefetch"]>()(z.strictObject(VectorSearch));

const ResultOptions = {
  with_payload: z.literal(true),
  with_vector: z.union([z.literal(false), z.array(z.literal("dense"))]),
};

export const QueryRequestSchema = conforms<Schemas["QueryRequest"]>()(
  z.union([
    z.strictObject({
      prefetch: z.array(Prefetch).min(2),
      query: z.strictObject({ rrf: z.strictObject({ k: z.number().int().positive() }) }),
      limit: z.number().int().positive(),
      ...ResultOptions,
    }),
    z.strictObject({ ...VectorSearch, ...ResultOptions }),
  ]),
);
export type QueryRequestBody = z.infer<typeof QueryRequestSchema>;
export type PrefetchBody = z.infer<typeof Prefetch>;
export type FilterBody = z.infer<typeof FilterSchema>;
