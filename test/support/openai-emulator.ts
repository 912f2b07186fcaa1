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
