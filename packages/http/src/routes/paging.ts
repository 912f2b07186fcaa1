import { z } from "@hono/zod-openapi";

export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of every list endpoint; the cursor is opaque and bound to its list. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** A page of `item`: the list is over when `nextCursor` is absent. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });
