import { beforeAll, describe, expect, it } from "vitest";
import { readUiStream, startMetadata } from "../../../test/support/ui-stream.ts";
import { call, json, type SignedUp, signUp } from "./support/client.ts";
import { type TestApi, useTestApi } from "./support/test-api.ts";

interface Export {
  account: {
    user: { id: string; email: string } | null;
    sessions: { id: string; messages: { text: string }[] }[];
    usage: unknown[];
    refreshFamilies: unknown[];
  };
  memory: { rememberedExchanges: number };
}

/** Everything a user owns: two chat turns, an extra session, a second login, remembered memory. */
async function busyUser(api: TestApi, label: string) {
  const user = await signUp(api.app, label);
  const first = await readUiStream(
    await call(api.app, "/v1/chat", {
      token: user.accessToken,
      json: { message: "How can I calm my mind before sleep?" },
    }),
  );
  const { sessionId, turnId } = startMetadata(first);
  await readUiStream(
    await call(api.app, "/v1/chat", {
      token: user.accessToken,
      json: { message: "And if I wake at night?", sessionId },
    }),
  );
  await call(api.app, "/v1/sessions", { token: user.accessToken, json: { title: "Money" } });
  await call(api.app, "/v1/auth/login", { json: { email: user.email, password: user.password } });
  await api.librarian.remember({
    userId: user.id,
    sessionId,
    turnId,
    question: "How can I calm my mind before sleep?",
    answer: "Breathe slowly and count.",
  });
  return { ...user, sessionId };
}

describe("export and erasure of a user's data", () => {
  const api = useTestApi();
  let carol: SignedUp & { sessionId: string };
  let dave: SignedUp & { sessionId: string };
  const itemsOf = async (user: SignedUp) =>
    (await api.table.scan()).filter((item) => {
      const text = JSON.stringify(item).toLowerCase();
      return text.includes(user.id.toLowerCase()) || text.includes(user.email.toLowerCase());
    });
  const memoryOf = (user: SignedUp) => api.vectors.count("memory", { userId: user.id });

  beforeAll(async () => {
    carol = await busyUser(api, "carol");
    dave = await busyUser(api, "dave");
  });

  it("exports everything of the user, without password or token hashes", async () => {
    const response = await call(api.app, "/v1/me/export", { token: carol.accessToken });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.clone().text();
    const exported = await json<Export>(response);
    expect(exported.account.user).toMatchObject({ id: carol.id, email: carol.email });
    expect(exported.account.sessions).toHaveLength(2);
    const chatted = exported.account.sessions.find((s) => s.id === carol.sessionId);
    expect(chatted?.messages).toHaveLength(4);
    expect(exported.account.usage.length).toBeGreaterThan(0);
    expect(exported.account.refreshFamilies).toHaveLength(2);
    expect(exported.memory.rememberedExchanges).toBeGreaterThanOrEqual(1);
    for (const secret of ["scrypt$", "passwordHash", "tokenHash", carol.refreshToken.split(".")[2]])
      expect(text).not.toContain(secret);
  });

  it("leaves no item of the user in the table and no memory in the vector store", async () => {
    const daveBefore = await itemsOf(dave);
    const daveMemory = await memoryOf(dave);
    expect((await itemsOf(carol)).length).toBeGreaterThan(8);
    expect(await memoryOf(carol)).toBeGreaterThanOrEqual(1);

    const erased = await call(api.app, "/v1/me", { token: carol.accessToken, method: "DELETE" });
    expect(erased.status).toBe(204);

    expect(await itemsOf(carol)).toEqual([]);
    expect(await memoryOf(carol)).toBe(0);
    expect(await itemsOf(dave)).toEqual(daveBefore);
    expect(await memoryOf(dave)).toBe(daveMemory);
  });

  it("leaves the erased user's still-valid tokens unable to read or create anything", async () => {
    const token = carol.accessToken;
    expect(await json(await call(api.app, "/v1/me", { token }))).toMatchObject({
      code: "user_not_found",
    });
    expect(await json(await call(api.app, "/v1/sessions", { token }))).toEqual({ items: [] });
    const create = await call(api.app, "/v1/sessions", { token, json: { title: "after" } });
    expect(create.status).toBe(404);
    const refresh = await call(api.app, "/v1/auth/refresh", {
      json: { refreshToken: carol.refreshToken },
    });
    expect(refresh.status).toBe(401);
    const login = await call(api.app, "/v1/auth/login", {
      json: { email: carol.email, password: carol.password },
    });
    expect(login.status).toBe(401);
    expect(await itemsOf(carol)).toEqual([]);
  });

  it("is idempotent and releases the address for a new account", async () => {
    const again = await call(api.app, "/v1/me", { token: carol.accessToken, method: "DELETE" });
    expect(again.status).toBe(204);
    const reused = await call(api.app, "/v1/auth/register", {
      json: { email: carol.email, password: carol.password },
    });
    expect(reused.status).toBe(201);
    expect((await json<{ user: { id: string } }>(reused)).user.id).not.toBe(carol.id);
  });
});
