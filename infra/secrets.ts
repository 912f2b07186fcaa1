// Set per stage with `sst secret set <Name> <value>`.
export const jwtPrivateJwks = new sst.Secret("JwtPrivateJwks"); // JSON array of private JWKs
export const cursorSecret = new sst.Secret("CursorSecret");
export const openAiApiKey = new sst.Secret("OpenAiApiKey");
export const qdrantUrl = new sst.Secret("QdrantUrl");
export const qdrantApiKey = new sst.Secret("QdrantApiKey");
export const upstashRedisRestUrl = new sst.Secret("UpstashRedisRestUrl");
export const upstashRedisRestToken = new sst.Secret("UpstashRedisRestToken");

/** The adapters every deployed function uses: hosted model, embeddings and Qdrant. */
export const adapterEnvironment = {
  WWHD_MODEL_PROVIDER: "openai",
  WWHD_MODEL_TIER: $app.stage === "production" ? "prod" : "dev",
  WWHD_EMBEDDER: "openai",
  WWHD_VECTOR_STORE: "qdrant",
  OPENAI_API_KEY: openAiApiKey.value,
  QDRANT_URL: qdrantUrl.value,
  QDRANT_API_KEY: qdrantApiKey.value,
};
