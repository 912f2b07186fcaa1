import type { PersonalDataHolder } from "@wwhd/core/ports/session-store.ts";
import { describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { createPersonalDataService } from "../../src/auth/personal-data-service.ts";

/** Stands in for a store that joins later (vector memory, quotas); records what it is asked. */
function recordingHolder(calls: string[]): PersonalDataHolder {
  return {
    dataName: "memory",
    exportUserData: async (userId) => ({ remembered: [`a note of ${userId}`] }),
    eraseUserData: async (userId) => void calls.push(`memory:${userId}`),
  };
}

describe("the personal data service", () => {
  const table = useTestTable();

  it("exports every holder's data and erases from all of them, the account last", async () => {
    const user = await table.store.createUser({
      email: "me@example.com",
      roles: ["user"],
      passwordHash: "h",
    });
    await table.store.createSession(user.id, "mine");
    const calls: string[] = [];
    const service = createPersonalDataService([recordingHolder(calls), table.store]);

    const exported = await service.exportAll(user.id);
    expect(exported.memory).toEqual({ remembered: [`a note of ${user.id}`] });
    expect(exported.account).toMatchObject({
      user: { id: user.id },
      sessions: [{ title: "mine" }],
    });

    await service.eraseAll(user.id);
    expect(calls).toEqual([`memory:${user.id}`]);
    expect((await table.scan()).filter((item) => JSON.stringify(item).includes(user.id))).toEqual(
      [],
    );
  });

  it("stops before the account when another holder fails, so erasure can be retried", async () => {
    const user = await table.store.createUser({
      email: "retry@example.com",
      roles: ["user"],
      passwordHash: "h",
    });
    const failing: PersonalDataHolder = {
      dataName: "quota",
      exportUserData: async () => ({}),
      eraseUserData: async () => {
        throw new Error("quota store unreachable");
      },
    };
    await expect(
      createPersonalDataService([failing, table.store]).eraseAll(user.id),
    ).rejects.toThrow();
    expect(await table.store.getUser(user.id)).not.toBeNull();
  });
});
