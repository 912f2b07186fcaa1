import { join, resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createLocalDynamoDbClient } from "@wwhd/adapters/dynamodb-local/local-dynamodb-client.ts";
import { startDynamoDbLocal } from "@wwhd/adapters/dynamodb-local/start-dynamodb-local.ts";
import { createPowertoolsLogger } from "@wwhd/adapters/logger/powertools-logger.ts";
import { createDynamoSessionStore } from "@wwhd/adapters/session-store/dynamodb/dynamo-session-store.ts";
import { createFileKeyStore } from "@wwhd/core/auth/file-key-store.ts";
import { loadOrCreateSecret } from "@wwhd/core/auth/private-file.ts";
import type { Config } from "@wwhd/core/config/config.ts";
import { composeOrigin } from "@wwhd/http/compose-origin.ts";

/**
 * The local server's composition root: DynamoDB Local as a child process for as long as the
 * server runs, signing keys and secrets generated once, all state under `WWHD_DATA_DIR`.
 */
export async function composeLocal(config: Config) {
  const dataDir = resolve(config.WWHD_DATA_DIR);
  const logger = createPowertoolsLogger({ level: config.LOG_LEVEL });
  // `dynamodb` talks to the real service (AWS credentials from the environment).
  const dynamo =
    config.WWHD_SESSION_STORE === "dynamodb-local"
      ? await startDynamoDbLocal({ dataDir: join(dataDir, "dynamodb") })
      : undefined;
  try {
    const sessions = createDynamoSessionStore({
      client: dynamo ? createLocalDynamoDbClient(dynamo.endpoint) : new DynamoDBClient({}),
      tableName: config.WWHD_DYNAMODB_TABLE,
      cursorSecret: await loadOrCreateSecret(join(dataDir, "cursor-secret")),
      retentionDays: config.WWHD_SESSION_RETENTION_DAYS,
    });
    await sessions.ensureTable();
    const keys = await createFileKeyStore(join(dataDir, "keys"));
    const origin = await composeOrigin(config, { sessions, keys, logger });
    return { ...origin, logger, close: async () => dynamo?.stop() };
  } catch (error) {
    await dynamo?.stop();
    throw error;
  }
}
