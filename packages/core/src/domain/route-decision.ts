import { z } from "zod";

/** `small_talk` covers greetings and thanks: answered without retrieval. */
export const IntentSchema = z.enum(["question", "small_talk"]);
export type Intent = z.infer<typeof IntentSchema>;

export const RouteDecisionSchema = z.object({
  intent: IntentSchema,
  namespaces: z.array(z.object({ id: z.string(), confidence: z.number().min(0).max(1) })).max(3),
  needsRetrieval: z.boolean(),
  /** Who decided: the local classifier, a model, or the fallback after a router failure. */
  decidedBy: z.enum(["local", "model", "fallback"]),
  /** The user's emotional state as the model read it (e.g. "anxious"); absent when not detected. */
  emotion: z.string().optional(),
  /** The message's language as a BCP-47-style code (e.g. "en", "pt-BR"); absent when not detected. */
  language: z.string().optional(),
});
export type RouteDecision = z.infer<typeof RouteDecisionSchema>;
