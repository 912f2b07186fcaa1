import { join, resolve } from "node:path";
import { Redis } from "@upstash/redis";
import { systemClock } from "@wwhd/adapters/clock/system-clock.ts";
import { cacheEmbeddingsInRedis } from "@wwhd/adapters/embedder/redis-cached-embedder.ts";
import { GATE_REDIS_OPTIONS, selectLimiters } from "@wwhd/adapters/rate-limiter/select-limiters.ts";
import { createOpenAiRouter } from "@wwhd/adapters/router/openai-router.ts";
import {
  selectChatModels,
  selectEmbedder,
  selectModeration,
  selectVectorStore,
} from "@wwhd/adapters/select/select-adapters.ts";
import { createAwsWorkflowRunner } from "@wwhd/adapters/workflow/aws-workflow-runner.ts";
import { createLocalWorkflowRunner } from "@wwhd/adapters/workflow/local-workflow-runner.ts";
import { createAgents } from "@wwhd/core/agents/create-agents.ts";
import { loadPersona } from "@wwhd/core/agents/planner/persona.ts";
import { createAuthService } from "@wwhd/core/auth/auth-service.ts";
import { bootstrapAdmin } from "@wwhd/core/auth/bootstrap-admin.ts";
import type { KeyStore } from "@wwhd/core/auth/key-store.ts";
import { createMemoryDataHolder } from "@wwhd/core/auth/memory-data-holder.ts";
import type { ScryptParams } from "@wwhd/core/auth/password-hasher.ts";
import { createPersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import { createQuotaDataHolder } from "@wwhd/core/auth/quota-data-holder.ts";
import { createChatService } from "@wwhd/core/chat/chat-service.ts";
import type { Config } from "@wwhd/core/config/config.ts";
import { ingestCorpus } from "@wwhd/core/ingestion/ingest-corpus.ts";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import { createTurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { createGate } from "@wwhd/edge/gate/create-gate.ts";
import { toGateConfig } from "@wwhd/edge/gate/gate-config.ts";
import { corpusDir, loadNamespaces } from "@wwhd/knowledge/index.ts";
import { createLocalJWKSet } from "jose";
import { createApp } from "./app.ts";

/** What the origin needs from its runtime: where accounts live and which keys sign tokens. */
export interface OriginInfrastructure {
  sessions: SessionStore;
  keys: KeyStore;
  logger: Logger;
  clock?: Clock;
  /** Tests lower the scrypt cost; production keeps the default. */
  passwordParams?: ScryptParams;
  /**
   * Bring the vector store up to date with the corpus folder at start-up (local server, tests).
   * Deployed functions do not: the corpus is ingested with `wwhd ingest` or the admin route.
   */
  syncCorpus?: boolean;
}

/**
 * The API as every runtime serves it: agents, workflow runner, chat service, accounts, the gate
 * and the Hono app, each adapter chosen by the validated configuration.
 */
export async function composeOrigin(config: Config, infra: OriginInfrastructure) {
  const { sessions, logger } = infra;
  const clock = infra.clock ?? systemClock;
  const dataDir = resolve(config.WWHD_DATA_DIR);
  const auth = createAuthService({
    store: sessions,
    clock,
    keys: infra.keys,
    issuer: config.WWHD_JWT_ISSUER,
    audience: config.WWHD_JWT_AUDIENCE,
    ...(infra.passwordParams && { passwordParams: infra.passwordParams }),
  });
  if (config.WWHD_ADMIN_EMAIL && config.WWHD_ADMIN_PASSWORD) {
    const admin = await bootstrapAdmin(
      { auth, store: sessions },
      { email: config.WWHD_ADMIN_EMAIL, password: config.WWHD_ADMIN_PASSWORD },
    );
    logger.info("admin account ready", { userId: admin.id });
  }

  const embedder = selectEmbedder(config);
  const store = selectVectorStore(config, { dataDir, embedder });
  await store.ensureCollections();
  const namespaces = await loadNamespaces();
  if (infra.syncCorpus !== false) {
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
  }

  const gateConfig = toGateConfig(config);
  // One Upstash client for limits, quotas and the shared embedding cache.
  const redis = gateConfig.upstash && new Redis({ ...gateConfig.upstash, ...GATE_REDIS_OPTIONS });
  const limiters = selectLimiters({
    redis,
    dailyTokenQuota: gateConfig.dailyTokenQuota,
    keyPrefix: gateConfig.redisKeyPrefix,
    clock,
  });
  const models = selectChatModels(config);
  const agents = createAgents({
    persona: await loadPersona(config.WWHD_PERSONA_FILE),
    namespaces,
    // Query embeddings: each instance's LRU (in the Librarian), then Redis, then the embedder.
    embedder: redis
      ? cacheEmbeddingsInRedis(embedder, {
          redis,
          logger,
          prefix: `${gateConfig.redisKeyPrefix}:embedding`,
        })
      : embedder,
    store,
    logger,
    models,
    ...(config.WWHD_MODEL_PROVIDER === "openai" && {
      router: createOpenAiRouter({
        apiKey: config.OPENAI_API_KEY ?? "",
        baseURL: config.OPENAI_BASE_URL,
        ...(config.WWHD_ROUTER_MODEL && { model: config.WWHD_ROUTER_MODEL }),
        namespaces,
      }),
    }),
  });
  const tasks = createTurnTasks(agents);
  const runner =
    config.WWHD_WORKFLOW === "aws"
      ? createAwsWorkflowRunner({
          stateMachineArn: config.CHAT_TURN_STATE_MACHINE_ARN ?? "",
          logger,
        })
      : createLocalWorkflowRunner({ tasks, logger });
  const moderation = selectModeration(config);
  const chat = createChatService({
    sessions,
    runner,
    model: models.streaming,
    memory: agents.librarian,
    clock,
    logger,
    ...(moderation && { moderation }),
  });

  const gate = createGate(gateConfig, {
    ...limiters,
    jwks: createLocalJWKSet(await auth.jwks()),
    issuer: config.WWHD_JWT_ISSUER,
    audience: config.WWHD_JWT_AUDIENCE,
    clock,
    logger,
  });

  const personalData = createPersonalDataService([
    createMemoryDataHolder({ librarian: agents.librarian, store }),
    createQuotaDataHolder({ quota: limiters.quota, clock }),
    // Last: the account goes only once every other store has forgotten the user.
    sessions,
  ]);
  const app = createApp({
    chat,
    sessions,
    auth,
    gate,
    quota: limiters.quota,
    clock,
    knowledge: { embedder, store, namespaces: () => namespaces.map((ns) => ns.id) },
    personalData,
    logger,
    health: {
      sessionStore: sessions,
      vectorStore: store,
      embedder,
      chatModel: models.streaming,
      workflow: runner,
      rateLimiter: limiters.limiter,
    },
  });
  return { app, auth, librarian: agents.librarian, store, quota: limiters.quota };
}
