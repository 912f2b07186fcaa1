import { z } from "zod";

/**
 * Which adapter serves each port. Every choice defaults to the embedded one, so nothing here
 * needs setting to run offline; choosing a hosted adapter makes its own variables required.
 */
export const adapterEnvShape = {
  WWHD_MODEL_PROVIDER: z.enum(["local", "openai"]).default("local"),
  WWHD_MODEL_TIER: z.enum(["dev", "prod", "premium"]).default("dev"),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** Overrides the tier's model name. */
  OPENAI_MODEL: z.string().min(1).optional(),
  /** The small, cheap model the Router asks (structured output); gpt-5-nano when unset. */
  WWHD_ROUTER_MODEL: z.string().min(1).optional(),
  /** Per request to the hosted model, before falling back to the next provider. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** `on`: the hosted moderation model screens messages too (needs OPENAI_API_KEY). */
  WWHD_MODERATION: z.enum(["off", "on"]).default("off"),
  WWHD_EMBEDDER: z.enum(["local", "openai"]).default("local"),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default("text-embedding-3-small"),
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(3072).default(1536),
  WWHD_VECTOR_STORE: z.enum(["embedded", "qdrant"]).default("embedded"),
  QDRANT_URL: z.url().optional(),
  QDRANT_API_KEY: z.string().min(1).optional(),
  WWHD_SESSION_STORE: z.enum(["dynamodb-local", "dynamodb"]).default("dynamodb-local"),
  WWHD_DYNAMODB_TABLE: z.string().min(3).max(255).default("wwhd"),
  WWHD_WORKFLOW: z.enum(["local", "aws"]).default("local"),
  CHAT_TURN_STATE_MACHINE_ARN: z.string().startsWith("arn:aws:states:").optional(),
};

type AdapterEnv = z.infer<z.ZodObject<typeof adapterEnvShape>>;

/** The variables a chosen hosted adapter needs. */
export function checkAdapterEnv(env: AdapterEnv, ctx: z.RefinementCtx): void {
  const need = (when: boolean, variable: keyof AdapterEnv, why: string) => {
    if (when && !env[variable])
      ctx.addIssue({ code: "custom", path: [variable], message: `required ${why}` });
  };
  const usesOpenAi = env.WWHD_MODEL_PROVIDER === "openai" || env.WWHD_EMBEDDER === "openai";
  const usesOpenAiKey = usesOpenAi || env.WWHD_MODERATION === "on";
  need(
    usesOpenAiKey,
    "OPENAI_API_KEY",
    "when WWHD_MODEL_PROVIDER or WWHD_EMBEDDER is openai, or WWHD_MODERATION is on",
  );
  need(env.WWHD_VECTOR_STORE === "qdrant", "QDRANT_URL", "when WWHD_VECTOR_STORE=qdrant");
  need(env.WWHD_WORKFLOW === "aws", "CHAT_TURN_STATE_MACHINE_ARN", "when WWHD_WORKFLOW=aws");
}

export const AdapterConfigSchema = z.object(adapterEnvShape).superRefine(checkAdapterEnv);

export type AdapterConfig = z.infer<typeof AdapterConfigSchema>;

/** Model per tier: cheap while developing, stronger in production, the best for premium users. */
export const MODEL_TIERS: Record<AdapterConfig["WWHD_MODEL_TIER"], string> = {
  dev: "gpt-5-nano",
  prod: "gpt-5-mini",
  premium: "gpt-5",
};
