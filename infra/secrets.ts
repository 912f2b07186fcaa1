// Secrets are set per stage with `sst secret set <Name> <value>`; none is needed to deploy on
// the embedded defaults.
export const openaiApiKey = new sst.Secret("OpenAiApiKey", "unset");
export const upstashRedisRestUrl = new sst.Secret("UpstashRedisRestUrl", "unset");
export const upstashRedisRestToken = new sst.Secret("UpstashRedisRestToken", "unset");
