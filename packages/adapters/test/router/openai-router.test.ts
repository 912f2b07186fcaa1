import { RouterError } from "@wwhd/core/agents/router/router-error.ts";
import type { Namespace } from "@wwhd/core/domain/namespace.ts";
import { RouteDecisionSchema } from "@wwhd/core/domain/route-decision.ts";
import { loadNamespaces } from "@wwhd/knowledge/index.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import {
  chatCompletionResponse,
  neverAnswer,
  OPENAI_TEST_BASE_URL,
  openAiErrorResponse,
  scriptedOpenAiHandler,
} from "../../../../test/support/openai-emulator.ts";
import { createOpenAiRouter, type OpenAiRouterOptions } from "../../src/router/openai-router.ts";

const server = useMsw();
let namespaces: Namespace[];
beforeAll(async () => {
  namespaces = await loadNamespaces();
});

type Reply = Parameters<typeof scriptedOpenAiHandler>[1][number];

/** The model answers `answer` (serialised as the structured output's JSON string). */
const answers =
  (answer: unknown): Reply =>
  (body) =>
    chatCompletionResponse(
      body.model,
      typeof answer === "string" ? answer : JSON.stringify(answer),
    );

const question = (
  ranked: Array<[string, number]>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  intent: "question",
  namespaces: ranked.map(([id, confidence]) => ({ id, confidence })),
  needsRetrieval: true,
  emotion: "anxious",
  language: "en",
  ...extra,
});

/** The router is built after msw listens: the SDK keeps the `fetch` it finds at construction. */
function routerFor(replies: Reply[], options: Partial<OpenAiRouterOptions> = {}) {
  const requests: unknown[] = [];
  server.use(scriptedOpenAiHandler("/chat/completions", replies, requests));
  const router = createOpenAiRouter({
    apiKey: "sk-test",
    baseURL: OPENAI_TEST_BASE_URL,
    namespaces,
    ...options,
  });
  return { router, requests };
}

