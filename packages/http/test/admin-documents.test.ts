import { describe, expect, it } from "vitest";
import { readUiStream } from "../../../test/support/ui-stream.ts";
import { call, json, signUp } from "./support/client.ts";
import { useTestApi } from "./support/test-api.ts";

/** Knowledge added by an admin through HTTP, into an otherwise empty knowledge base. */
const admin = { email: "curator@example.com", password: "plum blossom in the snow" };
const api = useTestApi({ WWHD_ADMIN_EMAIL: admin.email, WWHD_ADMIN_PASSWORD: admin.password });

const DOCUMENT = `---
title: Evening Barley Tea
namespace: diet_food
tags: [tea, evening]
---

# Evening Barley Tea

## Why barley tea

Roasted barley tea has no caffeine, so a cup after dinner will not keep you awake. Its warm,
nutty taste makes it a gentle close to the day.
`;

async function adminToken(): Promise<string> {
  const response = await call(api.app, "/v1/auth/login", { json: admin });
  return (await json<{ tokens: { accessToken: string } }>(response)).tokens.accessToken;
}

function upload(
  token: string,
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
  namespace?: string,
) {
  const form = new FormData();
  form.append("file", new File([content], name));
  if (namespace) form.append("namespace", namespace);
  return api.app.request("/v1/admin/documents", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

const count = () => api.vectors.count("knowledge");

describe("POST /v1/admin/documents", () => {
  it("ingests a markdown document that chat then cites", async () => {
    const response = await upload(await adminToken(), "evening-barley-tea.md", DOCUMENT);
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ documentId: "diet_food/evening-barley-tea" });

    const user = await signUp(api.app, "tea");
    const stream = await readUiStream(
      await call(api.app, "/v1/chat", {
        token: user.accessToken,
        json: { message: "What tea can I drink after dinner without caffeine?" },
      }),
    );
    expect(
      stream.parts.some(
        (p) => p.type === "source-document" && p.filename === "diet_food/evening-barley-tea",
      ),
    ).toBe(true);
  });

  it("re-uploading replaces the document's chunks instead of adding more", async () => {
    const token = await adminToken();
    await upload(token, "evening-barley-tea.md", DOCUMENT);
    const before = await count();
    expect((await upload(token, "evening-barley-tea.md", DOCUMENT)).status).toBe(201);
    expect(await count()).toBe(before);
  });

  it.each([
    ["an empty file", "empty.md", "", undefined, 422, "empty"],
    ["a binary file", "blob.md", new Uint8Array([0, 1, 2, 0, 255, 0, 3]), undefined, 415, "binary"],
    ["an unknown namespace", "tea.md", DOCUMENT, "astrology", 422, "unknown_namespace"],
    ["an unsupported type", "tea.docx", "hello", undefined, 415, "unsupported_type"],
  ])(
    "rejects %s with a clear error and changes nothing",
    async (_, name, content, namespace, status, code) => {
      const before = await count();
      const response = await upload(await adminToken(), name, content, namespace);
      expect(response.status).toBe(status);
      expect(await json(response)).toMatchObject({ code });
      expect(await count()).toBe(before);
    },
  );

  it("is for admins only", async () => {
    const user = await signUp(api.app, "not-admin");
    const response = await upload(user.accessToken, "evening-barley-tea.md", DOCUMENT);
    expect(response.status).toBe(403);
  });

  it("deletes a document's chunks", async () => {
    const token = await adminToken();
    await upload(token, "evening-barley-tea.md", DOCUMENT);
    const response = await call(
      api.app,
      "/v1/admin/documents?documentId=diet_food/evening-barley-tea",
      {
        method: "DELETE",
        token,
      },
    );
    expect(response.status).toBe(204);
    expect(
      await api.vectors.count("knowledge", { documentId: "diet_food/evening-barley-tea" }),
    ).toBe(0);
  });
});

describe("admin quota routes", () => {
  it("read and override a user's daily token quota", async () => {
    const token = await adminToken();
    const user = await signUp(api.app, "quota");
    const read = await call(api.app, `/v1/admin/users/${user.id}/quota`, { token });
    expect(await json(read)).toMatchObject({ userId: user.id, dailyLimit: 50_000, usedToday: 0 });
    const set = await call(api.app, `/v1/admin/users/${user.id}/quota`, {
      method: "PUT",
      token,
      json: { dailyLimit: 10 },
    });
    expect(await json(set)).toMatchObject({ dailyLimit: 10 });
    const denied = await call(api.app, `/v1/admin/users/${user.id}/quota`, {
      token: user.accessToken,
    });
    expect(denied.status).toBe(403);
  });
});
