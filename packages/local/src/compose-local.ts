import { join, resolve } from "node:path";
import { createLocalExtractiveModel } from "@wwhd/adapters/chat-model/local-extractive-model.ts";
import { systemClock } from "@wwhd/adapters/clock/system-clock.ts";
import { createLocalDynamoDbClient } from "@wwhd/adapters/dynamodb-local/local-dynamodb-client.ts";
import { startDynamoDbLocal } from "@wwhd/adapters/dynamodb-local/start-dynamodb-local.ts";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createPowertoolsLogger } from "@wwhd/adapters/logger/powertools-logger.ts";
import { createDynamoSessionStore } from "@wwhd/adapters/session-store/dynamodb/dynamo-session-store.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { createLocalWorkflowRunner } from "@wwhd/adapters/workflow/local-workflow-runner.ts";
import { createAgents } from "@wwhd/core/agents/create-agents.ts";
import { createAuthService } from "@wwhd/core/auth/auth-service.ts";
import { bootstrapAdmin } from "@wwhd/core/auth/bootstrap-admin.ts";
import { createFileKeyStore } from "@wwhd/core/auth/file-key-store.ts";
import { createMemoryDataHolder } from "@wwhd/core/auth/memory-data-holder.ts";
import { createPersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import { loadOrCreateSecret } from "@wwhd/core/auth/private-file.ts";
import { createChatService } from "@wwhd/core/chat/chat-service.ts";
import type { Config } from "@wwhd/core/config/config.ts";
import { ingestCorpus } from "@wwhd/core/ingestion/ingest-corpus.ts";
import { createTurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { createApp } from "@wwhd/http/app.ts";
import { corpusDir, loadNamespaces } from "@wwhd/knowledge/index.ts";

const TABLE_NAME = "wwhd";

/**
 * The local server's composition root: every adapter on its embedded default, all state under
 * `WWHD_DATA_DIR`. DynamoDB Local runs as a child process for as long as the server does.
 */
export async function composeLocal(config: Config) {
  const dataDir = resolve(config.WWHD_DATA_DIR);
  const logger = createPowertoolsLogger({ level: config.LOG_LEVEL });
  const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, "dynamodb") });
  try {
    const sessions = createDynamoSessionStore({
      client: createLocalDynamoDbClient(dynamo.endpoint),
      tableName: TABLE_NAME,
      cursorSecret: await loadOrCreateSecret(join(dataDir, "cursor-secret")),
      retentionDays: config.WWHD_SESSION_RETENTION_DAYS,
    });
    await sessions.ensureTable();
    const auth = createAuthService({
      store: sessions,
      clock: systemClock,
      keys: await createFileKeyStore(join(dataDir, "keys")),
      issuer: config.WWHD_JWT_ISSUER,
      audience: config.WWHD_JWT_AUDIENCE,
    });
    if (config.WWHD_ADMIN_EMAIL && config.WWHD_ADMIN_PASSWORD) {
      const admin = await bootstrapAdmin(
        { auth, store: sessions },
        { email: config.WWHD_ADMIN_EMAIL, password: config.WWHD_ADMIN_PASSWORD },
      );
      logger.info("admin account ready", { userId: admin.id });
    }

    const embedder = createHashingEmbedder();
    const store = createEmbeddedVectorStore({ dir: join(dataDir, "index") });
    const namespaces = await loadNamespaces();
    const corpus = await ingestCorpus({
      dir: config.WWHD_CORPUS_DIR ?? corpusDir,
      namespaces,
      embedder,
      store,
      manifestFile: join(dataDir, "index", "corpus-manifest.json"),
      logger,
    });
    logger.info("knowledge index ready", {
      chunks: corpus.chunks,
      ingested: corpus.ingested.length,
    });

    const model = createLocalExtractiveModel();
    const agents = createAgents({
      namespaces,
      embedder,
      store,
      logger,
      models: { primary: model, fallback: model },
    });
    const runner = createLocalWorkflowRunner({ tasks: createTurnTasks(agents), logger });
    const chat = createChatService({
      sessions,
      runner,
      model,
      memory: agents.librarian,
      clock: systemClock,
      logger,
    });
    const personalData = createPersonalDataService([
      createMemoryDataHolder({ librarian: agents.librarian, store }),
      // Last: the account goes only once every other store has forgotten the user.
      sessions,
    ]);
    const app = createApp({
      chat,
      sessions,
      auth,
      verifyAccessToken: auth.verifyAccessToken,
      personalData,
      logger,
      health: {
        sessionStore: sessions,
        vectorStore: store,
        embedder,
        chatModel: model,
        workflow: runner,
      },
    });
    return { app, logger, close: () => dynamo.stop() };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