describe("the OpenAI router", () => {
  it("asks the small model for a strict json_schema answer over the registry's namespaces", async () => {
    const { router, requests } = routerFor([answers(question([["relationships", 0.9]]))]);
    await router.route({ message: "My wife and I keep arguing." });
    const body = requests[0] as {
      model: string;
      reasoning_effort: string;
      messages: Array<{ role: string; content: string }>;
      response_format: {
        type: string;
        json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
      };
    };
    expect(body.model).toBe("gpt-5-nano");
    expect(body.reasoning_effort).toBe("minimal");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema).toMatchObject({
      additionalProperties: false,
      required: ["intent", "namespaces", "needsRetrieval", "emotion", "language"],
      properties: {
        namespaces: {
          maxItems: 3,
          items: { properties: { id: { enum: namespaces.map((ns) => ns.id) } } },
        },
      },
    });
    const [system, user] = body.messages;
    expect(system?.role).toBe("system");
    for (const ns of namespaces) expect(system?.content).toContain(`- ${ns.id}: ${ns.title}.`);
    expect(user).toEqual({ role: "user", content: "My wife and I keep arguing." });
  });

  it("returns the model's namespaces best first with intent, emotion and language", async () => {
    const { router } = routerFor([
      answers(
        question(
          [
            ["meditation", 0.55],
            ["relationships", 0.92],
          ],
          { emotion: "frustrated", language: "pt-BR" },
        ),
      ),
    ]);
    const decision = await router.route({ message: "Brigo sempre com o meu marido." });
    expect(decision).toEqual({
      intent: "question",
      namespaces: [
        { id: "relationships", confidence: 0.92 },
        { id: "meditation", confidence: 0.55 },
      ],
      needsRetrieval: true,
      decidedBy: "model",
      emotion: "frustrated",
      language: "pt-BR",
    });
    expect(RouteDecisionSchema.parse(decision)).toEqual(decision);
  });

  it("puts general first, then the best guesses, when the model is unsure", async () => {
    const unsure = question([
      ["money", 0.3],
      ["business", 0.4],
      ["meditation", 0.2],
    ]);
    const { router } = routerFor([answers(unsure)]);
    const decision = await router.route({ message: "What should I do with my life?" });
    expect(decision.namespaces).toEqual([
      { id: "general", confidence: 0.6 },
      { id: "business", confidence: 0.4 },
      { id: "money", confidence: 0.3 },
    ]);
    const strict = routerFor([answers(unsure)], { lowConfidence: 0.3 }).router;
    expect((await strict.route({ message: "same" })).namespaces[0]?.id).toBe("business");
  });

  it("routes small talk to general without retrieval, whatever the model proposed", async () => {
    const { router } = routerFor([
      answers({
        intent: "small_talk",
        namespaces: [{ id: "meditation", confidence: 0.2 }],
        needsRetrieval: true,
        emotion: "joyful",
        language: "en",
      }),
    ]);
    expect(await router.route({ message: "Hi Herman!" })).toEqual({
      intent: "small_talk",
      namespaces: [{ id: "general", confidence: 1 }],
      needsRetrieval: false,
      decidedBy: "model",
      emotion: "joyful",
      language: "en",
    });
  });

  it("drops namespace ids outside the registry, clamps confidence and drops a malformed language", async () => {
    const { router } = routerFor([
      answers(
        question(
          [
            ["astrology", 0.99],
            ["diet_food", 1.7],
            ["exercise_martial_arts", 0.8],
          ],
          { language: "English", emotion: "sad" },
        ),
      ),
    ]);
    const decision = await router.route({ message: "What should I eat before kung fu class?" });
    expect(decision.namespaces).toEqual([
      { id: "diet_food", confidence: 1 },
      { id: "exercise_martial_arts", confidence: 0.8 },
    ]);
    expect(decision).not.toHaveProperty("language");
    expect(decision.emotion).toBe("sad");
  });

  it.each([
    ["text that is not JSON", answers("relationships, probably")],
    ["JSON outside the schema", answers({ intent: "chat", namespaces: [] })],
    [
      "a truncated answer",
      (body: { model: string }) => chatCompletionResponse(body.model, '{"intent":"que', "length"),
    ],
  ])("throws an invalid_response RouterError on %s", async (_, reply) => {
    const { router } = routerFor([reply]);
    const error = await router
      .route({ message: "How do I sleep better?" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ name: "RouterError", reason: "invalid_response" });
    expect((error as Error).message).not.toContain("relationships");
  });

  it("throws an unavailable RouterError after the SDK's retries of a 500", async () => {
    const { router, requests } = routerFor([() => openAiErrorResponse(500)], { maxRetries: 1 });
    const error = await router
      .route({ message: "How do I sleep better?" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ reason: "unavailable", status: 500 });
    expect(requests).toHaveLength(2);
  });

  it("throws a timeout RouterError when the model does not answer in time", async () => {
    const { router } = routerFor([neverAnswer], { timeoutMs: 200 });
    const error = await router
      .route({ message: "How do I sleep better?" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ reason: "timeout" });
  });

  it("counts retry waits against the same budget", async () => {
    const { router, requests } = routerFor(
      [() => openAiErrorResponse(503, { "retry-after": "5" })],
      { timeoutMs: 300 },
    );
    const started = performance.now();
    const error = await router
      .route({ message: "How do I sleep better?" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ reason: "timeout" });
    expect(requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("waits out a 429's Retry-After and then routes", async () => {
    const { router, requests } = routerFor([
      () => openAiErrorResponse(429, { "retry-after": "1" }),
      answers(question([["meditation", 0.8]])),
    ]);
    const started = performance.now();
    const decision = await router.route({ message: "How do I start meditating?" });
    expect(decision.namespaces).toEqual([{ id: "meditation", confidence: 0.8 }]);
    expect(requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("sends the configured model without a reasoning effort it was not given", async () => {
    const { router, requests } = routerFor([answers(question([["money", 0.7]]))], {
      model: "llama3.1:8b",
    });
    await router.route({ message: "How do I save money?" });
    expect(requests[0]).toMatchObject({ model: "llama3.1:8b" });
    expect(requests[0]).not.toHaveProperty("reasoning_effort");
  });
});
