import { EmailTakenError } from "@wwhd/core/ports/session-store.ts";
import { describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { registerUser } from "./fixtures.ts";

describe("users in the DynamoDB session store", () => {
  const table = useTestTable();

  it("creates a user and finds it by id and by e-mail, case-insensitively", async () => {
    const user = await registerUser(table.store, "Ada@Example.com");
    expect(user.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(await table.store.getUser(user.id)).toEqual(user);
    expect(await table.store.findUserByEmail("ada@example.COM")).toEqual(user);
    expect(await table.store.findUserByEmail("nobody@example.com")).toBeNull();
  });

  it("refuses a second account for an address, whatever its case", async () => {
    await registerUser(table.store, "grace@example.com");
    await expect(registerUser(table.store, "GRACE@example.com")).rejects.toBeInstanceOf(
      EmailTakenError,
    );
  });

  it("lets exactly one of two simultaneous registrations of one address succeed", async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race${round}@example.com`;
      const outcomes = await Promise.allSettled([
        registerUser(table.store, email),
        registerUser(table.store, email),
      ]);
      const winners = outcomes.filter((o) => o.status === "fulfilled");
      const losers = outcomes.filter((o) => o.status === "rejected");
      expect(winners).toHaveLength(1);
      expect(losers.map((o) => o.reason)).toEqual([expect.any(EmailTakenError)]);
      const profiles = (await table.scan()).filter((i) => i.kind === "user" && i.email === email);
      expect(profiles).toHaveLength(1);
    }
  });

  it("updates roles and password hash, and says null for an unknown user", async () => {
    const user = await registerUser(table.store);
    const updated = await table.store.updateUser(user.id, { roles: ["user", "admin"] });
    expect(updated).toMatchObject({
      id: user.id,
      roles: ["user", "admin"],
      passwordHash: user.passwordHash,
    });
    expect(
      await table.store.updateUser("01J0000000000000000000000X", { roles: ["admin"] }),
    ).toBeNull();
    expect(await table.store.getUser("not-an-id")).toBeNull();
  });

  it("lists users newest first, page by page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await table.store.listUsers({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await table.scan()).filter((i) => i.kind === "user").map((i) => i.id as string);
    expect(seen).toEqual([...all].sort().reverse());
  });
});
