import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Librarian } from "@wwhd/core/agents/librarian/librarian.ts";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import { createKeyStoreFromJwks, generateSigningJwk } from "@wwhd/core/auth/key-store.ts";
import { loadConfig } from "@wwhd/core/config/config.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import type { JWK } from "jose";
import { afterAll, beforeAll } from "vitest";
import { type TestTable, useTestTable } from "../../../../test/support/dynamodb.ts";
import { GENEROUS_LIMITS } from "../../../../test/support/generous-limits.ts";
import {
  createRecordingLogger,
  type RecordingLogger,
} from "../../../../test/support/recording-logger.ts";
import type { App } from "../../src/app.ts";
import { composeOrigin } from "../../src/compose-origin.ts";

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
 * knowledge base is empty), the ChatTurn workflow in aws-local-stepfunctions. `env` adds
 * configuration, e.g. a hosted model behind msw. Use it inside
 * tests and hooks only: `beforeAll` fills it in.
 */
export function useTestApi(env: Record<string, string> = {}): TestApi {
  const table = useTestTable();
  const api = { table } as TestApi;
  let vectorDir = "";
  beforeAll(async () => {
    vectorDir = await mkdtemp(join(tmpdir(), "wwhd-http-"));
    const logger = createRecordingLogger();
    const signingJwk = await generateSigningJwk();
    const config = loadConfig({
      WWHD_DATA_DIR: vectorDir,
      // No corpus: the knowledge base is empty, only the users' memory is stored.
      WWHD_CORPUS_DIR: await mkdtemp(join(vectorDir, "corpus-")),
      WWHD_JWT_ISSUER: ISSUER,
      WWHD_JWT_AUDIENCE: AUDIENCE,
      ...GENEROUS_LIMITS,
      ...env,
    });
    const {
      app,
      auth,
      store: vectors,
      librarian,
    } = await composeOrigin(config, {
      sessions: table.store,
      keys: await createKeyStoreFromJwks([signingJwk]),
      logger,
      passwordParams: PASSWORD_PARAMS,
    });
    Object.assign(api, {
      app,
      vectors,
      librarian,
      auth,
      signingJwk,
      logs: logger.records,
    });
  });
  afterAll(() => rm(vectorDir, { recursive: true, force: true }));
  return api;
}
