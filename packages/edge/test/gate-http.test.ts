import { beforeAll, describe, expect, it } from "vitest";
import { createGateTestApp, type GateTestApp } from "./support/gate-app.ts";
import { createTestIssuer, type TestIssuer } from "./support/tokens.ts";

let issuer: TestIssuer;
let subject: GateTestApp;
let authorization: string;
beforeAll(async () => {
  issuer = await createTestIssuer();
  subject = createGateTestApp(issuer, {
    BODY_LIMIT_BYTES: "1024",
    CORS_ALLOWED_ORIGINS: "https://app.wwhd.test, https://admin.wwhd.test",
  });
  authorization = `Bearer ${await issuer.token("user-1")}`;
});

const chatWith = (body: BodyInit, headers: Record<string, string> = {}) =>
  subject.app.request("/v1/chat", {
    method: "POST",
    headers: { authorization, "content-type": "application/json", ...headers },
    body,
    // Node's fetch needs this for a streamed request body.
    ...(body instanceof ReadableStream && { duplex: "half" }),
  } as RequestInit);

describe("request hygiene in the gate", () => {
  it("answers 413 to a body over BODY_LIMIT_BYTES, declared or streamed", async () => {
    const big = JSON.stringify({ message: "x".repeat(2_000) });
    const declared = await chatWith(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "payload_too_large" });

    const streamed = await chatWith(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
    );
    expect(streamed.status).toBe(413);
    expect((await chatWith(JSON.stringify({ message: "small" }))).status).toBe(200);
  });

  it("allows only the configured CORS origins and answers preflights without a token", async () => {
    const preflight = await subject.app.request("/v1/chat", {
      method: "OPTIONS",
      headers: {
        origin: "https://app.wwhd.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.wwhd.test");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");

    const allowed = await subject.app.request("/health", {
      headers: { origin: "https://admin.wwhd.test" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.wwhd.test");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("RateLimit-Remaining");

    const denied = await subject.app.request("/health", {
      headers: { origin: "https://evil.test" },
    });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses methods outside the allow-list with 405 and Allow", async () => {
    const response = await subject.app.request("/v1/me", { method: "PROPFIND" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(await response.json()).toMatchObject({ code: "method_not_allowed" });
  });

  it("puts an x-request-id on every response, keeping a well-formed one from the caller", async () => {
    const responses = await Promise.all([
      subject.app.request("/health"),
      subject.app.request("/v1/me"),
      subject.app.request("/v1/me", { method: "PROPFIND" }),
      chatWith(JSON.stringify({ message: "x".repeat(2_000) })),
      chatWith(JSON.stringify({})),
      chatWith(JSON.stringify({ message: "hi" })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 401, 405, 413, 400, 200]);
    for (const response of responses)
      expect(response.headers.get("x-request-id")).toMatch(/^[\w-]{16,}$/);

    const echoed = await subject.app.request("/health", {
      headers: { "x-request-id": "trace-abc-123" },
    });
    expect(echoed.headers.get("x-request-id")).toBe("trace-abc-123");
    const replaced = await subject.app.request("/health", {
      headers: { "x-request-id": "bad id\n" },
    });
    expect(replaced.headers.get("x-request-id")).not.toContain("bad");
  });
});
