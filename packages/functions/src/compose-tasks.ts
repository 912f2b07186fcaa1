import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPowertoolsLogger } from "@wwhd/adapters/logger/powertools-logger.ts";
import {
  selectChatModels,
  selectEmbedder,
  selectVectorStore,
} from "@wwhd/adapters/select/select-adapters.ts";
import { createAgents } from "@wwhd/core/agents/create-agents.ts";
import { type AdapterConfig, AdapterConfigSchema } from "@wwhd/core/config/adapter-config.ts";
import { parseEnv } from "@wwhd/core/config/parse-env.ts";
import { createTurnTasks, type TurnTasks } from "@wwhd/core/workflow/turn-tasks.ts";
import { loadNamespaces } from "@wwhd/knowledge/index.ts";

/**
 * The composition root of the agent Lambda functions: adapters chosen by the validated
 * environment, wired once per container (cold start) and reused by every invocation.
 */
export async function composeTasks(
  env: Record<string, string | undefined> = process.env,
): Promise<TurnTasks> {
  const config: AdapterConfig = parseEnv(AdapterConfigSchema, env);
  const logger = createPowertoolsLogger({ level: env.LOG_LEVEL === "DEBUG" ? "DEBUG" : "INFO" });
  const embedder = selectEmbedder(config);
  // Lambda's only writable place; the embedded store is for local use, Qdrant in AWS.
  const store = selectVectorStore(config, { dataDir: join(tmpdir(), "wwhd"), embedder });
  const agents = createAgents({
    namespaces: await loadNamespaces(),
    embedder,
    store,
    logger,
    models: selectChatModels(config),
  });
  return createTurnTasks(agents);
}
