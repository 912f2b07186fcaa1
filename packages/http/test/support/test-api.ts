import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalExtractiveModel } from "@wwhd/adapters/chat-model/local-extractive-model.ts";
import { systemClock } from "@wwhd/adapters/clock/system-clock.ts";
import { createHashingEmbedder } from "@wwhd/adapters/embedder/hashing-embedder.ts";
import { createEmbeddedVectorStore } from "@wwhd/adapters/vector-store/embedded/embedded-vector-store.ts";
import { createLocalWorkflowRunner } from "@wwhd/adapters/workflow/local-workflow-runner.ts";
import { createAgents } from "@wwhd/core/agents/create-agents.ts";
import type { Librarian } from "@wwhd/core/agents/librarian/librarian.ts";
import { type AuthService, createAuthService } from "@wwhd/core/auth/auth-service.ts";
import { createKeyStoreFromJwks, generateSigningJwk } from "@wwhd/core/auth/key-store.ts";
import { createMemoryDataHolder } from "@wwhd/core/auth/memory-data-holder.ts";
import { createPersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import { createChatService } from "@wwhd/core/chat/chat-service.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { createTurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { loadNamespaces } from "@wwhd/knowledge/index.ts";
import type { JWK } from "jose";
import { afterAll, beforeAll } from "vitest";
import { type TestTable, useTestTable } from "../../../../test/support/dynamodb.ts";
import {
  createRecordingLogger,
  type RecordingLogger,
} from "../../../../test/support/recording-logger.ts";
import { type App, createApp } from "../../src/app.ts";

export const ISSUER = "https://wwhd.test";
export const AUDIENCE = "wwhd-api";
/** Cheap scrypt keeps the suite fast; the default cost is measured by the benchmark. */
const PASSWORD_PARAMS = { N: 1024, r: 8, p: 1 };

export interface TestApi {
  app: App;
  /** The DynamoDB Local table behind the app, for scans. */
  table: TestTable;
  /** The embedded vector store holding the users' conversation memory. */
  vectors: VectorStore;
  librarian: Librarian;
  auth: AuthService;
  /** The private key that signs access tokens: attack tests forge with it. */
  signingJwk: JWK;
  /** Everything the app logged. */
  logs: RecordingLogger["records"];
}

/**
 * The real app for the enclosing suite, wired as the local server wires it: sessions and
 * accounts on a fresh DynamoDB Local table, memory in an embedded vector store (no corpus: the
 * knowledge base is empty), the ChatTurn workflow in aws-local-stepfunctions. Use it inside
 * tests and hooks only: `beforeAll` fills it in.
 */
export function useTestApi(): TestApi {
  const table = useTestTable();
  const api = { table } as TestApi;
  let vectorDir = "";
  beforeAll(async () => {
    vectorDir = await mkdtemp(join(tmpdir(), "wwhd-http-"));
    const logger = createRecordingLogger();
    const signingJwk = await generateSigningJwk();
    const auth = createAuthService({
      store: table.store,
      clock: systemClock,
      keys: await createKeyStoreFromJwks([signingJwk]),
      issuer: ISSUER,
      audience: AUDIENCE,
      passwordParams: PASSWORD_PARAMS,
    });
    const vectors = createEmbeddedVectorStore({ dir: vectorDir });
    await vectors.ensureCollections();
    const model = createLocalExtractiveModel();
    const agents = createAgents({
      namespaces: await loadNamespaces(),
      embedder: createHashingEmbedder(),
      store: vectors,
      logger,
      models: { primary: model, fallback: model },
    });
    const chat = createChatService({
      sessions: table.store,
      runner: createLocalWorkflowRunner({ tasks: createTurnTasks(agents), logger }),
      model,
      memory: agents.librarian,
      clock: systemClock,
      logger,
    });
    const app = createApp({
      chat,
      sessions: table.store,
      auth,
      verifyAccessToken: auth.verifyAccessToken,
      personalData: createPersonalDataService([
        createMemoryDataHolder({ librarian: agents.librarian, store: vectors }),
        table.store,
      ]),
      logger,
      health: { sessionStore: table.store },
    });
    Object.assign(api, {
      app,
      vectors,
      librarian: agents.librarian,
      auth,
      signingJwk,
      logs: logger.records,
    });
  });
  afterAll(() => rm(vectorDir, { recursive: true, force: true }));
  return api;
}
