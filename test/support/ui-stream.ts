/** One parsed part of a UI message stream body (`data: {...}` lines), plus the `[DONE]` marker. */
export type StreamPart = {
  type: string;
  data?: unknown;
  messageMetadata?: unknown;
  [key: string]: unknown;
};

export interface ParsedStream {
  parts: StreamPart[];
  done: boolean;
  text: string;
}

/** Reads a Server-Sent Events body of the Vercel AI SDK UI message stream protocol. */
export async function readUiStream(response: Response): Promise<ParsedStream> {
  const body = await response.text();
  const payloads = body
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data: "))
    .map((event) => event.slice("data: ".length));
  const done = payloads.at(-1) === "[DONE]";
  const parts = payloads.filter((p) => p !== "[DONE]").map((p) => JSON.parse(p) as StreamPart);
  const text = parts
    .filter((p) => p.type === "text-delta")
    .map((p) => p.delta as string)
    .join("");
  return { parts, done, text };
}

/** The `data` of the first `data-<name>` part, typed by the caller. */
export function dataPart<T>(stream: ParsedStream, name: string): T | undefined {
  return stream.parts.find((p) => p.type === `data-${name}`)?.data as T | undefined;
}

/** The turn and session ids announced by the `start` part. */
export function startMetadata(stream: ParsedStream): { turnId: string; sessionId: string } {
  return stream.parts.find((p) => p.type === "start")?.messageMetadata as {
    turnId: string;
    sessionId: string;
  };
}
