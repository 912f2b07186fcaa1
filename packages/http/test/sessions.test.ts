import { ulid } from "ulid";
import { beforeAll, describe, expect, it } from "vitest";
import { readUiStream, startMetadata } from "../../../test/support/ui-stream.ts";
import { MAX_BODY_BYTES } from "../src/app.ts";
import { call, json, type SignedUp, signUp } from "./support/client.ts";
import { useTestApi } from "./support/test-api.ts";

interface Session {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}
interface Message {
  id: string;
  role: string;
  text: string;
  turnId: string;
}
interface Page<T> {
  items: T[];
  nextCursor?: string;
}

describe("sessions through HTTP", () => {
  const api = useTestApi();
  let user: SignedUp;
  const as = (path: string, options: Parameters<typeof call>[2] = {}) =>
    call(api.app, path, { token: user.accessToken, ...options });

  /** Follows `nextCursor` to the end of a list. */
  async function everyPage<T>(
    path: string,
    token = user.accessToken,
  ): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const separator = path.includes("?") ? "&" : "?";
      const suffix = cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : "";
      const response = await call(api.app, `${path}${suffix}`, { token });
      expect(response.status).toBe(200);
      const page = await json<Page<T>>(response);
      items.push(...page.items);
      pages++;
      cursor = page.nextCursor;
    } while (cursor);
    return { items, pages };
  }

  beforeAll(async () => {
    user = await signUp(api.app, "sessions");
  });

  it("creates, reads, renames and deletes a session", async () => {
    const created = await as("/v1/sessions", { json: { title: "  Evening practice  " } });
    expect(created.status).toBe(201);
    const session = await json<Session>(created);
    expect(session).toEqual({
      id: expect.any(String),
      title: "Evening practice",
      createdAt: expect.any(String),
      updatedAt: session.createdAt,
    });
    expect(await json(await as(`/v1/sessions/${session.id}`))).toEqual(session);

    const renamed = await as(`/v1/sessions/${session.id}`, {
      method: "PATCH",
      json: { title: "Morning practice" },
    });
    expect(await json(renamed)).toMatchObject({ id: session.id, title: "Morning practice" });

    expect((await as(`/v1/sessions/${session.id}`, { method: "DELETE" })).status).toBe(204);
    const gone = await as(`/v1/sessions/${session.id}`);
    expect(gone.status).toBe(404);
    expect(await json(gone)).toMatchObject({ code: "session_not_found" });
    expect((await as(`/v1/sessions/${session.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("creates a session without a body under a default title", async () => {
    const created = await as("/v1/sessions", { method: "POST" });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ title: "New conversation" });
  });

  it("lists sessions most recently active first, page by page", async () => {
    const fresh = await signUp(api.app, "lister");
    const titles = ["one", "two", "three", "four", "five"];
    for (const title of titles)
      await call(api.app, "/v1/sessions", { token: fresh.accessToken, json: { title } });
    const { items, pages } = await everyPage<Session>("/v1/sessions?limit=2", fresh.accessToken);
    expect(items.map((s) => s.title)).toEqual([...titles].reverse());
    expect(pages).toBe(3);
  });

  it("pages the messages of a session, oldest or newest first", async () => {
    const first = await readUiStream(
      await as("/v1/chat", { json: { message: "How do I begin tai chi?" } }),
    );
    const { sessionId } = startMetadata(first);
    for (const message of ["And how often?", "For how long each time?"])
      await readUiStream(await as("/v1/chat", { json: { message, sessionId } }));

    const oldest = await everyPage<Message>(`/v1/sessions/${sessionId}/messages?limit=4`);
    expect(oldest.pages).toBe(2);
    expect(oldest.items.map((m) => m.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(oldest.items[0]?.text).toBe("How do I begin tai chi?");
    const newest = await everyPage<Message>(`/v1/sessions/${sessionId}/messages?order=newest`);
    expect(newest.items.map((m) => m.id)).toEqual(oldest.items.map((m) => m.id).reverse());
    expect(await json(await as(`/v1/sessions/${sessionId}`))).toMatchObject({
      title: "How do I begin tai chi?",
    });
  });

  describe("refuses bad input with a stable code and nothing stored", () => {
    let session: Session;
    beforeAll(async () => {
      session = await json<Session>(await as("/v1/sessions", { json: { title: "kept" } }));
    });

    const cases: [string, string, Parameters<typeof call>[2], number, string][] = [
      ["a blank title", "/v1/sessions", { json: { title: "   " } }, 400, "invalid_request"],
      ["a title of the wrong type", "/v1/sessions", { json: { title: 7 } }, 400, "invalid_request"],
      [
        "a rename without title",
        "/v1/sessions/{id}",
        { method: "PATCH", json: {} },
        400,
        "invalid_request",
      ],
      [
        "a rename to an overlong title",
        "/v1/sessions/{id}",
        { method: "PATCH", json: { title: "t".repeat(201) } },
        400,
        "invalid_request",
      ],
      [
        "a rename over the body limit",
        "/v1/sessions/{id}",
        { method: "PATCH", json: { title: "t".repeat(MAX_BODY_BYTES) } },
        413,
        "payload_too_large",
      ],
      [
        "a chat message over the body limit",
        "/v1/chat",
        { json: { message: "m".repeat(MAX_BODY_BYTES) } },
        413,
        "payload_too_large",
      ],
      ["a page size of 0", "/v1/sessions?limit=0", {}, 400, "invalid_request"],
      ["a page size over the maximum", "/v1/sessions?limit=101", {}, 400, "invalid_request"],
      ["a page size that is no number", "/v1/sessions?limit=ten", {}, 400, "invalid_request"],
      [
        "a forged cursor",
        "/v1/sessions?cursor=eyJQSyI6IlVTRVIjeCJ9.AAAA",
        {},
        400,
        "invalid_cursor",
      ],
      ["an unknown order", "/v1/sessions/{id}/messages?order=sideways", {}, 400, "invalid_request"],
      ["an unknown session", `/v1/sessions/${ulid()}`, {}, 404, "session_not_found"],
      ["an id that is no id", "/v1/sessions/..%2F..%2Fadmin", {}, 404, "session_not_found"],
      ["an unknown route", "/v1/nothing-here", {}, 404, "not_found"],
    ];

    it.each(cases)("%s", async (_, path, options, status, code) => {
      const before = await api.table.scan();
      const response = await as(path.replace("{id}", session.id), options);
      expect(response.status).toBe(status);
      expect(await json(response)).toMatchObject({ code, message: expect.any(String) });
      expect(await api.table.scan()).toEqual(before);
    });

    it("renamed nothing", async () => {
      expect(await json(await as(`/v1/sessions/${session.id}`))).toEqual(session);
    });
  });
});
