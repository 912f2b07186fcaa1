import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
} from "../../src/auth/password-hasher.ts";

const cheap = { N: 1024, r: 8, p: 1 };

describe("scrypt password hashing", () => {
  it("verifies the right password and rejects a wrong one, at the default cost", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash differently", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password", cheap),
      hashPassword("same password", cheap),
    ]);
    expect(a).not.toBe(b);
  });

  it("reads the parameters from the stored hash, so old hashes verify after the cost is raised", async () => {
    const old = await hashPassword("an older password", { N: 2048, r: 4, p: 2 });
    expect(old.startsWith("scrypt$2048$4$2$")).toBe(true);
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, { N: 2048, r: 4, p: 2 })).toBe(false);
    expect(needsRehash(await hashPassword("x", DEFAULT_SCRYPT_PARAMS))).toBe(false);
  });

  it("fails closed on a damaged or hostile stored hash", async () => {
    const stored = await hashPassword("the password", cheap);
    const [, N, r, p, salt, key] = stored.split("$");
    const damaged = [
      `scrypt$${N}$${r}$${p}$${salt}$${key?.slice(0, -4)}AAAA`,
      `scrypt$${N}$${r}$${p}$${key}$${key}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`,
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`,
      `scrypt$${N}$${r}$${p}$c2FsdA$${key}`,
      `bcrypt$${N}$${r}$${p}$${salt}$${key}`,
      "",
    ];
    for (const hash of damaged) expect(await verifyPassword("the password", hash)).toBe(false);
  });

  it("treats canonically equivalent Unicode passwords as the same password", async () => {
    const composed = "caf\u00e9 au lait!";
    const decomposed = "cafe\u0301 au lait!";
    expect(await verifyPassword(decomposed, await hashPassword(composed, cheap))).toBe(true);
  });
});
