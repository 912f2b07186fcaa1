import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@wwhd/core/config/config.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENEROUS_LIMITS } from "../../../../test/support/generous-limits.ts";
import { dataPart, readUiStream, startMetadata } from "../../../../test/support/ui-stream.ts";
import { composeLocal } from "../../src/compose-local.ts";

/**
 * The whole local service as `npm start` composes it (DynamoDB Local on disk, the embedded
 * index over the real corpus, the ASL in aws-local-stepfunctions, the local model), driven
 * through its Hono app.
 */
let runtime: Awaited<ReturnType<typeof composeLocal>>;
let dataDir: string;
let accessToken: string;

const admin = { email: "admin@example.com", password: "iron ox walks slowly" };
const user = { email: "student@example.com", password: "plum blossom in the snow" };

const postJson = (path: string, body: unknown) =>
  runtime.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const tokenOf = async (response: Response) =>
  ((await response.json()) as { tokens: { accessToken: string } }).tokens.accessToken;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "wwhd-e2e-"));
  runtime = await composeLocal(
    loadConfig({
      WWHD_DATA_DIR: dataDir,
      LOG_LEVEL: "SILENT",
      WWHD_ADMIN_EMAIL: admin.email,
      WWHD_ADMIN_PASSWORD: admin.password,
      ...GENEROUS_LIMITS,
    }),
  );
  expect((await postJson("/v1/auth/register", user)).status).toBe(201);
  accessToken = await tokenOf(await postJson("/v1/auth/login", user));
});
afterAll(async () => {
  await runtime?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const chat = (
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
) =>
  runtime.app.request("/v1/chat", {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("the local service", () => {
  it("reports every adapter's kind and status on /health", async () => {
    const response = await runtime.app.request("/health");
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      status: string;
      adapters: Record<string, { kind: string; status: string }>;
    };
    expect(health.status).toBe("ok");
    expect(Object.keys(health.adapters).sort()).toEqual(
      ["chatModel", "embedder", "rateLimiter", "sessionStore", "vectorStore", "workflow"].sort(),
    );
    for (const adapter of Object.values(health.adapters)) expect(adapter.status).toBe("ok");
  });

  it("streams an answer to a sleep question that cites a meditation document", async () => {
    const response = await chat({ message: "How can I calm my mind before sleep?" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    const turnId = response.headers.get("x-turn-id");
    const stream = await readUiStream(response);

    expect(stream.done).toBe(true);
    expect(stream.parts[0]).toMatchObject({ type: "start", messageId: turnId });
    const route = dataPart<{ namespaces: { id: string }[] }>(stream, "route");
    expect(route?.namespaces[0]?.id).toBe("meditation");
    const sources = stream.parts.filter((p) => p.type === "source-document");
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => String(s.filename).startsWith("meditation/"))).toBe(true);
    expect(stream.text).toMatch(/\[1\]/);
    expect(stream.parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(3);
    expect(stream.parts.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
  });

  it("answers a greeting without retrieval", async () => {
    const stream = await readUiStream(await chat({ message: "hello" }));
    expect(dataPart<{ needsRetrieval: boolean }>(stream, "route")?.needsRetrieval).toBe(false);
    expect(stream.parts.some((p) => p.type === "source-document")).toBe(false);
    expect(stream.text.length).toBeGreaterThan(0);
  });

  it("meets a crisis message with warmth and crisis resources, never a bare refusal", async () => {
    const stream = await readUiStream(await chat({ message: "I want to end my life" }));
    expect(stream.done).toBe(true);
    expect(stream.text).toMatch(/988|116 123|emergency/i);
    expect(stream.parts.some((p) => p.type === "data-safety")).toBe(true);
    expect(stream.parts.some((p) => p.type === "source-document")).toBe(false);
  });

  it("continues a session it created and refuses one that does not exist", async () => {
    const first = await readUiStream(await chat({ message: "How do I start meditating?" }));
    const { sessionId } = startMetadata(first);
    const second = await readUiStream(await chat({ message: "And for how long?", sessionId }));
    expect(startMetadata(second).sessionId).toBe(sessionId);

    const missing = await chat({ message: "hi", sessionId: "01JNOSUCHSESSION000000000" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "session_not_found" });
  });

  it("refuses a chat turn without a valid access token", async () => {
    for (const authorization of ["", "Bearer not-a-token"]) {
      const response = await chat(
        { message: "hello" },
        { "content-type": "application/json", authorization },
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="wwhd"/);
    }
  });

  it("makes the configured first admin, who alone may list the users", async () => {
    const adminToken = await tokenOf(await postJson("/v1/auth/login", admin));
    const list = (token: string) =>
      runtime.app.request("/v1/admin/users", { headers: { authorization: `Bearer ${token}` } });
    const users = (await (await list(adminToken)).json()) as {
      items: { email: string; roles: string[] }[];
    };
    expect(users.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: admin.email, roles: ["user", "admin"] }),
        expect.objectContaining({ email: user.email, roles: ["user"] }),
      ]),
    );
    expect((await list(accessToken)).status).toBe(403);
  });

  describe("rejects bad input with a 400 JSON error and a stable code", () => {
    it.each([
      ["invalid JSON", "{not json", "invalid_json"],
      ["a missing message", {}, "invalid_request"],
      ["an empty message", { message: "   " }, "invalid_request"],
      ["a message over 4,000 characters", { message: "a".repeat(4001) }, "invalid_request"],
      ["a message of the wrong type", { message: 42 }, "invalid_request"],
    ])("%s", async (_, body, code) => {
      const response = await chat(body);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ code, message: expect.any(String) });
    });

    it("answers 415 to a body that is not JSON", async () => {
      const response = await chat("message=hi", {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
    });
  });
});
