import { IntentSchema } from "@wwhd/core/domain/route-decision.ts";
import { z } from "zod";

/** The emotions the router may name: a closed list so downstream tone rules can rely on it. */
export const EMOTIONS = [
  "neutral",
  "calm",
  "joyful",
  "hopeful",
  "grateful",
  "curious",
  "confused",
  "anxious",
  "stressed",
  "sad",
  "grieving",
  "lonely",
  "angry",
  "frustrated",
  "ashamed",
  "afraid",
  "overwhelmed",
] as const;

/** A BCP-47-style tag: primary language, then optional script/region/variant subtags. */
const LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

/** The JSON schema the model must answer with (strict structured output: every field required). */
export function routeAnswerJsonSchema(namespaceIds: string[]) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["intent", "namespaces", "needsRetrieval", "emotion", "language"],
    properties: {
      intent: { type: "string", enum: IntentSchema.options },
      namespaces: {
        type: "array",
        maxItems: 3,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "confidence"],
          properties: {
            id: { type: "string", enum: namespaceIds },
            confidence: { type: "number", minimum: 0, maximum: 1 },
          },
        },
      },
      needsRetrieval: { type: "boolean" },
      emotion: { type: "string", enum: EMOTIONS },
      language: { type: "string", pattern: LANGUAGE_TAG },
    },
  };
}

const clampToUnit = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Validates the model's answer. Not every OpenAI-compatible server enforces the JSON schema, so
 * the decision-bearing fields are checked here (a mismatch fails the route); confidences are
 * clamped into 0..1, and an emotion or language outside the contract is dropped rather than
 * failing a route that is otherwise sound. Unknown namespace ids are filtered by the caller.
 */
export const RouteAnswerSchema = z.object({
  intent: IntentSchema,
  namespaces: z.array(z.object({ id: z.string(), confidence: z.number().transform(clampToUnit) })),
  needsRetrieval: z.boolean(),
  emotion: z.enum(EMOTIONS).optional().catch(undefined),
  language: z.string().regex(new RegExp(LANGUAGE_TAG)).optional().catch(undefined),
});
export type RouteAnswer = z.infer<typeof RouteAnswerSchema>;
