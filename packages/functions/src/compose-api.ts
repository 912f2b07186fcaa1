import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createPowertoolsLogger } from "@wwhd/adapters/logger/powertools-logger.ts";
import { createDynamoSessionStore } from "@wwhd/adapters/session-store/dynamodb/dynamo-session-store.ts";
import { createKeyStoreFromJwks } from "@wwhd/core/auth/key-store.ts";
import { loadConfig } from "@wwhd/core/config/config.ts";
import { parseEnv } from "@wwhd/core/config/parse-env.ts";
import { composeOrigin } from "@wwhd/http/compose-origin.ts";
import type { JWK } from "jose";
import { z } from "zod";

/** Secrets only the deployed API has (set as SST secrets, passed as environment variables). */
const SecretsSchema = z.object({
  /** The private signing keys, a JSON array of JWKs (`generateSigningJwk`). */
  WWHD_JWT_PRIVATE_JWKS: z.string().min(1),
  /** Signs page cursors; the same for every instance. */
  WWHD_CURSOR_SECRET: z.string().min(32),
});

/**
 * The composition root of the API and chat functions: the real DynamoDB table, keys from
 * secrets, the workflow in Step Functions, every other adapter as configured. Built once per
 * container and reused by its invocations.
 */
export async function composeApi(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  const secrets = parseEnv(SecretsSchema, env);
  const logger = createPowertoolsLogger({ level: config.LOG_LEVEL });
  const sessions = createDynamoSessionStore({
    client: new DynamoDBClient({}),
    tableName: config.WWHD_DYNAMODB_TABLE,
    cursorSecret: secrets.WWHD_CURSOR_SECRET,
    retentionDays: config.WWHD_SESSION_RETENTION_DAYS,
  });
  const keys = await createKeyStoreFromJwks(JSON.parse(secrets.WWHD_JWT_PRIVATE_JWKS) as JWK[]);
  const { app } = await composeOrigin(config, { sessions, keys, logger, syncCorpus: false });
  return app;
}
