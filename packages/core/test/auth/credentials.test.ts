import { describe, expect, it } from "vitest";
import { LoginSchema, RegistrationSchema } from "../../src/auth/credentials.ts";

const messages = (input: unknown) => {
  const result = RegistrationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("credential rules", () => {
  it("accepts a long enough password and normalises the address", () => {
    expect(
      RegistrationSchema.parse({ email: "  Ada@Example.COM ", password: "plum tree in spring" }),
    ).toEqual({
      email: "ada@example.com",
      password: "plum tree in spring",
    });
  });

  it("refuses short, monotonous or address-like passwords and bad addresses", () => {
    expect(messages({ email: "a@example.com", password: "short pass" })).toEqual([
      "password must be at least 12 characters",
    ]);
    expect(messages({ email: "a@example.com", password: "abababababababab" })).toEqual([
      "password must use at least 5 different characters",
    ]);
    expect(
      messages({ email: "long.name@example.com", password: "LONG.NAME@example.com1" }),
    ).toEqual(["password must not contain the e-mail address"]);
    expect(messages({ email: "not-an-address", password: "plum tree in spring" })).toHaveLength(1);
    expect(messages({ email: "a@example.com", password: "x".repeat(300) })).toHaveLength(2);
  });

  it("counts characters as people see them", () => {
    expect(messages({ email: "a@example.com", password: "🌸🌿🍵🌙⛰️🌊" })).toEqual([
      "password must be at least 12 characters",
    ]);
  });

  it("checks only the shape at login, since the rules may have changed", () => {
    expect(LoginSchema.safeParse({ email: "a@example.com", password: "old" }).success).toBe(true);
    expect(LoginSchema.safeParse({ email: "a@example.com", password: "" }).success).toBe(false);
  });
});
