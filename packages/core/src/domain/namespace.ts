import { z } from "zod";

/** A knowledge namespace: a slice of the corpus the Router can send a question to. */
export const NamespaceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  keywords: z.array(z.string().min(1)),
});
export type Namespace = z.infer<typeof NamespaceSchema>;

/** The namespace every low-confidence question falls back to. */
export const FALLBACK_NAMESPACE = "general";
