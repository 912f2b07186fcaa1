import { ConfigError } from "@wwhd/core/config/parse-env.ts";
import type { TurnState } from "@wwhd/core/domain/turn-state.ts";
import { describe, expect, it } from "vitest";
import { composeTasks } from "../src/compose-tasks.ts";
import { handler as routerHandler } from "../src/router.ts";

const state: TurnState = {
  turnId: "01JTEST",
  mode: "stream",
  userId: "u1",
  sessionId: "s1",
  message: "How should I arrange my bedroom for better rest?",
  history: [],
};

describe("the agent Lambda handlers", () => {
  it("run the Router on the ChatTurn state, as the Task state would call it", async () => {
    const route = (await routerHandler(state)) as { namespaces: { id: string }[] };
    expect(route.namespaces.map((ns) => ns.id)).toContain("feng_shui");
  });

  it("refuse to start with a configuration that names a hosted adapter without its settings", async () => {
    const error = await composeTasks({
      WWHD_VECTOR_STORE: "qdrant",
      WWHD_MODEL_PROVIDER: "openai",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/QDRANT_URL/);
    expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
  });

  it("never print a secret's value in a configuration error", async () => {
    const error = await composeTasks({
      WWHD_EMBEDDER: "openai",
      OPENAI_API_KEY: "",
      QDRANT_API_KEY: "",
    }).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain("sk-");
    const leaky = await composeTasks({
      WWHD_WORKFLOW: "aws",
      CHAT_TURN_STATE_MACHINE_ARN: "not-an-arn",
      OPENAI_API_KEY: "sk-secret-value",
    }).catch((e: unknown) => e);
    expect((leaky as Error).message).toMatch(/CHAT_TURN_STATE_MACHINE_ARN/);
    expect((leaky as Error).message).not.toContain("sk-secret-value");
  });
});
