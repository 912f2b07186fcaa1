import { delay, HttpResponse, http } from "msw";
import { openAiErrorResponse } from "../../../../test/support/openai-emulator.ts";

/** The base URL the emulated provider answers on (no real host is ever contacted). */
export const EMBEDDINGS_TEST_BASE_URL = "http://embeddings.test/v1";

export type EmbeddingBehaviour =
  | { kind: "ok" }
  | { kind: "status"; status: number; headers?: Record<string, string> }
  | { kind: "hang" };

export interface RecordedRequest {
  at: number;
  body: { input: string[]; model: string; dimensions?: number; encoding_format?: string };
}

/** A deterministic vector per text, so tests can check order and batching. */
export const fakeVector = (text: string, dimensions: number): number[] =>
  Array.from({ length: dimensions }, (_, i) => ((text.length + 1) * (i + 1)) % 7);

/**
 * msw handler emulating `POST /embeddings` as OpenAI answers it (data items with `index`,
 * returned in shuffled order to prove the adapter sorts them). Each request takes the next
 * behaviour of the script; the last one repeats.
 */
export function embeddingsHandler(script: EmbeddingBehaviour[], requests: RecordedRequest[] = []) {
  let call = 0;
  return http.post(`${EMBEDDINGS_TEST_BASE_URL}/embeddings`, async ({ request }) => {
    const body = (await request.json()) as RecordedRequest["body"];
    requests.push({ at: Date.now(), body });
    const behaviour = script[Math.min(call++, script.length - 1)] as EmbeddingBehaviour;
    if (behaviour.kind === "hang") {
      await delay("infinite");
    }
    if (behaviour.kind === "status")
      return openAiErrorResponse(behaviour.status, behaviour.headers);
    const dimensions = body.dimensions ?? 1536;
    const data = body.input
      .map((text, index) => ({
        object: "embedding",
        index,
        embedding: fakeVector(text, dimensions),
      }))
      .reverse();
    return HttpResponse.json({
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: body.input.length, total_tokens: body.input.length },
    });
  });
}
