import OpenAI from "openai";

/** What every OpenAI-backed adapter is configured with. */
export interface OpenAiConnection {
  apiKey: string;
  /** Any OpenAI-compatible endpoint: OpenAI, Azure, Ollama, vLLM, llama.cpp. */
  baseURL?: string;
  /** Retries of 429/5xx/timeouts, each honouring `Retry-After` (done by the SDK). */
  maxRetries?: number;
  timeoutMs?: number;
  /** Test seam: the fetch the SDK uses (it keeps the one it finds at construction). */
  fetch?: typeof fetch;
}

/** One SDK client with the adapter's own defaults for retries and timeout. */
export function createOpenAiClient(
  connection: OpenAiConnection,
  defaults: { maxRetries: number; timeoutMs: number },
): OpenAI {
  return new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL,
    maxRetries: connection.maxRetries ?? defaults.maxRetries,
    timeout: connection.timeoutMs ?? defaults.timeoutMs,
    ...(connection.fetch && { fetch: connection.fetch }),
  });
}
