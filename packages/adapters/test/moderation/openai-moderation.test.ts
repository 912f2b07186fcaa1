import { moderationVerdict } from "@wwhd/core/agents/safety/moderation-verdict.ts";
import { ModerationError } from "@wwhd/core/ports/moderation.ts";
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import {
  neverAnswer,
  OPENAI_TEST_BASE_URL,
  openAiErrorResponse,
  scriptedOpenAiHandler,
} from "../../../../test/support/openai-emulator.ts";
import {
  createOpenAiModeration,
  type OpenAiModerationOptions,
} from "../../src/moderation/openai-moderation.ts";

const server = useMsw();

/** The categories omni-moderation-latest reports, each scored on text only here. */
const CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
];

/** A moderation response in OpenAI's shape, with `flagged` categories set and scored high. */
const moderationResponse =
  (...flagged: string[]) =>
  (body: { model: string }) =>
    HttpResponse.json({
      id: "modr-test",
      model: body.model,
      results: [
        {
          flagged: flagged.length > 0,
          categories: Object.fromEntries(CATEGORIES.map((c) => [c, flagged.includes(c)])),
          category_scores: Object.fromEntries(
            CATEGORIES.map((c) => [c, flagged.includes(c) ? 0.93 : 0.000_12]),
          ),
          category_applied_input_types: Object.fromEntries(CATEGORIES.map((c) => [c, ["text"]])),
        },
      ],
    });

type Reply = Parameters<typeof scriptedOpenAiHandler>[1][number];

/** Built after msw listens: the SDK keeps the `fetch` it finds at construction. */
function moderationFor(replies: Reply[], options: Partial<OpenAiModerationOptions> = {}) {
  const requests: unknown[] = [];
  server.use(scriptedOpenAiHandler("/moderations", replies, requests));
  const moderation = createOpenAiModeration({
    apiKey: "sk-test",
    baseURL: OPENAI_TEST_BASE_URL,
    ...options,
  });
  return { moderation, requests };
}

describe("the OpenAI moderation adapter", () => {
  it("sends the text to omni-moderation-latest and maps self-harm intent to crisis", async () => {
    const { moderation, requests } = moderationFor([
      moderationResponse("self-harm", "self-harm/intent"),
    ]);
    const result = await moderation.moderate("I don't want to be here anymore.");
    expect(requests).toEqual([
      { model: "omni-moderation-latest", input: "I don't want to be here anymore." },
    ]);
    expect(result).toEqual({ flagged: true, categories: ["self-harm", "self-harm/intent"] });
    expect(moderationVerdict(result)).toEqual({ verdict: "crisis", category: "self-harm/intent" });
  });

  it("maps sexual content involving minors to a refusal", async () => {
    const { moderation } = moderationFor([moderationResponse("sexual", "sexual/minors")]);
    const result = await moderation.moderate("(flagged text)");
    expect(moderationVerdict(result)).toEqual({ verdict: "refuse", category: "sexual/minors" });
  });

  it("allows text that nothing flagged", async () => {
    const { moderation } = moderationFor([moderationResponse()]);
    const result = await moderation.moderate("How do I brew green tea?");
    expect(result).toEqual({ flagged: false, categories: [] });
    expect(moderationVerdict(result)).toEqual({ verdict: "allow" });
  });

  it("throws an unavailable ModerationError after the SDK's retry of a 500", async () => {
    const { moderation, requests } = moderationFor([() => openAiErrorResponse(500)]);
    const error = await moderation.moderate("How do I rest?").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationError);
    expect(error).toMatchObject({ name: "ModerationError", reason: "unavailable" });
    expect(requests).toHaveLength(2);
  });

  it("throws a timeout ModerationError when the endpoint does not answer in time", async () => {
    const { moderation } = moderationFor([neverAnswer], { timeoutMs: 150 });
    const error = await moderation.moderate("How do I rest?").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationError);
    expect(error).toMatchObject({ reason: "timeout" });
  });
});

describe("moderationVerdict", () => {
  const verdictFor = (...categories: string[]) =>
    moderationVerdict({ flagged: categories.length > 0, categories });

  it("gives crisis precedence over refusal", () => {
    expect(verdictFor("illicit/violent", "self-harm/instructions")).toEqual({
      verdict: "crisis",
      category: "self-harm/instructions",
    });
  });

  it.each([["illicit/violent"], ["hate/threatening"]])("refuses %s", (category) => {
    expect(verdictFor("violence", category)).toEqual({ verdict: "refuse", category });
  });

  it("refuses graphic violence only together with a threat against someone", () => {
    expect(verdictFor("violence", "violence/graphic")).toEqual({ verdict: "allow" });
    expect(verdictFor("violence/graphic", "harassment/threatening")).toEqual({
      verdict: "refuse",
      category: "violence/graphic",
    });
  });

  it.each([["harassment"], ["hate"], ["sexual"], ["violence"], ["illicit"]])(
    "leaves %s to the local engine",
    (category) => {
      expect(verdictFor(category)).toEqual({ verdict: "allow" });
    },
  );
});
