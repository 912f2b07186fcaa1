import { ulid } from "ulid";
import { beforeAll, describe, expect, it } from "vitest";
import { readUiStream, startMetadata } from "../../../test/support/ui-stream.ts";
import { type CallOptions, call, json, type SignedUp, signUp } from "./support/client.ts";
import { useTestApi } from "./support/test-api.ts";

interface Page {
  items: { id: string }[];
  nextCursor?: string;
}

/** Status, content type and body: everything a client could tell two answers apart by. */
async function observable(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: await response.text(),
  };
}

describe("two users over every endpoint", () => {
  const api = useTestApi();
  let alice: SignedUp;
  let bob: SignedUp;
  let aliceSession: string;
  let aliceItems: Record<string, unknown>[];
  const ofAlice = (items: Record<string, unknown>[]) =>
    items.filter((item) => JSON.stringify(item).includes(alice.id));

  beforeAll(async () => {
    alice = await signUp(api.app, "alice");
    bob = await signUp(api.app, "bob");
    const turn = await call(api.app, "/v1/chat", {
      token: alice.accessToken,
      json: { message: "How do I start a daily sitting practice?" },
    });
    aliceSession = startMetadata(await readUiStream(turn)).sessionId;
    for (const title of ["second", "third"])
      await call(api.app, "/v1/sessions", { token: alice.accessToken, json: { title } });
    aliceItems = ofAlice(await api.table.scan());
  });

  /** Bob's requests naming Alice's session, each paired with the same request naming none. */
  const sessionRequests = (id: string): [string, CallOptions][] => [
    [`/v1/sessions/${id}`, {}],
    [`/v1/sessions/${id}`, { method: "PATCH", json: { title: "mine now" } }],
    [`/v1/sessions/${id}/messages`, {}],
    [`/v1/sessions/${id}/messages?order=newest&limit=1`, {}],
    ["/v1/chat", { json: { message: "What did I ask before?", sessionId: id } }],
    [`/v1/sessions/${id}`, { method: "DELETE" }],
  ];

  it("answers Bob about Alice's session exactly as about a session that does not exist", async () => {
    const theirs = sessionRequests(aliceSession);
    const missing = sessionRequests(ulid());
    for (const [index, [path, options]] of theirs.entries()) {
      const [missingPath, missingOptions] = missing[index] as [string, CallOptions];
      const asBob = await observable(
        await call(api.app, path, { ...options, token: bob.accessToken }),
      );
      const absent = await observable(
        await call(api.app, missingPath, { ...missingOptions, token: bob.accessToken }),
      );
      expect(asBob, `${options.method ?? "GET"} ${path}`).toEqual(absent);
      expect(asBob.status).toBe(404);
      expect(JSON.parse(asBob.body)).toMatchObject({ code: "session_not_found" });
    }
  });

  it("never lists Alice's sessions to Bob, nor accepts her page cursor", async () => {
    const bobsList = await call(api.app, "/v1/sessions", { token: bob.accessToken });
    expect(await json<Page>(bobsList)).toEqual({ items: [] });

    const alicePage = await json<Page>(
      await call(api.app, "/v1/sessions?limit=1", { token: alice.accessToken }),
    );
    expect(alicePage.nextCursor).toEqual(expect.any(String));
    const replay = await call(
      api.app,
      `/v1/sessions?limit=1&cursor=${encodeURIComponent(alicePage.nextCursor ?? "")}`,
      { token: bob.accessToken },
    );
    expect(replay.status).toBe(400);
    expect(await json(replay)).toMatchObject({ code: "invalid_cursor" });
  });

  it("shows Bob only his own account and export", async () => {
    const me = await json(await call(api.app, "/v1/me", { token: bob.accessToken }));
    expect(me).toMatchObject({ id: bob.id, email: bob.email });
    const exported = await (
      await call(api.app, "/v1/me/export", { token: bob.accessToken })
    ).text();
    expect(exported).toContain(bob.id);
    for (const secret of [alice.id, alice.email, aliceSession, "daily sitting practice"])
      expect(exported).not.toContain(secret);
  });

  it("keeps Bob out of the admin routes", async () => {
    const response = await call(api.app, "/v1/admin/users", { token: bob.accessToken });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ code: "forbidden" });
  });

  it("leaves every item of Alice's untouched, even after Bob erased his own account", async () => {
    expect(
      (await call(api.app, "/v1/me", { token: bob.accessToken, method: "DELETE" })).status,
    ).toBe(204);
    expect(ofAlice(await api.table.scan())).toEqual(aliceItems);
    const session = await call(api.app, `/v1/sessions/${aliceSession}`, {
      token: alice.accessToken,
    });
    expect(await json(session)).toMatchObject({ id: aliceSession, title: expect.any(String) });
    const messages = await json<Page>(
      await call(api.app, `/v1/sessions/${aliceSession}/messages`, { token: alice.accessToken }),
    );
    expect(messages.items).toHaveLength(2);
  });
});
