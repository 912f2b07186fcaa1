import { delay, HttpResponse, http } from "msw";

/** The base URL the emulated provider answers on (no real host is ever contacted). */
export const OPENAI_TEST_BASE_URL = "http://openai.test/v1";

export type CompletionBehaviour =
  | { kind: "stream"; chunks: string[]; usage?: { prompt: number; completion: number } }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "hang" }
  | { kind: "cut"; chunks: string[] };

/** An error answer in OpenAI's shape (any endpoint). */
export const openAiErrorResponse = (status: number, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { error: { message: `status ${status}`, type: "server_error", code: null, param: null } },
    { status, headers },
  );

const encoder = new TextEncoder();
const sse = (data: unknown) =>
  encoder.encode(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) => ({
  id: "chatcmpl-test",
  object: "chat.completion.chunk",
  created: 1_700_000_000,
  model,
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
});

/** Chat-completions SSE exactly as OpenAI sends it: role chunk, content chunks, finish, usage, [DONE]. */
function completionStream(
  model: string,
  behaviour: Extract<CompletionBehaviour, { kind: "stream" | "cut" }>,
) {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(sse(chunk(model, { role: "assistant", content: "" })));
      for (const text of behaviour.chunks) {
        await delay(1);
        controller.enqueue(sse(chunk(model, { content: text })));
      }
      if (behaviour.kind === "cut") {
        controller.error(new Error("connection reset by peer"));
        return;
      }
      controller.enqueue(sse(chunk(model, {}, "stop")));
      const usage = behaviour.usage ?? { prompt: 11, completion: behaviour.chunks.length };
      controller.enqueue(
        sse({
          ...chunk(model, {}),
          choices: [],
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
          },
        }),
      );
      controller.enqueue(sse("[DONE]"));
      controller.close();
    },
  });
}

/**
 * msw handlers emulating `POST /chat/completions`. Each request takes the next behaviour from
 * the script (the last one repeats); every request body is kept for inspection.
 */
export function openAiChatHandlers(script: CompletionBehaviour[], requests: unknown[] = []) {
  let call = 0;
  return [
    http.post(`${OPENAI_TEST_BASE_URL}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { model: string; stream?: boolean };
      requests.push(body);
      const behaviour = script[Math.min(call++, script.length - 1)] as CompletionBehaviour;
      switch (behaviour.kind) {
        case "status":
          return HttpResponse.json(
            {
              error: {
                message: `status ${behaviour.status}`,
                type: "server_error",
                code: null,
                param: null,
              },
            },
            {
              status: behaviour.status,
              headers: behaviour.retryAfter ? { "retry-after": behaviour.retryAfter } : {},
            },
          );
        case "hang":
          await delay("infinite");
          return HttpResponse.error();
        default:
          return new HttpResponse(completionStream(body.model, behaviour), {
            headers: { "content-type": "text/event-stream" },
          });
      }
    }),
  ];
}

/** A non-streaming chat completion exactly as OpenAI returns it; `content` is the answer text. */
export const chatCompletionResponse = (model: string, content: string | null, finish = "stop") =>
  HttpResponse.json({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finish,
      },
    ],
    usage: {
      prompt_tokens: 180,
      completion_tokens: 40,
      total_tokens: 220,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
    },
    service_tier: "default",
    system_fingerprint: null,
  });

/**
 * One msw handler for a JSON endpoint (e.g. `/chat/completions`, `/moderations`): each request
 * gets the next reply of the script (the last one repeats); every request body is kept.
 */
export function scriptedOpenAiHandler(
  path: string,
  replies: Array<(body: { model: string }) => Response | Promise<Response>>,
  requests: unknown[] = [],
) {
  let call = 0;
  return http.post(`${OPENAI_TEST_BASE_URL}${path}`, async ({ request }) => {
    const body = (await request.json()) as { model: string };
    requests.push(body);
    const reply = replies[Math.min(call++, replies.length - 1)];
    if (!reply) throw new Error(`no reply scripted for ${path}`);
    return reply(body);
  });
}

/** A reply that never comes: the client's timeout has to end the request. */
export const neverAnswer = async (): Promise<Response> => {
  await delay("infinite");
  return HttpResponse.error();
};
